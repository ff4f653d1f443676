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
 * Publishing on a real MariaDB: a snapshot lands in every KPI table or in none, a rerun replaces only its own date,
 * failures at each step leave the previous snapshot readable and complete and name the KPI, and Power BI's account
 * can read the summary and nothing else.
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

    private static String state() throws SQLException {
        return rows("SELECT 'campus', snapshot_date, campus_key, students, dropouts, dropout_rate"
                + " FROM summary.kpi_dropout_by_campus ORDER BY 2, 3").toString()
                + rows("SELECT 'promotion', snapshot_date, promotion_key, students, dropouts, dropout_rate"
                + " FROM summary.kpi_dropout_by_promotion ORDER BY 2, 3")
                + rows("SELECT snapshot_date, fact_rows FROM summary.snapshot ORDER BY 1");
    }

    @Test
    void snapshotsAreAtomicIdempotentAndFailuresKeepThePreviousState() throws Exception {
        assertThat(publisher.publish(D1, facts(D1, 0))).containsEntry("kpi_dropout_by_campus", 3L)
                .containsEntry("kpi_dropout_by_promotion", 2L);
        publisher.publish(D2, facts(D2, 0));
        String published = state();
        assertThat(rows("SELECT fact_rows FROM summary.snapshot WHERE snapshot_date = '" + D2 + "'").get(0).get(0))
                .isEqualTo(5);

        // Rerun of D2: same rows, nothing else touched.
        publisher.publish(D2, facts(D2, 0));
        assertThat(state()).isEqualTo(published);

        // A new version of D2 replaces D2 only.
        publisher.publish(D2, facts(D2, 20));
        String republished = state();
        assertThat(rows("SELECT students FROM summary.kpi_dropout_by_campus WHERE snapshot_date = '" + D2
                + "' AND campus_key = 1").get(0).get(0)).isEqualTo(120);
        assertThat(rows("SELECT students FROM summary.kpi_dropout_by_campus WHERE snapshot_date = '" + D1
                + "' AND campus_key = 1").get(0).get(0)).isEqualTo(100);

        // Failure between staging and the switch: the previous D2 stays, readable and complete.
        SummaryPublisher failing = new SummaryPublisher(db.endpoint.jdbcUrl("summary"), EmbeddedMariaDb.ETL_USER,
                db.endpoint.secrets().read(EmbeddedMariaDb.ETL_USER))
                .withHook(d -> {
                    throw new SQLException("injected failure before the switch");
                });
        assertThatThrownBy(() -> failing.publish(D2, facts(D2, 40)))
                .isInstanceOf(SummaryPublisher.PublishException.class)
                .hasMessageContaining("injected failure before the switch")
                .hasMessageContaining("keeps its previous snapshot");
        assertThat(state()).isEqualTo(republished);

        // Failure inside the switch, after the first table was already replaced in the transaction: rolled back.
        SummaryPublisher midSwitch = new SummaryPublisher(db.endpoint.jdbcUrl("summary"), EmbeddedMariaDb.ETL_USER,
                db.endpoint.secrets().read(EmbeddedMariaDb.ETL_USER))
                .withHook(d -> {
                    try (Connection c = db.admin(); Statement s = c.createStatement()) {
                        s.execute("DROP TABLE " + SummaryPublisher.stagingTable("kpi_dropout_by_promotion"));
                    }
                });
        assertThatThrownBy(() -> midSwitch.publish(D2, facts(D2, 40)))
                .isInstanceOf(SummaryPublisher.PublishException.class)
                .hasMessageContaining("KPI table kpi_dropout_by_promotion failed while switching in");
        assertThat(state()).isEqualTo(republished);

        // A KPI that cannot be computed or staged is named, and nothing changes.
        Map<String, Dataset<Row>> broken = facts(D2, 40);
        broken.put("kpi_dropout_by_promotion", spark.sql("SELECT DATE'" + D2 + "' AS snapshot_date,"
                + " 2027 AS promotion_key, 1 AS students, 1 AS dropouts, CAST(NULL AS DECIMAL(5,4)) AS dropout_rate"));
        assertThatThrownBy(() -> publisher.publish(D2, broken))
                .isInstanceOf(SummaryPublisher.PublishException.class)
                .hasMessageContaining("KPI table kpi_dropout_by_promotion failed while computing or staging");
        assertThat(state()).isEqualTo(republished);

        // Rows of another date in a snapshot are refused before anything is switched.
        Map<String, Dataset<Row>> mixed = facts(D2, 40);
        mixed.put("kpi_dropout_by_campus", facts(D1, 40).get("kpi_dropout_by_campus"));
        assertThatThrownBy(() -> publisher.publish(D2, mixed)).hasMessageContaining("not for snapshot " + D2);
        assertThat(state()).isEqualTo(republished);
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
