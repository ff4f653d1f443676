package org.campuslake.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** KPIs 5-9 on tiny hand-made inputs; each test works its expected values out in its comments. */
class SchoolKpisTest {
    private static final LocalDate D = LocalDate.of(2025, 10, 15);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.local("SchoolKpisTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Dataset<Row> table(String columns, String... rows) {
        return spark.sql("SELECT * FROM VALUES " + String.join(", ", rows) + " AS t(" + columns + ")");
    }

    private static List<String> rows(Dataset<Row> ds) {
        List<String> out = new ArrayList<>();
        for (Row r : ds.collectAsList()) {
            out.add(r.toString());
        }
        return out;
    }

    private static final String STUDENT_COLUMNS = "student_key, campus_id, region, promotion, join_date, left_date, status";

    private static String student(String key, int campus, String region, int promotion, String join, String left,
                                  String status) {
        return "('" + key + "', " + campus + ", '" + region + "', " + promotion + ", DATE'" + join + "', "
                + (left == null ? "CAST(NULL AS DATE)" : "DATE'" + left + "'") + ", '" + status + "')";
    }

    private static String contract(String student, int company, String start, String end, String type) {
        return "('" + student + "', " + company + ", DATE'" + start + "', "
                + (end == null ? "CAST(NULL AS DATE)" : "DATE'" + end + "'") + ", '" + type + "')";
    }

    private static final String CONTRACT_COLUMNS = "student_key, company_id, start_date, end_date, contract_type";

    /**
     * On D = 2025-10-15. IDF's active students are s1 and s2 (s5 joins after D); ARA's is s3 (s4 dropped out).
     * Running apprenticeships on D: s1's only (s2's ended on 31 August, s3's starts the day after D) -> IDF 1/2,
     * ARA 0/1.
     */
    @Test
    void apprenticeshipShareByRegion() {
        Dataset<Row> students = table(STUDENT_COLUMNS,
                student("s1", 1, "IDF", 2027, "2024-09-01", null, "active"),
                student("s2", 1, "IDF", 2027, "2024-09-01", null, "active"),
                student("s3", 2, "ARA", 2026, "2023-09-01", null, "active"),
                student("s4", 2, "ARA", 2026, "2023-09-01", "2025-02-20", "dropped_out"),
                student("s5", 1, "IDF", 2028, "2025-11-01", null, "active"));
        assertThat(rows(Apprenticeships.shareByRegion(students, contracts(), D)))
                .containsExactly("[ARA,1,0,0.0]", "[IDF,2,1,0.5]");
    }

    private static Dataset<Row> contracts() {
        return table(CONTRACT_COLUMNS,
                contract("s1", 10, "2025-09-20", null, "apprenticeship"),
                contract("s2", 10, "2024-10-01", "2025-08-31", "apprenticeship"),
                contract("s2", 11, "2025-04-01", "2025-05-27", "internship"),
                contract("s3", 12, "2025-10-16", null, "apprenticeship"),
                contract("s3", 13, "2025-04-01", "2025-05-27", "internship"),
                contract("s4", 10, "2024-10-01", "2025-02-20", "apprenticeship"),
                contract("s4", 20, "2025-03-10", null, "apprenticeship"));
    }

    /**
     * Contracts started by D: company 10 took s1, s2 and s4 (3 students, 3 contracts); 11 and 13 one student each
     * (tie: the lower id first); 12's contract starts after D so it took nobody yet; school 20 took s4, who left us.
     */
    @Test
    void recruitersRankedWithinTheirKind() {
        Dataset<Row> companies = table("company_id, kind",
                "(10, 'company')", "(11, 'company')", "(12, 'company')", "(13, 'company')", "(20, 'school')");
        assertThat(rows(Apprenticeships.recruiters(contracts(), companies, D)))
                .containsExactly("[company,1,10,3,3]", "[company,2,11,1,1]", "[company,3,13,1,1]", "[school,1,20,1,1]");
    }

