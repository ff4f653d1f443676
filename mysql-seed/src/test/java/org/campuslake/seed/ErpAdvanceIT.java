package org.campuslake.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.campuslake.seed.gen.GeneratorConfig;
import org.campuslake.seed.load.ErpFingerprint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `lake erp advance` against a real MariaDB server. */
class ErpAdvanceIT {
    private static final GeneratorConfig SF001 = new GeneratorConfig(0.01, 42, GeneratorConfig.DEFAULT_START);
    private static TestDatabase db;

    @BeforeAll
    static void start() throws SQLException {
        db = TestDatabase.get();
    }




    @Test
    void advancingAnUnseededErpIsRefused() throws SQLException {
        db.seeder().seed(SF001, true);
        try (Connection c = db.admin(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM lake_meta.erp_simulation");
        }
        assertThatThrownBy(() -> db.advancer().advance(LocalDate.of(2026, 9, 3)))
                .isInstanceOf(SeedException.class).hasMessageContaining("lake seed");
    }

    @Test
    void advanceAddsEachDaysActivityStampedWithinThatDay() throws SQLException {
        db.seeder().seed(SF001, true);
        long studentsBefore;
        try (Connection c = db.erp().open()) {
            studentsBefore = TestDatabase.count(c, "SELECT MAX(student_id) FROM erp.students");
        }
        LocalDate to = LocalDate.of(2026, 9, 10);
        ErpAdvancer.Report r = db.advancer().advance(to);
        assertThat(r.days()).isEqualTo(10);
        assertThat(r.inserted()).isPositive();
        assertThat(r.updated()).isPositive();
        try (Connection c = db.erp().open()) {
            assertThat(SimulationInfo.read(c).orElseThrow().clock()).isEqualTo(to);
            assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM lake_meta.erp_advance_log")).isEqualTo(10);
            // The new academic year: a cohort enrols (some of them contacts met at events) and classes start.
            assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM erp.students WHERE join_date >= '2026-09-01'"))
                    .isEqualTo(TestDatabase.count(c, "SELECT MAX(student_id) FROM erp.students") - studentsBefore)
                    .isPositive();
            assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM erp.audiences a JOIN erp.students s USING (student_id)"
                    + " WHERE s.join_date >= '2026-09-01' AND a.updated_at >= '2026-09-01'")).isPositive();
            assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM erp.lessons WHERE starts_at >= '2026-09-01'")).isPositive();
            assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM erp.attendances WHERE updated_at >= '2026-09-01'"))
                    .isPositive();
            // An import of day D with a window ending at D 23:59:59 misses nothing: no row is stamped later.
            for (ErpTable t : ErpTable.values()) {
                assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM " + t.qualifiedName()
                        + " WHERE updated_at > '2026-09-10 23:59:59'")).as(t.qualifiedName()).isZero();
            }
            assertThat(TestDatabase.orphans(c)).isEmpty();
        }
        String after = db.fingerprint();
        ErpAdvancer.Report again = db.advancer().advance(LocalDate.of(2026, 9, 5));
        assertThat(again.nothingToDo()).isTrue();
        assertThat(db.fingerprint()).isEqualTo(after);
    }

    @Test
    void advancingIsTheSameSimulationAsSeedingFurther() throws SQLException {
        // Mid-year, so absences get excused and grades corrected: the reloaded state must match the seed's memory.
        LocalDate midYear = LocalDate.of(2026, 3, 10);
        LocalDate later = LocalDate.of(2026, 3, 24);
        db.seeder().seed(SF001, later, true);
        String seededThrough = db.fingerprint();

        db.seeder().seed(SF001, midYear, true);
        ErpAdvancer.Report first = db.advancer().advance(LocalDate.of(2026, 3, 16));
        ErpAdvancer.Report second = db.advancer().advance(later);
        assertThat(first.updated() + second.updated()).isPositive();
        assertThat(db.fingerprint()).isEqualTo(seededThrough);
    }
}
