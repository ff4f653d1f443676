package org.campuslake.analytics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Every KPI recomputed with plain SQL straight from the ERP in MariaDB, as of date D: the oracle the published
 * summary is checked against. Written from the KPI definitions, not from the Spark code: no lake, no Hive, no
 * Spark; students are matched by the same salted SHA-256 the curated layer uses.
 */
final class KpiOracle {
    private final Connection erp;
    private final String salt;
    private final String d;
    private final int ay;

    KpiOracle(Connection erp, String salt, LocalDate d) {
        this.erp = erp;
        this.salt = salt.replace("'", "''");
        this.d = "'" + d + "'";
        this.ay = d.getMonthValue() >= 9 ? d.getYear() : d.getYear() - 1;
    }

    static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private List<List<Object>> q(String sql) throws SQLException {
        return rows(erp, sql.replace(":D", d).replace(":AY", Integer.toString(ay)));
    }

    private String studentKey(String idColumn) {
        return "SHA2(CONCAT('" + salt + "', ':student:', " + idColumn + "), 256)";
    }

    private static final String STUDENTS = "(SELECT s.*, c.region FROM erp.students s JOIN erp.campuses c"
            + " ON c.campus_id = s.campus_id WHERE s.join_date <= :D)";

    /** KPI 1, ordered by student key. */
    List<List<Object>> perStudent() throws SQLException {
        return q("WITH g AS (SELECT student_id, COUNT(*) n, ROUND(AVG(grade), 2) a FROM erp.grades"
                + "   WHERE graded_on <= :D GROUP BY student_id),"
                + " att AS (SELECT a.student_id, SUM(a.status = 'present') p, SUM(a.status = 'absent') ab"
                + "   FROM erp.attendances a JOIN erp.lessons l ON l.lesson_id = a.lesson_id"
                + "   WHERE DATE(l.starts_at) <= :D GROUP BY a.student_id),"
                + " rec AS (SELECT DISTINCT student_id FROM erp.audiences WHERE student_id IS NOT NULL),"
                + " app AS (SELECT DISTINCT student_id FROM erp.apprenticeships"
                + "   WHERE contract_type = 'apprenticeship' AND start_date <= :D)"
                + " SELECT " + studentKey("s.student_id") + " k, s.campus_id, s.promotion, s.institution_of_origin,"
                + "  s.status, COALESCE(g.n, 0), g.a,"
                + "  CASE WHEN COALESCE(att.p + att.ab, 0) = 0 THEN NULL ELSE ROUND(att.p / (att.p + att.ab), 4) END,"
                + "  rec.student_id IS NOT NULL, app.student_id IS NOT NULL"
                + " FROM " + STUDENTS + " s LEFT JOIN g ON g.student_id = s.student_id"
                + " LEFT JOIN att ON att.student_id = s.student_id LEFT JOIN rec ON rec.student_id = s.student_id"
                + " LEFT JOIN app ON app.student_id = s.student_id ORDER BY k");
    }

    private String perStudentAverages() {
        return "SELECT " + studentKey("s.student_id") + " k, s.region, s.institution_of_origin, COUNT(*) n,"
                + " ROUND(AVG(g.grade), 2) a FROM " + STUDENTS + " s"
                + " JOIN erp.grades g ON g.student_id = s.student_id AND g.graded_on <= :D"
                + " GROUP BY s.student_id, s.region, s.institution_of_origin";
    }

    /** KPI 2: scope, group, rank, student key, average, grades; ordered by scope, group, rank. */
    List<List<Object>> topPerformers(int minGrades, int topN) throws SQLException {
        return q("WITH a AS (" + perStudentAverages() + "),"
                + " r AS (SELECT 'region' scope, region v, k, a, n,"
                + "   ROW_NUMBER() OVER (PARTITION BY region ORDER BY a DESC, k) rk FROM a WHERE n >= " + minGrades
                + "  UNION ALL SELECT 'institution', institution_of_origin, k, a, n,"
                + "   ROW_NUMBER() OVER (PARTITION BY institution_of_origin ORDER BY a DESC, k) FROM a"
                + "   WHERE n >= " + minGrades + ")"
                + " SELECT scope, v, rk, k, a, n FROM r WHERE rk <= " + topN + " ORDER BY scope, v, rk");
    }

    private String attendanceRates() {
        return "SELECT a.student_id, ROUND(SUM(a.status = 'present') / NULLIF(SUM(a.status IN ('present', 'absent')), 0), 4) rate"
                + " FROM erp.attendances a JOIN erp.lessons l ON l.lesson_id = a.lesson_id"
                + " WHERE DATE(l.starts_at) <= :D GROUP BY a.student_id";
    }

