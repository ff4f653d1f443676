package org.campuslake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.campuslake.oozie.run.RunRecord;
import org.junit.jupiter.api.Test;

/** The conservation of {@code lake runs ID}: the terms of three steps, put together per day and table. */
class RunsCommandTest {
    private static RunRecord.CoordAction action(String coordinator, String nominal, Map<String, String> data) {
        RunRecord.CoordAction a = new RunRecord.CoordAction();
        a.coordinator = coordinator;
        a.nominalTime = nominal;
        RunRecord.Action n = new RunRecord.Action();
        n.name = "step";
        n.record(data);
        a.nodes.add(n);
        return a;
    }

    private static RunRecord run(String curatedContacts) {
        RunRecord r = new RunRecord();
        r.actions.add(action("ingest", "2026-09-02T00:00Z", Map.of("conservation.audiences.source", "167",
                "rows.imported", "12")));
        r.actions.add(action("ingest", "2026-09-02T00:00Z", Map.of("conservation.audiences.raw", "165",
                "conservation.audiences.quarantined", "1", "conservation.audiences.erased", "1",
                "conservation.audiences.deleted", "2", "conservation.audiences.curated_table", "contacts")));
        if (curatedContacts != null) {
            r.actions.add(action("analytics", "2026-09-02T00:00Z", Map.of("conservation.curated.contacts",
                    curatedContacts, "conservation.curated.audiences", "999")));
        }
        return r;
    }

    @Test
    void itHoldsWhenEveryRowIsCountedOnceAndReadsTheCuratedTableTheCatalogNames() {
        List<String> out = RunsCommand.conservation(run("165"));
        assertThat(String.join("\n", out)).contains("data of 2026-09-01");
        assertThat(out).anySatisfy(l -> assertThat(l).matches("  audiences\\s+167\\s+165\\s+1\\s+1\\s+2  holds"));
    }

    @Test
    void aMissingRowIsNamedWithItsCountAndRawPointsAtTheCuratedBuild() {
        List<String> out = RunsCommand.conservation(run("164"));
        assertThat(out).anySatisfy(l -> assertThat(l).contains("audiences").contains("DOES NOT HOLD (+1 row(s)"
                + " unaccounted for)").contains("raw holds 165"));
    }

    @Test
    void beforeTheAnalyticsRanRawStandsInForCurated() {
        List<String> out = RunsCommand.conservation(run(null));
        assertThat(out).anySatisfy(l -> assertThat(l).contains("holds, curated not counted yet"));
    }

    @Test
    void aRunWithoutTermsPrintsNoConservation() {
        RunRecord r = new RunRecord();
        r.actions.add(action("ingest", "2026-09-02T00:00Z", Map.of("rows.imported", "3")));
        assertThat(RunsCommand.conservation(r)).isEmpty();
        assertThat(r.actions.get(0).nodes.get(0).counters).containsEntry("rows.imported", "3");
    }
}
