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
}