    /**
     * Events held by D: e1 (open day, campus 1, 1 March), e2 (fair, campus 1, 1 April), e3 (open day, campus 1,
     * 1 May), e5 (open day, campus 2, 1 June, nobody came); e4 is after D.
     * <pre>
     * e1: k1 -> j1 (joined 1 Sept: 184 days), k2, k3 -> j2 (10 Sept: 193 days), k4   -> 4 contacts, 2 converted, median 188.5
     * e2: k5 -> j3 (1 Sept: 153 days), k6                                            -> 2, 1, 153
     * e3: k7 -> j4 (5 Sept: 127 days), k8 -> j5 (1 Sept: 123 days), k9              -> 3, 2, 125
     * open days of campus 1 together: 7 contacts, 4 converted (0.5714), median of 123, 127, 184, 193 = 155.5
     * </pre>
     */
    @Test
    void eventConversion() {
        Dataset<Row> events = table("event_id, event_type, campus_id, event_date",
                "(1, 'open_day', 1, DATE'2025-03-01')", "(2, 'fair', 1, DATE'2025-04-01')",
                "(3, 'open_day', 1, DATE'2025-05-01')", "(4, 'fair', 2, DATE'2025-11-01')",
                "(5, 'open_day', 2, DATE'2025-06-01')");
        Dataset<Row> contacts = table("contact_key, event_id, student_key",
                "('k1', 1, 'j1')", "('k2', 1, CAST(NULL AS STRING))", "('k3', 1, 'j2')", "('k4', 1, NULL)",
                "('k5', 2, 'j3')", "('k6', 2, NULL)", "('k7', 3, 'j4')", "('k8', 3, 'j5')", "('k9', 3, NULL)",
                "('k10', 4, NULL)");
        Dataset<Row> students = table("student_key, join_date",
                "('j1', DATE'2025-09-01')", "('j2', DATE'2025-09-10')", "('j3', DATE'2025-09-01')",
                "('j4', DATE'2025-09-05')", "('j5', DATE'2025-09-01')");
        Dataset<Row> rows = EventConversion.contacts(events, contacts, students, D).cache();
        assertThat(rows(EventConversion.perEvent(rows))).containsExactly(
                "[1,open_day,1,4,2,0.5,188.5]", "[2,fair,1,2,1,0.5,153.0]", "[3,open_day,1,3,2,0.6667,125.0]",
                "[5,open_day,2,0,0,null,null]");
        assertThat(rows(EventConversion.totals(rows))).containsExactly(
                "[fair,1,1,2,1,0.5,153.0]", "[open_day,1,2,7,4,0.5714,155.5]", "[open_day,2,1,0,0,null,null]");
    }

    /**
     * Promotion 2024, IDF, all graduated 30 June 2024: g1 hired 9 Aug (40 days; a later job does not count), g2
     * 10 July (10 days; the apprenticeship before is not a job), g6 27 Dec (180 days), g3 not hired -> 4 graduates,
     * 3 hired, 0.75, average 76.7, median 40. Promotion 2025, ARA, graduated 30 June 2025: g4's job on 15 June
     * started before graduating, the next on 28 Sept (90 days); g5's starts after D -> 2, 1, 0.5, 90, 90.
     */
    @Test
    void timeToHire() {
        Dataset<Row> students = table(STUDENT_COLUMNS,
                student("g1", 1, "IDF", 2024, "2021-09-01", "2024-06-30", "graduated"),
                student("g2", 1, "IDF", 2024, "2021-09-01", "2024-06-30", "graduated"),
                student("g3", 1, "IDF", 2024, "2021-09-01", "2024-06-30", "graduated"),
                student("g6", 1, "IDF", 2024, "2021-09-01", "2024-06-30", "graduated"),
                student("g4", 2, "ARA", 2025, "2022-09-01", "2025-06-30", "graduated"),
                student("g5", 2, "ARA", 2025, "2022-09-01", "2025-06-30", "graduated"),
                student("a1", 1, "IDF", 2026, "2023-09-01", null, "active"));
        Dataset<Row> contracts = table(CONTRACT_COLUMNS,
                contract("g1", 1, "2024-08-09", null, "permanent"),
                contract("g1", 2, "2025-01-01", "2026-01-01", "fixed_term"),
                contract("g2", 1, "2023-09-20", "2024-06-30", "apprenticeship"),
                contract("g2", 3, "2024-07-10", "2025-07-10", "fixed_term"),
                contract("g6", 3, "2024-12-27", null, "permanent"),
                contract("g4", 4, "2025-06-15", null, "permanent"),
                contract("g4", 4, "2025-09-28", null, "permanent"),
                contract("g5", 4, "2025-11-01", null, "permanent"),
                contract("a1", 4, "2024-09-01", null, "apprenticeship"));
        assertThat(rows(TimeToHire.byPromotionAndRegion(students, contracts, D)))
                .containsExactly("[2024,IDF,4,3,0.75,76.7,40.0]", "[2025,ARA,2,1,0.5,90.0,90.0]");
    }

