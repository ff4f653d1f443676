package org.campuslake.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.campuslake.seed.gen.GeneratorConfig;
import org.campuslake.seed.gen.GeneratorTest;
import org.campuslake.seed.load.ErpFingerprint;
import org.campuslake.seed.schema.SchemaInstaller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `lake seed` against a real MariaDB server. */
class ErpSeedIT {
    private static final GeneratorConfig SF001 = new GeneratorConfig(0.01, 42, GeneratorConfig.DEFAULT_START);
    private static TestDatabase db;

    @BeforeAll
    static void start() throws SQLException {
        db = TestDatabase.get();
    }


    @Test
    void schemaHasElevenKeyedTablesWithUpdatedAtAndInstallsIdempotently() throws SQLException {
        try (Connection c = db.admin()) {
            assertThat(SchemaInstaller.install(c)).isEmpty();
            assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_schema = 'erp' AND table_type = 'BASE TABLE'")).isEqualTo(11);
            assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM information_schema.table_constraints"
                    + " WHERE table_schema = 'erp' AND constraint_type = 'PRIMARY KEY'")).isEqualTo(11);
            assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'erp'"
                    + " AND column_name = 'updated_at' AND data_type = 'timestamp'"
                    + " AND LOWER(extra) LIKE '%on update%current_timestamp%'")).isEqualTo(11);
            assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'erp'"
                    + " AND table_collation NOT LIKE 'utf8mb4%'")).isZero();
            assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM summary.dim_date")).isEqualTo(7_670);
            assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = 'erp'"
                    + " AND column_name = 'updated_at'")).isEqualTo(11);
        }
    }

    @Test
    void aChangedDdlFileIsRefused() throws SQLException {
        try (Connection c = db.admin(); Statement s = c.createStatement()) {
            String path = "summary/V001__summary_dimensions.sql";
            s.executeUpdate("UPDATE lake_meta.schema_history SET checksum = REPEAT('0', 64) WHERE script = '" + path + "'");
            try {
                assertThatThrownBy(() -> SchemaInstaller.install(c)).hasMessageContaining(path)
                        .hasMessageContaining("new numbered file");
            } finally {
                s.executeUpdate("UPDATE lake_meta.schema_history SET checksum = '"
                        + SchemaInstaller.scripts().get(2).checksum() + "' WHERE script = '" + path + "'");
            }
        }
    }

    @Test
    void seedLoadsExactlyTheGeneratedRowsWithIntactReferences() throws SQLException {
        ErpSeeder.Report r = db.seeder().seed(SF001, true);
        try (Connection c = db.erp().open()) {
            for (ErpTable t : ErpTable.values()) {
                assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM " + t.qualifiedName()))
                        .as(t.qualifiedName()).isEqualTo(r.rows().get(t)).isPositive();
            }
            // Byte for byte what the generator produced, and what the generator test pins.
            assertThat(ErpFingerprint.of(c)).isEqualTo(r.fingerprint()).isEqualTo(GeneratorTest.GOLDEN_SF001_SEED42);
            assertThat(TestDatabase.orphans(c)).isEmpty();
            assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM erp.students WHERE first_name REGEXP '[éèçëï]'"))
                    .isPositive();
            assertThat(TestDatabase.count(c, "SELECT COUNT(*) FROM erp.attendances WHERE updated_at > '2026-08-31 23:59:59'"))
                    .isZero();
            SimulationInfo info = SimulationInfo.read(c).orElseThrow();
            assertThat(info.clock()).isEqualTo(SF001.seedEnd());
            assertThat(info.fingerprint()).isEqualTo(r.fingerprint());
        }
        assertThat(r.loadData()).isTrue();
    }

    @Test
    void reseedingNeedsForceAndOtherwiseTouchesNothing() throws SQLException {
        db.seeder().seed(SF001, true);
        String before;
        try (Connection c = db.erp().open()) {
            before = ErpFingerprint.of(c);
        }
        GeneratorConfig other = new GeneratorConfig(0.02, 7, GeneratorConfig.DEFAULT_START);
        assertThatThrownBy(() -> db.seeder().seed(other, false))
                .isInstanceOf(SeedException.class).hasMessageContaining("--force").hasMessageContaining("seed 42");
        try (Connection c = db.erp().open()) {
            assertThat(ErpFingerprint.of(c)).isEqualTo(before);
        }
    }

    @Test
    void sameScaleAndSeedGiveTheSameDatabaseAndAnotherSeedDoesNot() throws SQLException {
        String a = db.seeder().seed(SF001, true).fingerprint();
        String again = db.seeder().seed(SF001, true).fingerprint();
        String other = db.seeder().seed(new GeneratorConfig(0.01, 7, GeneratorConfig.DEFAULT_START), true).fingerprint();
        assertThat(again).isEqualTo(a);
        assertThat(other).isNotEqualTo(a);
        try (Connection c = db.erp().open()) {
            assertThat(ErpFingerprint.of(c)).isEqualTo(other);
        }
    }

    @Test
    void anEndBeforeTheStartIsRefusedBeforeTouchingAnything() {
        assertThatThrownBy(() -> db.seeder().seed(SF001, SF001.start().minusDays(1), true))
                .isInstanceOf(SeedException.class).hasMessageContaining("start date");
    }
}
