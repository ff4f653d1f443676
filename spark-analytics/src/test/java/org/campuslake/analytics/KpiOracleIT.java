package org.campuslake.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import org.campuslake.hive.LocalChain;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.seed.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole analytics path on real data, checked against an SQL oracle: a seeded ERP in MariaDB is imported by the
 * ingestion module (its own JVM, real Sqoop), the raw and curated layers are built by the Hive scripts (Spark SQL on
 * a Derby metastore), the KPI job computes and publishes snapshot D to the summary database; then every KPI table
 * must equal the same KPI computed with plain SQL on the ERP (exact counts, averages within rounding). Two dates: the
 * seed's last day, and a month later after {@code erp advance} (new enrolments, excused absences, grade corrections,
 * dropouts, contracts), so updated and late rows are covered. A rerun of a date must leave the summary identical.
 */
class KpiOracleIT {
    private static final LocalDate D1 = LocalDate.of(2026, 8, 31);
    private static final LocalDate D2 = LocalDate.of(2026, 10, 2);
    private static LocalChain chain;
    private static TestDatabase db;
    private static SparkSession spark;
    private static AnalyticsSettings settings;

    @BeforeAll
    static void setUp() throws Exception {
        chain = LocalChain.start("kpi");
        db = chain.db;
        spark = chain.spark;
        Properties a = new Properties();
        a.setProperty("summary.jdbc.url", db.endpoint.jdbcUrl("summary"));
        a.setProperty("summary.user", EmbeddedMariaDb.ETL_USER);
        a.setProperty("summary.password.file", db.endpoint.passwordFile(EmbeddedMariaDb.ETL_USER).toString());
        settings = new AnalyticsSettings(a);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (chain != null) {
            chain.close();
        }
    }

    private static void ingest(LocalDate d) throws Exception {
        assertThat(chain.ingest(d)).as("IngestMain for %s (see %s)", d, chain.ingestLog(d)).isZero();
    }

    private static void build(LocalDate d) throws Exception {
        chain.run(d, "010_raw_tables.hql", "020_raw_partitions.hql", "100_curated_tables.hql", "110_curated_build.hql");
    }

    private static List<List<Object>> summary(String sql, LocalDate d) throws Exception {
        try (Connection c = db.admin()) {
            return KpiOracle.rows(c, sql.replace(":D", "'" + d + "'"));
        }
    }

    private static void check(LocalDate d) throws Exception {
        try (Connection erp = db.erp().open(); Connection summary = db.admin()) {
            SummaryOracle.check(erp, summary, chain.salt, d, settings.minGrades(), settings.topN());
        }
    }

    private static String summaryDump() throws Exception {
        try (Connection c = db.admin()) {
            return SummaryOracle.dump(c);
        }
    }

    @Test
    void publishedKpisEqualTheSqlOracleBeforeAndAfterTheErpMovesOn() throws Exception {
        ingest(D1);
        build(D1);
        Map<String, Long> published = KpiJob.run(spark, settings, D1);
        assertThat(published).hasSize(13).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
        check(D1);

        db.advancer().advance(D2);
        ingest(D2);
        build(D2);
        KpiJob.run(spark, settings, D2);
        check(D2);
        // D1's snapshot was not touched by D2's.
        assertThat(summary("SELECT COUNT(*) FROM summary.kpi_student WHERE snapshot_date = :D", D1).get(0).get(0))
                .isEqualTo(published.get("kpi_student"));

        // A rerun of D2 replaces D2 with exactly the same rows and touches nothing else.
        String before = summaryDump();
        long version = ((Number) summary("SELECT version FROM summary.snapshot WHERE snapshot_date = :D", D2).get(0).get(0))
                .longValue() + 1;
        KpiJob.run(spark, settings, D2);
        assertThat(summaryDump()).isEqualTo(before);
        // The rerun wrote a new version and pruned the one it superseded: every stored row is a live one.
        try (Connection c = db.admin()) {
            List<List<Object>> facts = KpiOracle.rows(c, "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'summary' AND table_name LIKE 'kpi\\_%' AND table_type = 'BASE TABLE'");
            assertThat(facts).hasSize(13);
            for (List<Object> t : facts) {
                assertThat(KpiOracle.rows(c, "SELECT COUNT(*) FROM summary." + t.get(0) + " k LEFT JOIN summary.snapshot s"
                        + " ON s.snapshot_date = k.snapshot_date AND s.version = k.version WHERE s.version IS NULL")
                        .get(0).get(0)).as("rows of %s outside the live versions", t.get(0)).isEqualTo(0L);
            }
            assertThat(((Number) KpiOracle.rows(c, "SELECT version FROM summary.snapshot WHERE snapshot_date = '" + D2 + "'")
                    .get(0).get(0)).longValue()).isEqualTo(version);
        }
    }
}
