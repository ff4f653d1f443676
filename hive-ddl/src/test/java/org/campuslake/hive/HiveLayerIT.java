package org.campuslake.hive;

import static org.assertj.core.api.Assertions.assertThat;


import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.campuslake.seed.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Hive layer on real data: a seeded ERP in MariaDB, imported and validated by the ingestion module in its own
 * JVM (as in production, Sqoop never shares Spark's classpath), then the raw and curated scripts run through Spark
 * SQL with Hive support on a Derby network metastore, for two ingest dates.
 */
class HiveLayerIT {
    private static final LocalDate D1 = LocalDate.of(2026, 8, 31);
    private static final LocalDate D2 = LocalDate.of(2026, 9, 2);
    /** Tab, newline, \001, backslash, quotes, CR and a 4-byte UTF-8 character. */
    private static final String HARD = "O'Brien\nx\u0001y\\z\r\t\"q\" \uD83D\uDE00";
    private static LocalChain chain;
    private static TestDatabase db;
    private static SparkSession spark;

    @BeforeAll
    static void setUp() throws Exception {
        chain = LocalChain.start("hive");
        db = chain.db;
        spark = chain.spark;
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (chain != null) {
            chain.close();
        }
    }

    private static void ingest(LocalDate d) throws Exception {
        ingest(d, 0);
    }

    private static void ingest(LocalDate d, int expectedExit) throws Exception {
        assertThat(chain.ingest(d)).as("IngestMain for %s (see %s)", d, chain.ingestLog(d)).isEqualTo(expectedExit);
    }

    private static void run(String script, LocalDate d) throws Exception {
        chain.run(d, script);
    }

    private static void build(LocalDate d) throws Exception {
        chain.run(d, "010_raw_tables.hql", "020_raw_partitions.hql", "100_curated_tables.hql", "110_curated_build.hql",
                "200_analytics_views.hql");
    }

    private static long erpCount(String sql) throws Exception {
        try (Connection c = db.erp().open()) {
            return TestDatabase.count(c, sql);
        }
    }

    private static long count(String sql) {
        return ((Number) spark.sql(sql).first().get(0)).longValue();
    }

    private static final String[] CURATED = {"campuses", "subjects", "companies", "professors", "students", "events",
        "contacts", "apprenticeships", "lessons", "attendances", "grades"};

    private static Map<String, List<String>> snapshot() {
        Map<String, List<String>> out = new HashMap<>();
        for (String t : CURATED) {
            List<String> rows = new ArrayList<>();
            for (Row r : spark.sql("SELECT * FROM curated." + t).collectAsList()) {
                rows.add(r.toString());
            }
            rows.sort(null);
            out.put(t, rows);
        }
        return out;
    }

    @Test
    void rawAndCuratedLayersOverTwoDates() throws Exception {
        ingest(D1);
        build(D1);
        assertThat(count("SELECT COUNT(*) FROM curated.attendances")).isEqualTo(erpCount("SELECT COUNT(*) FROM erp.attendances"));

        // Between the dates: the new academic year starts, absences get excused, and a malformed grade arrives.
        db.advancer().advance(D2);
        long badGrade;
        long goneContact;
        long goneContract;
        long hardStudent;
        long hardEvent;
        long hardLesson;
        long movedGrade;
        long goneGrade;
        try (Connection c = db.erp().open(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO erp.grades SELECT MAX(grade_id) + 1, 1, 1, '2026-09-02', 150.00, 'exam',"
                    + " '2026-09-02 12:00:00' FROM erp.grades");
            badGrade = TestDatabase.count(c, "SELECT MAX(grade_id) FROM erp.grades");
            // An erasure request and a cancelled contract: hard deletes the lake must follow.
            goneContact = TestDatabase.count(c, "SELECT MIN(audience_id) FROM erp.audiences");
            s.execute("DELETE FROM erp.audiences WHERE audience_id = " + goneContact);
            goneContract = TestDatabase.count(c, "SELECT MIN(apprenticeship_id) FROM erp.apprenticeships");
            s.execute("DELETE FROM erp.apprenticeships WHERE apprenticeship_id = " + goneContract);
            // Free text with every awkward character, in Avro-landed tables (students, events) and in a text-landed
            // one (lessons, where Sqoop replaces a newline, and says so).
            hardStudent = TestDatabase.count(c, "SELECT MIN(student_id) FROM erp.students");
            hardEvent = TestDatabase.count(c, "SELECT MAX(event_id) FROM erp.events") + 1;
            hardLesson = TestDatabase.count(c, "SELECT MAX(lesson_id) FROM erp.lessons") + 1;
            try (java.sql.PreparedStatement ps = c.prepareStatement("UPDATE erp.students SET institution_of_origin = ?,"
                    + " updated_at = '2026-09-01 10:00:00' WHERE student_id = ?")) {
                ps.setString(1, HARD);
                ps.setLong(2, hardStudent);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO erp.events SELECT ?, 'fair', ?, campus_id,"
                    + " '2026-09-01', ?, '2026-09-01 10:00:00' FROM erp.events ORDER BY event_id LIMIT 1")) {
                ps.setLong(1, hardEvent);
                ps.setString(2, HARD);
                ps.setString(3, "Saint-\u00C9tienne\\\u0001");
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            // A corrected grade that moves to another month, and a grade deleted: the increment must rewrite both months.
            movedGrade = TestDatabase.count(c, "SELECT MIN(grade_id) FROM erp.grades");
            goneGrade = TestDatabase.count(c, "SELECT MAX(grade_id) FROM erp.grades WHERE graded_on < '2026-08-01'");
            s.execute("UPDATE erp.grades SET graded_on = DATE_ADD(graded_on, INTERVAL 1 MONTH), updated_at = '2026-09-01 11:00:00'"
                    + " WHERE grade_id = " + movedGrade);
            s.execute("DELETE FROM erp.grades WHERE grade_id = " + goneGrade);
            // lessons is an append table: a new row, since an update of an imported lesson is never re-read.
            s.execute("INSERT INTO erp.lessons SELECT " + hardLesson + ", subject_id, professor_id, campus_id, promotion,"
                    + " '2026-09-01 09:00:00', duration_minutes, 'A\nB', '2026-09-01 10:00:00' FROM erp.lessons"
                    + " ORDER BY lesson_id LIMIT 1");
        }
        ingest(LocalDate.of(2026, 9, 1));
        // The incremental build from 2026-08-31 to 2026-09-01 gives the tables the full build gives.
        run("020_raw_partitions.hql", LocalDate.of(2026, 9, 1));
        run("111_curated_increment.hql", LocalDate.of(2026, 9, 1));
        Map<String, List<String>> increment = snapshot();
        build(LocalDate.of(2026, 9, 1));
        assertThat(increment).isEqualTo(snapshot());
        assertThat(count("SELECT COUNT(*) FROM curated.grades WHERE grade_id = " + goneGrade)).isZero();
        assertThat(count("SELECT COUNT(*) FROM curated.grades WHERE grade_id = " + movedGrade)).isEqualTo(1);
        // One bad grade among a day's few: above the 5 % reject ratio, the ingestion says to stop the chain.
        ingest(D2, 4);
        assertThat(Files.readString(chain.ingestLog(D2))).contains("reject ratio too high for [grades]");
        run("020_raw_partitions.hql", LocalDate.of(2026, 9, 1));
        build(D2);

        // Partitions of every landed date are registered.
        List<String> partitions = new ArrayList<>();
        for (Row r : spark.sql("SHOW PARTITIONS raw.attendances").collectAsList()) {
            partitions.add(r.getString(0));
        }
        assertThat(partitions).containsExactly("ingest_date=2026-08-31", "ingest_date=2026-09-01", "ingest_date=2026-09-02");

        // Exactly one row per key, and it is the latest version: statuses and grades as the ERP has them now.
        for (String[] t : new String[][] {{"attendances", "attendance_id"}, {"grades", "grade_id"}, {"lessons", "lesson_id"},
            {"apprenticeships", "apprenticeship_id"}}) {
            assertThat(count("SELECT COUNT(*) - COUNT(DISTINCT " + t[1] + ") FROM curated." + t[0])).as(t[0]).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM curated.students")).isEqualTo(erpCount("SELECT COUNT(*) FROM erp.students"));
        assertThat(count("SELECT COUNT(*) FROM curated.attendances")).isEqualTo(erpCount("SELECT COUNT(*) FROM erp.attendances"));
        for (String status : new String[] {"present", "absent", "excused"}) {
            assertThat(count("SELECT COUNT(*) FROM curated.attendances WHERE status = '" + status + "'")).as(status)
                    .isEqualTo(erpCount("SELECT COUNT(*) FROM erp.attendances WHERE status = '" + status + "'"));
        }
        assertThat(count("SELECT CAST(SUM(grade) * 100 AS BIGINT) FROM curated.grades"))
                .isEqualTo(erpCount("SELECT CAST(SUM(grade) * 100 AS SIGNED) FROM erp.grades WHERE grade_id <> " + badGrade));
        assertThat(count("SELECT COUNT(*) FROM curated.students WHERE status = 'active' AND join_date >= '2026-09-01'"))
                .isEqualTo(erpCount("SELECT COUNT(*) FROM erp.students WHERE join_date >= '2026-09-01'")).isPositive();

        // Every byte of a free-text value reached curated; the text-landed newline is counted as normalised.
        assertThat(spark.sql("SELECT s.institution_of_origin FROM curated.students s CROSS JOIN (SELECT MAX(salt) AS salt"
                + " FROM secure.pseudonym_salt) k WHERE s.student_key = sha2(concat(k.salt, ':student:', '" + hardStudent
                + "'), 256)").first().getString(0)).isEqualTo(HARD);
        Row event = spark.sql("SELECT name, city FROM curated.events WHERE event_id = " + hardEvent).first();
        assertThat(event.getString(0)).isEqualTo(HARD);
        assertThat(event.getString(1)).isEqualTo("Saint-\u00C9tienne\\\u0001");
        assertThat(spark.sql("SELECT room FROM curated.lessons WHERE lesson_id = " + hardLesson).first().getString(0))
                .isEqualTo("A B");
        java.util.Properties lessonsWatermark = new java.util.Properties();
        try (java.io.Reader r = Files.newBufferedReader(Path.of(java.net.URI.create(chain.vars.get("lake_root")
                + "/state/ingest/erp/lessons/ingest_date=2026-09-01.properties")))) {
            lessonsWatermark.load(r);
        }
        assertThat(lessonsWatermark.getProperty("values.normalised")).isEqualTo("1");

        // The deleted rows left curated: tombstones found by 2026-09-01's import, kept on 2026-09-02.
        assertThat(count("SELECT COUNT(*) FROM raw.audiences_deleted WHERE audience_id = " + goneContact)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM raw.audiences WHERE audience_id = " + goneContact)).isPositive();
        assertThat(count("SELECT COUNT(*) FROM curated.contacts")).isEqualTo(erpCount("SELECT COUNT(*) FROM erp.audiences"));
        assertThat(count("SELECT COUNT(*) FROM curated.contacts WHERE contact_key = sha2(concat('" + chain.salt
                + "', ':contact:', '" + goneContact + "'), 256)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM curated.apprenticeships WHERE apprenticeship_id = " + goneContract)).isZero();
        assertThat(count("SELECT COUNT(*) FROM curated.apprenticeships"))
                .isEqualTo(erpCount("SELECT COUNT(*) FROM erp.apprenticeships"));

        // The quarantined grade reached neither raw nor curated.
        assertThat(count("SELECT COUNT(*) FROM raw.grades WHERE grade_id = " + badGrade)).isZero();
        assertThat(count("SELECT COUNT(*) FROM curated.grades WHERE grade_id = " + badGrade)).isZero();
        assertThat(Files.readString(Path.of(java.net.URI.create(chain.vars.get("lake_root") + "/quarantine/erp/grades/ingest_date=2026-09-02/part-r-00000"))))
                .startsWith("OUT_OF_RANGE\t");

        // No direct identifier anywhere in curated: no value equal to a person's name, e-mail or phone number.
        Set<String> identifiers = new HashSet<>();
        try (Connection c = db.erp().open(); Statement s = c.createStatement()) {
            for (String q : new String[] {
                "SELECT CONCAT(first_name, ' ', last_name), school_email, personal_email, NULL FROM erp.students",
                "SELECT CONCAT(first_name, ' ', last_name), email, phone, NULL FROM erp.audiences",
                "SELECT CONCAT(first_name, ' ', last_name), email, NULL, NULL FROM erp.professors"}) {
                try (ResultSet rs = s.executeQuery(q)) {
                    while (rs.next()) {
                        for (int i = 1; i <= 3; i++) {
                            if (rs.getString(i) != null) {
                                identifiers.add(rs.getString(i));
                            }
                        }
                    }
                }
            }
        }
        int scanned = 0;
        for (String t : CURATED) {
            for (StructField f : spark.table("curated." + t).schema().fields()) {
                assertThat(f.name()).as("curated.%s", t).isNotIn("first_name", "last_name", "email", "school_email",
                        "personal_email", "phone", "birth_date");
                if (f.dataType().typeName().equals("string")) {
                    for (Row r : spark.sql("SELECT DISTINCT " + f.name() + " FROM curated." + t).collectAsList()) {
                        String v = r.getString(0);
                        scanned++;
                        assertThat(v == null || !identifiers.contains(v) && !v.contains("@")).as("curated.%s.%s = %s", t, f.name(), v)
                                .isTrue();
                    }
                }
            }
        }
        assertThat(scanned).isGreaterThan(1000);
        // The same person keeps the same key: contacts who enrolled point to their student row.
        assertThat(count("SELECT COUNT(*) FROM curated.contacts c JOIN curated.students s ON s.student_key = c.student_key"))
                .isEqualTo(erpCount("SELECT COUNT(*) FROM erp.audiences WHERE student_id IS NOT NULL")).isPositive();

        // Analyst views answer.
        assertThat(count("SELECT COUNT(*) FROM analytics.student_profile")).isEqualTo(count("SELECT COUNT(*) FROM curated.students"));

        // A rerun of the same date gives the same curated tables.
        Map<String, List<String>> before = snapshot();
        build(D2);
        assertThat(snapshot()).isEqualTo(before);
    }
}