    /** KPI 3 by campus_id, promotion or attendance band: value, students, dropouts, rate. */
    List<List<Object>> dropouts(String by) throws SQLException {
        String value = by.equals("attendance_band")
                ? "CASE WHEN r.rate < 0.5 THEN '< 50 %' WHEN r.rate < 0.75 THEN '50-75 %' WHEN r.rate < 0.9 THEN '75-90 %'"
                        + " ELSE '>= 90 %' END"
                : "s." + by;
        String where = by.equals("attendance_band") ? " WHERE r.rate IS NOT NULL" : "";
        return q("SELECT " + value + " v, COUNT(*), SUM(s.status = 'dropped_out'),"
                + " ROUND(SUM(s.status = 'dropped_out') / COUNT(*), 4) FROM " + STUDENTS + " s"
                + " LEFT JOIN (" + attendanceRates() + ") r ON r.student_id = s.student_id" + where
                + " GROUP BY v ORDER BY v");
    }

    /** KPI 4: region, month-end date key, active students. */
    List<List<Object>> activeByRegionAndMonth() throws SQLException {
        return q("WITH m AS (SELECT LAST_DAY(DATE_ADD(f.m0, INTERVAL seq MONTH)) month_end FROM erp.seq_0_to_600,"
                + "   (SELECT DATE_FORMAT(MIN(join_date), '%Y-%m-01') m0 FROM erp.students WHERE join_date <= :D) f"
                + "   WHERE DATE_ADD(f.m0, INTERVAL seq MONTH) <= :D)"
                + " SELECT s.region, CAST(DATE_FORMAT(m.month_end, '%Y%m%d') AS SIGNED) mk, COUNT(*)"
                + " FROM m JOIN " + STUDENTS + " s ON s.join_date <= m.month_end"
                + "  AND (s.left_date IS NULL OR s.left_date > m.month_end)"
                + " GROUP BY s.region, mk ORDER BY s.region, mk");
    }

    /** KPI 5: region, active students, under an apprenticeship on D, share. */
    List<List<Object>> apprenticeshipShare() throws SQLException {
        return q("SELECT s.region, COUNT(*), SUM(a.student_id IS NOT NULL),"
                + " ROUND(SUM(a.student_id IS NOT NULL) / COUNT(*), 4) FROM " + STUDENTS + " s"
                + " LEFT JOIN (SELECT DISTINCT student_id FROM erp.apprenticeships WHERE contract_type = 'apprenticeship'"
                + "   AND start_date <= :D AND (end_date IS NULL OR end_date >= :D)) a ON a.student_id = s.student_id"
                + " WHERE s.status = 'active' GROUP BY s.region ORDER BY s.region");
    }

    /** KPI 5: company id, kind, rank within kind, students, contracts; ordered by company. */
    List<List<Object>> recruiters() throws SQLException {
        return q("SELECT x.company_id, co.kind,"
                + " ROW_NUMBER() OVER (PARTITION BY co.kind ORDER BY x.students DESC, x.company_id), x.students, x.contracts"
                + " FROM (SELECT company_id, COUNT(DISTINCT student_id) students, COUNT(*) contracts"
                + "   FROM erp.apprenticeships WHERE start_date <= :D GROUP BY company_id) x"
                + " JOIN erp.companies co ON co.company_id = x.company_id ORDER BY x.company_id");
    }

    private static final String EVENT_CONTACTS = "SELECT e.event_id, e.event_type, e.campus_id, a.audience_id,"
            + " CASE WHEN s.student_id IS NOT NULL THEN 1 ELSE 0 END conv,"
            + " CASE WHEN s.student_id IS NOT NULL THEN DATEDIFF(s.join_date, e.event_date) END days"
            + " FROM erp.events e LEFT JOIN erp.audiences a ON a.event_id = e.event_id"
            + " LEFT JOIN erp.students s ON s.student_id = a.student_id AND s.join_date <= :D"
            + " WHERE e.event_date <= :D";

    /** KPI 6 per event: id, type, campus, contacts, converted, rate, median days. */
    List<List<Object>> eventConversion() throws SQLException {
        return q("SELECT event_id, event_type, campus_id, COUNT(audience_id), SUM(conv),"
                + " ROUND(SUM(conv) / NULLIF(COUNT(audience_id), 0), 4), ROUND(MAX(med), 1)"
                + " FROM (SELECT c.*, MEDIAN(days) OVER (PARTITION BY event_id) med FROM (" + EVENT_CONTACTS + ") c) x"
                + " GROUP BY event_id, event_type, campus_id ORDER BY event_id");
    }

