package org.campuslake.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The KPI functions on tiny hand-made inputs; every expected value is worked out in the comments.
 *
 * <pre>
 * student campus region promotion institution status       grades      attendance (present/absent/excused)
 * s1      1      IDF    2027      A           active       80, 70      3 / 1 / 2   -> 3/4 = 0.75
 * s2      1      IDF    2027      B           dropped_out  40          1 / 3 / 0   -> 1/4 = 0.25
 * s3      2      ARA    2028      A           graduated    90, 60, 66  9 / 1 / 0   -> 9/10 = 0.9
 * s4      2      ARA    2028      B           active       -           -           -> null
 * </pre>
 * s1 was recruited at an event; s3 has an apprenticeship (s1's internship does not count).
 */
class KpiFunctionsTest {
    private static SparkSession spark;
    private static Dataset<Row> perStudent;

    @BeforeAll
    static void start() {
        spark = TestSpark.local("KpiFunctionsTest");
        Dataset<Row> students = spark.sql("SELECT * FROM VALUES"
                + " ('s1', 1, 'IDF', 2027, 'A', 'active'), ('s2', 1, 'IDF', 2027, 'B', 'dropped_out'),"
                + " ('s3', 2, 'ARA', 2028, 'A', 'graduated'), ('s4', 2, 'ARA', 2028, 'B', 'active')"
                + " AS t(student_key, campus_id, region, promotion, institution_of_origin, status)");
        Dataset<Row> grades = spark.sql("SELECT student_key, CAST(grade AS DECIMAL(5,2)) AS grade FROM VALUES"
                + " ('s1', 80), ('s1', 70), ('s2', 40), ('s3', 90), ('s3', 60), ('s3', 66) AS t(student_key, grade)");
        List<String> att = new ArrayList<>();
        addAttendance(att, "s1", 3, 1, 2);
        addAttendance(att, "s2", 1, 3, 0);
        addAttendance(att, "s3", 9, 1, 0);
        Dataset<Row> attendances = spark.sql("SELECT * FROM VALUES " + String.join(", ", att) + " AS t(student_key, status)");
        Dataset<Row> contacts = spark.sql("SELECT * FROM VALUES ('c1', 's1'), ('c2', CAST(NULL AS STRING))"
                + " AS t(contact_key, student_key)");
        Dataset<Row> apprenticeships = spark.sql("SELECT * FROM VALUES ('s3', 'apprenticeship'), ('s1', 'internship'),"
                + " ('s3', 'permanent') AS t(student_key, contract_type)");
        perStudent = StudentKpis.perStudent(students, grades, attendances, contacts, apprenticeships).cache();
    }

    private static void addAttendance(List<String> rows, String student, int present, int absent, int excused) {
        for (int i = 0; i < present; i++) {
            rows.add("('" + student + "', 'present')");
        }
        for (int i = 0; i < absent; i++) {
            rows.add("('" + student + "', 'absent')");
        }
        for (int i = 0; i < excused; i++) {
            rows.add("('" + student + "', 'excused')");
        }
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static List<String> rows(Dataset<Row> ds) {
        List<String> out = new ArrayList<>();
        for (Row r : ds.collectAsList()) {
            out.add(r.toString());
        }
        out.sort(null);
        return out;
    }

    @Test
    void perStudentAveragesAttendanceAndFlags() {
        assertThat(rows(perStudent.select("student_key", "grade_count", "average_grade", "attendance_rate",
                "recruited_at_event", "has_apprenticeship"))).containsExactly(
                "[s1,2,75.00,0.75,true,false]",   // (80 + 70) / 2; 3 / (3 + 1), excused left out
                "[s2,1,40.00,0.25,false,false]",
                "[s3,3,72.00,0.9,false,true]",    // (90 + 60 + 66) / 3 = 72; 9 / 10
                "[s4,0,null,null,false,false]");  // no grades, no attendance: no rate rather than 0
    }

    @Test
    void topPerformersWithinRegionAndInstitution() {
        // Region, at least 2 grades, top 1: IDF -> s1 (s2 has one grade); ARA -> s3 (s4 has none).
        assertThat(rows(TopPerformers.within(perStudent, "region", 2, 1).select("region", "rank", "student_key")))
                .containsExactly("[ARA,1,s3]", "[IDF,1,s1]");
        // Institution, at least 1 grade, top 2: A -> s1 (75) then s3 (72); B -> s2 only.
        assertThat(rows(TopPerformers.within(perStudent, "institution_of_origin", 1, 2)
                .select("institution_of_origin", "rank", "student_key")))
                .containsExactly("[A,1,s1]", "[A,2,s3]", "[B,1,s2]");
    }

    @Test
    void activeStudentsPerRegionAtTheEndOfEachMonth() {
        Dataset<Row> students = spark.sql("SELECT student_key, region, CAST(join_date AS DATE) AS join_date,"
                + " CAST(left_date AS DATE) AS left_date FROM VALUES"
                + " ('a', 'IDF', '2025-09-01', NULL),"          // active from September on
                + " ('b', 'IDF', '2025-09-15', '2025-10-15'),"  // active end of September only
                + " ('c', 'IDF', '2025-10-01', '2025-10-31'),"  // left on October's last day: never active at a month end
                + " ('d', 'ARA', '2025-11-03', NULL)"           // from November
                + " AS t(student_key, region, join_date, left_date)");
        assertThat(rows(StudentsOverTime.activeByRegionAndMonth(students, java.time.LocalDate.of(2025, 9, 1),
                java.time.LocalDate.of(2025, 11, 30)))).containsExactly(
                "[ARA,2025-11,1]",
                "[IDF,2025-09,2]",   // a, b
                "[IDF,2025-10,1]",   // a (b left on the 15th, c on the 31st)
                "[IDF,2025-11,1]");  // a
    }

    @Test
    void dropoutRatesByCampusPromotionAndAttendanceBand() {
        // Campus 1: s1, s2 (s2 dropped out) -> 1/2; campus 2: s3, s4 -> 0.
        assertThat(rows(Dropouts.rateBy(perStudent, "campus_id").select("campus_id", "students", "dropouts", "dropout_rate")))
                .containsExactly("[1,2,1,0.5]", "[2,2,0,0.0]");
        assertThat(rows(Dropouts.rateBy(perStudent, "promotion").select("promotion", "dropout_rate")))
                .containsExactly("[2027,0.5]", "[2028,0.0]");
        // Bands: s2 0.25 -> "< 50 %" (dropped out); s1 0.75 -> "75-90 %" (0.75 is not below 0.75); s3 0.9 -> ">= 90 %";
        // s4 has no rate and no band.
        assertThat(rows(Dropouts.rateBy(perStudent, "attendance_band").select("attendance_band", "students", "dropout_rate")))
                .containsExactly("[75-90 %,1,0.0]", "[< 50 %,1,1.0]", "[>= 90 %,1,0.0]");
    }
}
