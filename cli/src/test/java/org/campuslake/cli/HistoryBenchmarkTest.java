package org.campuslake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.campuslake.oozie.run.RunRecord;
import org.junit.jupiter.api.Test;

class HistoryBenchmarkTest {
    @Test
    void aStageLastsFromItsFirstActionsStartToItsLastActionsEnd() {
        RunRecord r = new RunRecord();
        RunRecord.CoordAction ingest = new RunRecord.CoordAction();
        ingest.nodes.add(node("plan", "2026-12-04T10:00:00Z", "2026-12-04T10:00:01Z"));
        ingest.nodes.add(node("import-grades", "2026-12-04T10:00:01Z", "2026-12-04T10:00:05Z"));
        ingest.nodes.add(node("import-campuses", "2026-12-04T10:00:02Z", "2026-12-04T10:00:04Z"));
        ingest.nodes.add(node("commit", "2026-12-04T10:00:05Z", "2026-12-04T10:00:06.500Z"));
        ingest.nodes.add(node("validate", "2026-12-04T10:00:07Z", "2026-12-04T10:00:12Z"));
        RunRecord.CoordAction analytics = new RunRecord.CoordAction();
        analytics.nodes.add(node("curated-build", "2026-12-04T10:00:20Z", "2026-12-04T10:00:31Z"));
        r.actions.addAll(List.of(ingest, analytics));

        Map<String, Double> stages = HistoryBenchmark.stages(r);
        assertThat(stages).containsEntry("import", 6.5).containsEntry("validate", 5.0).containsEntry("register", 0.0)
                .containsEntry("curated build", 11.0).containsEntry("kpis", 0.0);
        assertThat(HistoryBenchmark.csv(List.of(new HistoryBenchmark.Day(1, LocalDate.of(2026, 9, 1), 40.25, stages, 1234))))
                .isEqualTo("day,date,seconds,rows_imported,import_seconds,validate_seconds,register_seconds,"
                        + "curated_build_seconds,kpis_seconds\n1,2026-09-01,40.3,1234,6.5,5.0,0.0,11.0,0.0\n");
    }

    private static RunRecord.Action node(String name, String started, String ended) {
        RunRecord.Action a = new RunRecord.Action();
        a.name = name;
        a.started = started;
        a.ended = ended;
        return a;
    }
}