    /**
     * Campus 1 (open since 2010) and campus 2 (opened 1 Sept 2024); the years run from the first enrolment (2023-24)
     * to D's (2025-26, cut at D).
     * <pre>
     * campus 1, 2023: a, b joined; b dropped out in March     -> enrolled 2, students 2, dropouts 1 (0.5)
     *                 attendance a present+absent, b present+excused -> 2/3 = 0.6667
     * campus 1, 2024: c, d joined; a, c, d on the rolls         -> 2, 3, 0 (0.0); c 3 present, d 1 absent -> 0.75
     * campus 1, 2025: e joined; a, c, d (left 20 Sept), e       -> 1, 4, d dropped out: 1 (0.25); 2/2 = 1.0
     *                 (e's absence on 20 Oct is after D)
     * campus 2, 2024: f                                         -> 1, 1, 0 (0.0); 1 of 2 -> 0.5
     * campus 2, 2025: g (h joins after D); f, g                 -> 1, 2, 0 (0.0); no attendance -> null
     * changes: campus 1 2024: 0, -0.5, 0.75 - 0.6667 = 0.0833; 2025: -1, +0.25, +0.25; campus 2 2025: 0, 0.0, null
     * </pre>
     */
    @Test
    void campusScorecard() {
        Dataset<Row> campuses = table("campus_id, opened_on", "(1, DATE'2010-01-01')", "(2, DATE'2024-09-01')");
        Dataset<Row> students = table(STUDENT_COLUMNS,
                student("a", 1, "IDF", 2026, "2023-09-01", null, "active"),
                student("b", 1, "IDF", 2026, "2023-09-01", "2024-03-10", "dropped_out"),
                student("c", 1, "IDF", 2027, "2024-09-02", null, "active"),
                student("d", 1, "IDF", 2027, "2024-09-02", "2025-09-20", "dropped_out"),
                student("e", 1, "IDF", 2028, "2025-09-01", null, "active"),
                student("f", 2, "ARA", 2027, "2024-09-03", null, "active"),
                student("g", 2, "ARA", 2028, "2025-09-03", null, "active"),
                student("h", 2, "ARA", 2028, "2025-11-01", null, "active"));
        Dataset<Row> attendances = table("student_key, lesson_date, status",
                "('a', DATE'2024-01-10', 'present')", "('a', DATE'2024-01-11', 'absent')",
                "('b', DATE'2024-01-10', 'present')", "('b', DATE'2024-01-11', 'excused')",
                "('c', DATE'2025-02-01', 'present')", "('c', DATE'2025-02-02', 'present')",
                "('c', DATE'2025-02-03', 'present')", "('d', DATE'2025-02-01', 'absent')",
                "('a', DATE'2025-10-01', 'present')", "('e', DATE'2025-10-01', 'present')",
                "('e', DATE'2025-10-20', 'absent')",
                "('f', DATE'2025-01-15', 'present')", "('f', DATE'2025-01-16', 'absent')");
        assertThat(rows(CampusScorecard.byAcademicYear(campuses, students, attendances, D))).containsExactly(
                "[1,2023,2,2,1,0.5,0.6667,null,null,null]",
                "[1,2024,2,3,0,0.0,0.75,0,-0.5,0.0833]",
                "[1,2025,1,4,1,0.25,1.0,-1,0.25,0.25]",
                "[2,2024,1,1,0,0.0,0.5,null,null,null]",
                "[2,2025,1,2,0,0.0,null,0,0.0,null]");
    }

    /**
     * D = 2025-09-20: 2025-26's enrolment is not over (1 Sept + 30 days), so the history ends with 2024-25 and the
     * forecast is for 2026-27.
     * <pre>
     * campus 1: 100, 110, 120, 130 for 2021-2024, a straight line -> 150 in 2026, no spread
     * campus 2: 10, 14, 12, 16: years centred on 2022.5 (x = -1.5 .. 1.5, Sxx = 5), mean 13, Sxy = 8
     *           slope 1.6, x0 = 3.5 -> 13 + 5.6 = 18.6; residuals -0.6, 1.8, -1.8, 0.6 -> SSE 7.2, s² = 3.6
     *           variance 3.6 + 3.6/4 + 3.5² x 3.6/5 = 13.32 -> sd 3.6497; t(2 df, 97.5 %) = 4.3027
     *           -> 18.6 ± 15.703 = [2.9, 34.3]
     * campus 3: two years only -> no forecast
     * </pre>
     */
    @Test
    void enrolmentForecastWithInterval() {
        LocalDate d = LocalDate.of(2025, 9, 20);
        assertThat(EnrolmentForecast.lastCompleteYear(d)).isEqualTo(2024);
        assertThat(EnrolmentForecast.lastCompleteYear(LocalDate.of(2025, 10, 1))).isEqualTo(2025);
        Dataset<Row> scorecard = table("campus_id, academic_year, enrolled",
                "(1, 2021, 100L)", "(1, 2022, 110L)", "(1, 2023, 120L)", "(1, 2024, 130L)", "(1, 2025, 20L)",
                "(2, 2021, 10L)", "(2, 2022, 14L)", "(2, 2023, 12L)", "(2, 2024, 16L)",
                "(3, 2023, 5L)", "(3, 2024, 6L)");
        assertThat(rows(EnrolmentForecast.nextYear(scorecard, d, 0.95))).containsExactly(
                "[1,2026,150.0,150.0,150.0,10.0,4,0.95]",
                "[2,2026,18.6,2.9,34.3,1.6,4,0.95]");
    }
}
