package org.campuslake.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Properties;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.catalog.ImportMode;
import org.junit.jupiter.api.Test;

/** The plan crosses a process boundary (plan action to commit action): what is stored is what is loaded. */
class TablePlanTest {
    private static final LocalDate D = LocalDate.of(2026, 9, 2);

    @Test
    void aPlanSurvivesTheRoundTripThroughItsPropertiesFile() {
        ImportWindow w = ImportWindow.lastModified("2026-09-01 23:59:59", D, 30, true, null);
        TablePlan plan = new TablePlan("grades", D, ImportMode.LASTMODIFIED, w, 42,
                Arrays.asList("grade_id", "student_id", "score"), Collections.singletonList("score"),
                new Path("file:/lake/landing/erp/grades/_staging_x"), new Path("file:/lake/landing/erp/grades/ingest_date=2026-09-02"),
                "text:INT,INT,DECIMAL");
        Properties p = new Properties();
        plan.store(p);
        TablePlan back = TablePlan.load(p, "grades", D);
        assertThat(back.mode).isEqualTo(ImportMode.LASTMODIFIED);
        assertThat(back.where()).isEqualTo(w.where);
        assertThat(back.window.lower).isEqualTo(w.lower);
        assertThat(back.window.upper).isEqualTo(w.upper);
        assertThat(back.window.reused).isTrue();
        assertThat(back.expected).isEqualTo(42);
        assertThat(back.columns).containsExactly("grade_id", "student_id", "score");
        assertThat(back.drift).containsExactly("score");
        assertThat(back.staging).isEqualTo(plan.staging);
        assertThat(back.partition).isEqualTo(plan.partition);
        assertThat(back.signature).isEqualTo("text:INT,INT,DECIMAL");
    }

    @Test
    void aFullSnapshotHasNoWindowAndSqoopGetsAnAlwaysTrueWhere() {
        TablePlan plan = new TablePlan("campuses", D, ImportMode.FULL, ImportWindow.full(), 3,
                Arrays.asList("campus_id", "city"), Collections.<String>emptyList(), new Path("file:/s"), new Path("file:/p"),
                "text:INT,VARCHAR");
        assertThat(plan.where()).isEqualTo("1=1");
        Properties p = new Properties();
        plan.store(p);
        TablePlan back = TablePlan.load(p, "campuses", D);
        assertThat(back.where()).isEqualTo("1=1");
        assertThat(back.drift).isEmpty();
    }

    @Test
    void loadingATableThePlanDoesNotHoldSaysWhich() {
        assertThatThrownBy(() -> TablePlan.load(new Properties(), "events", D))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events").hasMessageContaining("2026-09-02");
    }
}