    /** KPI 6 by type and campus: type, campus, events, contacts, converted, rate, median days. */
    List<List<Object>> eventTotals() throws SQLException {
        return q("SELECT event_type, campus_id, COUNT(DISTINCT event_id), COUNT(audience_id), SUM(conv),"
                + " ROUND(SUM(conv) / NULLIF(COUNT(audience_id), 0), 4), ROUND(MAX(med), 1)"
                + " FROM (SELECT c.*, MEDIAN(days) OVER (PARTITION BY event_type, campus_id) med"
                + "   FROM (" + EVENT_CONTACTS + ") c) x"
                + " GROUP BY event_type, campus_id ORDER BY event_type, campus_id");
    }

    /** KPI 7: promotion, region, graduates, hired, rate, average days, median days. */
    List<List<Object>> timeToHire() throws SQLException {
        return q("WITH gr AS (SELECT student_id, promotion, region, left_date FROM " + STUDENTS + " s"
                + "   WHERE status = 'graduated' AND left_date <= :D),"
                + " fj AS (SELECT gr.student_id, MIN(a.start_date) first_job FROM gr JOIN erp.apprenticeships a"
                + "   ON a.student_id = gr.student_id AND a.contract_type IN ('permanent', 'fixed_term')"
                + "   AND a.start_date <= :D AND a.start_date >= gr.left_date GROUP BY gr.student_id),"
                + " x AS (SELECT gr.promotion, gr.region, DATEDIFF(fj.first_job, gr.left_date) days"
                + "   FROM gr LEFT JOIN fj ON fj.student_id = gr.student_id)"
                + " SELECT promotion, region, COUNT(*), COUNT(days), ROUND(COUNT(days) / COUNT(*), 4),"
                + "  ROUND(AVG(days), 1), ROUND(MAX(med), 1)"
                + " FROM (SELECT x.*, MEDIAN(days) OVER (PARTITION BY promotion, region) med FROM x) y"
                + " GROUP BY promotion, region ORDER BY promotion, region");
    }

    /**
     * KPI 8: campus, academic year label, enrolled, students, dropouts, dropout rate, attendance rate, and the three
     * changes from the previous year.
     */
    List<List<Object>> campusScorecard() throws SQLException {
        String ayOf = "(YEAR(%1$s) - (MONTH(%1$s) < 9))";
        return q("WITH yrs AS (SELECT f.y0 + seq y FROM erp.seq_0_to_100,"
                + "   (SELECT " + String.format(ayOf, "MIN(join_date)") + " y0 FROM erp.students WHERE join_date <= :D) f"
                + "   WHERE f.y0 + seq <= :AY),"
                + " cy AS (SELECT c.campus_id, y, CAST(CONCAT(y, '-09-01') AS DATE) ys,"
                + "   LEAST(CAST(CONCAT(y + 1, '-08-31') AS DATE), :D) ye FROM erp.campuses c"
                + "   JOIN yrs ON y >= " + String.format(ayOf, "c.opened_on") + "),"
                + " people AS (SELECT cy.campus_id, cy.y, COALESCE(SUM(s.join_date BETWEEN ys AND ye), 0) enrolled,"
                + "   COALESCE(SUM(s.join_date <= ye AND (s.left_date IS NULL OR s.left_date >= ys)), 0) students,"
                + "   COALESCE(SUM(s.status = 'dropped_out' AND s.left_date BETWEEN ys AND ye), 0) dropouts"
                + "   FROM cy LEFT JOIN " + STUDENTS + " s ON s.campus_id = cy.campus_id GROUP BY cy.campus_id, cy.y),"
                + " att AS (SELECT s.campus_id, " + String.format(ayOf, "DATE(l.starts_at)") + " y,"
                + "   SUM(a.status = 'present') p, SUM(a.status = 'absent') ab FROM erp.attendances a"
                + "   JOIN erp.lessons l ON l.lesson_id = a.lesson_id JOIN " + STUDENTS + " s ON s.student_id = a.student_id"
                + "   WHERE DATE(l.starts_at) <= :D GROUP BY s.campus_id, y),"
                + " sc AS (SELECT p.campus_id, p.y, p.enrolled, p.students, p.dropouts,"
                + "   CASE WHEN p.students > 0 THEN ROUND(p.dropouts / p.students, 4) END dr,"
                + "   CASE WHEN att.p + att.ab > 0 THEN ROUND(att.p / (att.p + att.ab), 4) END ar"
                + "   FROM people p LEFT JOIN att ON att.campus_id = p.campus_id AND att.y = p.y)"
                + " SELECT campus_id, CONCAT(y, '-', y + 1), enrolled, students, dropouts, dr, ar,"
                + "  enrolled - LAG(enrolled) OVER w, ROUND(dr - LAG(dr) OVER w, 4), ROUND(ar - LAG(ar) OVER w, 4)"
                + " FROM sc WINDOW w AS (PARTITION BY campus_id ORDER BY y) ORDER BY campus_id, y");
    }
}
