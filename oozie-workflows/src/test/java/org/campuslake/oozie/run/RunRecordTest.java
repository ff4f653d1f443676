package org.campuslake.oozie.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunRecordTest {
    @Test
    void aRunningRecordWhoseProcessIsGoneDied() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        RunRecord r = new RunRecord();
        r.pid = p.pid();
        assertThat(r.effectiveStatus()).isEqualTo("DIED");
        r.status = "SUCCEEDED";
        assertThat(r.effectiveStatus()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRunningRecordOfALiveProcessOrWithoutPidIsRunning() {
        RunRecord r = new RunRecord();
        assertThat(r.effectiveStatus()).isEqualTo("RUNNING");
        r.pid = ProcessHandle.current().pid();
        assertThat(r.effectiveStatus()).isEqualTo("RUNNING");
    }

    @Test
    void anOozieActionsCaptureOutputGivesItsCountersAndConservationTerms() {
        RunRecord.Action a = new RunRecord.Action();
        a.record(ServerRunner.outputData("#\n#Thu Dec 03 10:00:00 UTC 2026\nrows.imported=12\n"
                + "conservation.grades.source=2744\nfailed=\n"));
        assertThat(a.counters).containsOnlyKeys("rows.imported");
        assertThat(a.conservation).containsEntry("grades.source", "2744").hasSize(1);
        assertThat(ServerRunner.outputData(null)).isEmpty();
    }
}
