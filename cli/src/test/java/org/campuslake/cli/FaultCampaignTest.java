package org.campuslake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultCampaignTest {
    private static FaultCampaign.Fingerprint print(List<String> grades, String keys, String watermark) {
        return new FaultCampaign.Fingerprint(Map.of("grades", grades), Map.of("grades", keys),
                Map.of("kpi_campus", List.of("{campus_id=1, rate=0.5}")),
                watermark == null ? Map.of() : Map.of("ingest/erp/grades/ingest_date=2026-09-01.properties", watermark));
    }

    @Test
    void theSameFingerprintHasNoDifference() {
        FaultCampaign.Fingerprint a = print(List.of("1\tk1", "2\tk2"), "2\t2", "lower=a\nupper=b");
        assertThat(FaultCampaign.differences(a, print(List.of("1\tk1", "2\tk2"), "2\t2", "lower=a\nupper=b"))).isEmpty();
        assertThat(FaultCampaign.duplicates(a)).isEmpty();
    }

    @Test
    void aChangedRowARepeatedRowAndAMovedWatermarkAreNamed() {
        FaultCampaign.Fingerprint clean = print(List.of("1\tk1", "2\tk2"), "2\t2", "lower=a\nupper=b");
        assertThat(FaultCampaign.differences(clean, print(List.of("1\tk1", "2\tk9"), "2\t2", "lower=a\nupper=b")))
                .containsExactly("curated.grades: 2 rows after the rerun, 2 in the clean run; missing: 2 k2;"
                        + " not in the clean run: 2 k9");
        assertThat(FaultCampaign.differences(clean, print(List.of("1\tk1", "2\tk2", "2\tk2"), "3\t2", "lower=a\nupper=b")))
                .containsExactly("curated.grades: 3 rows after the rerun, 2 in the clean run; a row repeated");
        assertThat(FaultCampaign.differences(clean, print(List.of("1\tk1", "2\tk2"), "2\t2", "lower=a\nupper=c")))
                .containsExactly("state/ingest/erp/grades/ingest_date=2026-09-01.properties: lower=a upper=b  became"
                        + "  lower=a upper=c");
        assertThat(FaultCampaign.differences(clean, print(List.of("1\tk1", "2\tk2"), "2\t2", null)))
                .containsExactly("state/ingest/erp/grades/ingest_date=2026-09-01.properties: missing after the rerun");
    }

    @Test
    void twoRowsWithOneKeyAreADuplicate() {
        assertThat(FaultCampaign.duplicates(print(List.of("1\tk1", "1\tk2"), "2\t1", null)))
                .containsExactly("curated.grades: 2 rows but 1 distinct keys");
    }

    @Test
    void atKeepsTheNamedActionsOfTheCleanRunAndRefusesOthersByName() {
        org.campuslake.oozie.run.RunRecord clean = new org.campuslake.oozie.run.RunRecord();
        clean.id = "20261204-000000";
        org.campuslake.oozie.run.RunRecord.CoordAction wf = new org.campuslake.oozie.run.RunRecord.CoordAction();
        wf.workflow = "campus-lake-analytics";
        for (String name : List.of("curated-build", "kpis")) {
            org.campuslake.oozie.run.RunRecord.Action n = new org.campuslake.oozie.run.RunRecord.Action();
            n.name = name;
            n.type = "hive2";
            n.status = "OK";
            n.seconds = 10.0;
            wf.nodes.add(n);
        }
        clean.actions.add(wf);
        assertThat(FaultCampaign.killPoints(clean, List.of())).hasSize(2);
        assertThat(FaultCampaign.killPoints(clean, List.of("kpis"))).extracting(FaultCampaign.KillPoint::action)
                .containsExactly("kpis");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FaultCampaign.killPoints(clean, List.of("kpi")))
                .hasMessage("--at kpi: not an action that ran in 20261204-000000 (its actions: curated-build, kpis)");
    }
}
