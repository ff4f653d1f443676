package org.campuslake.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.seed.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Publishing on a real MariaDB: a snapshot becomes visible in every KPI table or in none (a new version, then the
 * flip), a rerun replaces only its own date, failures at each step leave the previous snapshot readable and complete
 * and name the KPI, no version but the live one stays, and Power BI's account can read the summary and nothing else.
 */
class SummaryPublishIT {
    private static final LocalDate D1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 9, 2);
    private static TestDatabase db;
    private static SparkSession spark;
    private static SummaryPublisher publisher;

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.get();
        spark = TestSpark.local("SummaryPublishIT");
        String password = db.endpoint.secrets().read(EmbeddedMariaDb.ETL_USER);
        publisher = new SummaryPublisher(db.endpoint.jdbcUrl("summary"), EmbeddedMariaDb.ETL_USER, password);
        try (Connection c = db.admin(); Statement s = c.createStatement()) {
            for (String t : new String[] {"kpi_dropout_by_campus", "kpi_dropout_by_promotion", "snapshot"}) {
                s.execute("DELETE FROM summary." + t);
            }
        }
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    /** Two KPI tables' worth of snapshot D; {@code base} makes the figures differ between versions. */
    private static Map<String, Dataset<Row>> facts(LocalDate d, int base) {
        Map<String, Dataset<Row>> facts = new LinkedHashMap<>();
        facts.put("kpi_dropout_by_campus", spark.sql("SELECT DATE'" + d + "' AS snapshot_date, campus_key,"
                + " students + " + base + " AS students, dropouts, CAST(dropouts / (students + " + base + ") AS DECIMAL(5,4))"
                + " AS dropout_rate FROM VALUES (1, 100, 7), (2, 80, 4), (3, 60, 9) AS t(campus_key, students, dropouts)"));
        facts.put("kpi_dropout_by_promotion", spark.sql("SELECT DATE'" + d + "' AS snapshot_date, promotion_key,"
                + " students + " + base + " AS students, dropouts, CAST(dropouts / (students + " + base + ") AS DECIMAL(5,4))"
                + " AS dropout_rate FROM VALUES (2027, 120, 12), (2028, 120, 8) AS t(promotion_key, students, dropouts)"));
        return facts;
    }

    private static List<List<Object>> rows(String sql) throws SQLException {
        try (Connection c = db.admin()) {
            return KpiOracle.rows(c, sql);
        }
    }

    /** What a reader sees: every date's live version, by the rule the bi_* views follow. */
    private static String state() throws SQLException {
        return rows("SELECT 'campus', k.snapshot_date, campus_key, students, dropouts, dropout_rate"
                + " FROM summary.kpi_dropout_by_campus k JOIN summary.snapshot s"
                + " ON s.snapshot_date = k.snapshot_date AND s.version = k.version ORDER BY 2, 3").toString()
                + rows("SELECT 'promotion', k.snapshot_date, promotion_key, students, dropouts, dropout_rate"
                + " FROM summary.kpi_dropout_by_promotion k JOIN summary.snapshot s"
                + " ON s.snapshot_date = k.snapshot_date AND s.version = k.version ORDER BY 2, 3")
                + rows("SELECT snapshot_date, fact_rows FROM summary.snapshot ORDER BY 1");
    }

    /** Rows of a date, of every version: only the live one stays once a publish ended, well or not. */
    private static long storedRows(LocalDate d) throws SQLException {
        return (Long) rows("SELECT (SELECT COUNT(*) FROM summary.kpi_dropout_by_campus WHERE snapshot_date = '" + d
                + "') + (SELECT COUNT(*) FROM summary.kpi_dropout_by_promotion WHERE snapshot_date = '" + d + "')")
                .get(0).get(0);
    }

    @Test
    void snapshotsAreAtomicIdempotentAndFailuresKeepThePreviousState() throws Exception {
        assertThat(publisher.publish(D1, facts(D1, 0))).containsEntry("kpi_dropout_by_campus", 3L)
                .containsEntry("kpi_dropout_by_promotion", 2L);
        publisher.publish(D2, facts(D2, 0));
        String published = state();
        assertThat(rows("SELECT fact_rows FROM summary.snapshot WHERE snapshot_date = '" + D2 + "'").get(0).get(0))
                .isEqualTo(5);

        // Rerun of D2: same rows under a new version, the old one pruned, nothing else touched.
        publisher.publish(D2, facts(D2, 0));
        assertThat(state()).isEqualTo(published);
        assertThat(rows("SELECT version FROM summary.snapshot WHERE snapshot_date = '" + D2 + "'").get(0).get(0)).isEqualTo(2);
        assertThat(storedRows(D2)).isEqualTo(5);

        // A new version of D2 replaces D2 only.
        publisher.publish(D2, facts(D2, 20));
        String republished = state();
        assertThat(rows("SELECT students FROM summary.kpi_dropout_by_campus WHERE snapshot_date = '" + D2
                + "' AND campus_key = 1").get(0).get(0)).isEqualTo(120);
        assertThat(rows("SELECT students FROM summary.kpi_dropout_by_campus WHERE snapshot_date = '" + D1
                + "' AND campus_key = 1").get(0).get(0)).isEqualTo(100);

        // Between writing and the flip, the new version is in the tables and readers still see the old one (the
        // bi_* views too); a failure there leaves it so, and the new version's rows are gone.
        String[] seen = new String[2];
        SummaryPublisher failing = new SummaryPublisher(db.endpoint.jdbcUrl("summary"), EmbeddedMariaDb.ETL_USER,
                db.endpoint.secrets().read(EmbeddedMariaDb.ETL_USER))
                .withHook(d -> {
                    seen[0] = state();
                    seen[1] = rows("SELECT `Students` FROM summary.bi_dropouts_by_campus WHERE `Campus Key` = 1").toString();
                    assertThat(storedRows(D2)).isEqualTo(10);
                    throw new SQLException("injected failure before the switch");
                });
        assertThatThrownBy(() -> failing.publish(D2, facts(D2, 40)))
                .isInstanceOf(SummaryPublisher.PublishException.class)
                .hasMessageContaining("injected failure before the switch")
                .hasMessageContaining("keeps its previous snapshot");
        assertThat(seen[0]).isEqualTo(republished);
        assertThat(seen[1]).isEqualTo("[[120]]");
        assertThat(state()).isEqualTo(republished);
        assertThat(storedRows(D2)).isEqualTo(5);

        // Failure inside the flip (a table lost rows after they were written): rolled back, the table named.
        SummaryPublisher midSwitch = new SummaryPublisher(db.endpoint.jdbcUrl("summary"), EmbeddedMariaDb.ETL_USER,
                db.endpoint.secrets().read(EmbeddedMariaDb.ETL_USER))
                .withHook(d -> {
                    try (Connection c = db.admin(); Statement s = c.createStatement()) {
                        s.execute("DELETE FROM summary.kpi_dropout_by_promotion WHERE snapshot_date = '" + D2
                                + "' AND version = 4 AND promotion_key = 2027");
                    }
                });
        assertThatThrownBy(() -> midSwitch.publish(D2, facts(D2, 40)))
                .isInstanceOf(SummaryPublisher.PublishException.class)
                .hasMessageContaining("KPI table kpi_dropout_by_promotion failed while switching in")
                .hasMessageContaining("version 4 holds 1 rows, 2 were written");
        assertThat(state()).isEqualTo(republished);
        assertThat(storedRows(D2)).isEqualTo(5);

        // Rows a crashed publish left behind (its clean-up never ran) are pruned by the next publish of the date.
        try (Connection c = db.admin(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO summary.kpi_dropout_by_campus (snapshot_date, version, campus_key, students, dropouts,"
                    + " dropout_rate) VALUES ('" + D2 + "', 9, 1, 1, 1, 1.0)");
        }
        publisher.publish(D2, facts(D2, 20));
        assertThat(state()).isEqualTo(republished);
        assertThat(storedRows(D2)).isEqualTo(5);

        // A KPI that cannot be computed or written is named with the database's reason, and nothing changes.
        Map<String, Dataset<Row>> broken = facts(D2, 40);
        broken.put("kpi_dropout_by_promotion", spark.sql("SELECT DATE'" + D2 + "' AS snapshot_date,"
                + " 2027 AS promotion_key, 1 AS students, 1 AS dropouts, CAST(NULL AS DECIMAL(5,4)) AS dropout_rate"));
        assertThatThrownBy(() -> publisher.publish(D2, broken))
                .isInstanceOf(SummaryPublisher.PublishException.class)
                .hasMessageContaining("KPI table kpi_dropout_by_promotion failed while writing")
                .hasMessageContaining("NULL supplied to NOT NULL column 'dropout_rate'");
        assertThat(state()).isEqualTo(republished);
        assertThat(storedRows(D2)).isEqualTo(5);

        // A KPI whose computation fails (its rows are collected alongside the others') is named, and nothing changes.
        Map<String, Dataset<Row>> uncomputable = facts(D2, 40);
        uncomputable.put("kpi_dropout_by_promotion", uncomputable.get("kpi_dropout_by_promotion")
                .withColumn("dropouts", org.apache.spark.sql.functions.expr("raise_error('no events table')")));
        assertThatThrownBy(() -> publisher.publish(D2, uncomputable))
                .hasMessageContaining("KPI table kpi_dropout_by_promotion failed while computing")
                .hasMessageContaining("no events table");
        assertThat(state()).isEqualTo(republished);
        assertThat(storedRows(D2)).isEqualTo(5);

        // Rows of another date in a snapshot are refused before anything is switched.
        Map<String, Dataset<Row>> mixed = facts(D2, 40);
        mixed.put("kpi_dropout_by_campus", facts(D1, 40).get("kpi_dropout_by_campus"));
        assertThatThrownBy(() -> publisher.publish(D2, mixed)).hasMessageContaining("not for snapshot " + D2);
        assertThat(state()).isEqualTo(republished);
        assertThat(storedRows(D2)).isEqualTo(5);
    }

    @Test
    void aServerThatRefusesLoadDataLocalGetsBatchedInserts() throws Exception {
        LocalDate d = LocalDate.of(2026, 9, 3);
        try (Connection c = db.admin(); Statement s = c.createStatement()) {
            s.execute("SET GLOBAL local_infile = OFF"); // MySQL 8.0's default
        }
        try {
            publisher.publish(d, facts(d, 0));
            publisher.publish(d, facts(d, 7));
        } finally {
            try (Connection c = db.admin(); Statement s = c.createStatement()) {
                s.execute("SET GLOBAL local_infile = ON");
            }
        }
        assertThat(rows("SELECT students FROM summary.bi_dropouts_by_campus WHERE `Campus Key` = 1".replace("students",
                "`Students`") + " AND `Snapshot Date` = '" + d + "'")).isEqualTo(List.of(List.of(107)));
        assertThat(storedRows(d)).isEqualTo(5);
    }

    @Test
    void biReaderReadsTheSummaryAndNothingElse() throws Exception {
        try (Connection c = db.endpoint.connect(EmbeddedMariaDb.BI_USER, "summary"); Statement s = c.createStatement()) {
            s.executeQuery("SELECT * FROM summary.bi_campus").close();
            s.executeQuery("SELECT * FROM summary.bi_dropouts_by_campus").close();
            s.executeQuery("SELECT * FROM summary.kpi_student").close();
            for (String sql : new String[] {
                "INSERT INTO summary.snapshot (snapshot_date, fact_rows) VALUES ('2030-01-01', 0)",
                "UPDATE summary.kpi_dropout_by_campus SET students = 0",
                "DELETE FROM summary.kpi_dropout_by_campus",
                "CREATE TABLE summary.x (a INT)",
                "DROP VIEW summary.bi_campus",
                "SELECT * FROM erp.students",
                "SELECT * FROM lake_meta.schema_history",
                "CREATE TABLE summary_stage.x (a INT)"}) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("denied");
            }
        }
    }
}
