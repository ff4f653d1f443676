package org.campuslake.analytics;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark's reference: the same KPIs as {@link KpiSnapshot}, written as SQL for DuckDB (in-process, JDBC)
 * over the curated layer's Parquet files. Same definitions as the Spark functions and the SQL oracle.
 */
final class DuckDbKpis {
    private DuckDbKpis() {}

    /** @return fact table name to the number of rows DuckDB computed for it */
    static Map<String, Integer> run(Path curated, LocalDate day, int minGrades, int topN) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (String t : new String[] {"campuses", "companies", "students", "events", "contacts", "apprenticeships"}) {
                st.execute("CREATE VIEW " + t + " AS SELECT * FROM read_parquet('" + curated.resolve(t) + "/*.parquet')");
            }
            for (String t : new String[] {"attendances", "grades"}) {
                st.execute("CREATE VIEW " + t + " AS SELECT * FROM read_parquet('" + curated.resolve(t)
                        + "/*/*.parquet', hive_partitioning = true)");
            }
            return compute(st, day, minGrades, topN);
        }
    }

    /**
     * The KPIs over relations named as the curated tables (campuses, companies, students, events, contacts,
     * apprenticeships, attendances, grades, with the curated columns) that the caller created in {@code st}.
     */
    static Map<String, Integer> compute(Statement st, LocalDate day, int minGrades, int topN) throws Exception {
        String d = "DATE '" + day + "'";
        int ay = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
        int lastComplete = EnrolmentForecast.lastCompleteYear(day);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("kpi_student", "SELECT * FROM per_student");
        q.put("kpi_top_performer", "SELECT * FROM (SELECT 'region' AS kind, region AS v, student_key, average_grade, grade_count,"
                + " ROW_NUMBER() OVER (PARTITION BY region ORDER BY average_grade DESC, student_key) rk FROM per_student"
                + " WHERE grade_count >= " + minGrades + ") WHERE rk <= " + topN
                + " UNION ALL SELECT * FROM (SELECT 'institution', institution_of_origin, student_key, average_grade,"
                + " grade_count, ROW_NUMBER() OVER (PARTITION BY institution_of_origin ORDER BY average_grade DESC,"
                + " student_key) rk FROM per_student WHERE grade_count >= " + minGrades + ") WHERE rk <= " + topN);
        String dropouts = "SELECT %s v, COUNT(*) students, SUM(CASE WHEN status = 'dropped_out' THEN 1 ELSE 0 END) dropouts,"
                + " ROUND(SUM(CASE WHEN status = 'dropped_out' THEN 1 ELSE 0 END) / COUNT(*), 4) FROM per_student %s GROUP BY v";
        q.put("kpi_dropout_by_campus", String.format(dropouts, "campus_id", ""));
        q.put("kpi_dropout_by_promotion", String.format(dropouts, "promotion", ""));
        q.put("kpi_dropout_by_attendance", String.format(dropouts, "CASE WHEN attendance_rate < 0.5 THEN '< 50 %'"
                + " WHEN attendance_rate < 0.75 THEN '50-75 %' WHEN attendance_rate < 0.9 THEN '75-90 %' ELSE '>= 90 %' END",
                "WHERE attendance_rate IS NOT NULL"));
        q.put("kpi_active_students", "WITH m AS (SELECT last_day(CAST(g AS DATE)) month_end FROM generate_series("
                + " CAST(date_trunc('month', (SELECT MIN(join_date) FROM s)) AS TIMESTAMP), CAST(" + d + " AS TIMESTAMP),"
                + " INTERVAL 1 MONTH) t(g))"
                + " SELECT s.region, m.month_end, COUNT(*) FROM m JOIN s ON s.join_date <= m.month_end"
                + " AND (s.left_date IS NULL OR s.left_date > m.month_end) GROUP BY s.region, m.month_end");
        q.put("kpi_apprenticeship_share", "SELECT s.region, COUNT(*), COUNT(a.student_key),"
                + " ROUND(COUNT(a.student_key) / COUNT(*), 4) FROM s LEFT JOIN (SELECT DISTINCT student_key"
                + " FROM apprenticeships WHERE contract_type = 'apprenticeship' AND start_date <= " + d
                + " AND (end_date IS NULL OR end_date >= " + d + ")) a ON a.student_key = s.student_key"
                + " WHERE s.status = 'active' GROUP BY s.region");
        q.put("kpi_recruiter", "SELECT x.company_id, co.kind, ROW_NUMBER() OVER (PARTITION BY co.kind"
                + " ORDER BY x.students DESC, x.company_id), x.students, x.contracts FROM (SELECT company_id,"
                + " COUNT(DISTINCT student_key) students, COUNT(*) contracts FROM apprenticeships WHERE start_date <= " + d
                + " GROUP BY company_id) x JOIN companies co ON co.company_id = x.company_id");
        String contacts = "SELECT e.event_id, e.event_type, e.campus_id, c.contact_key,"
                + " CASE WHEN s.student_key IS NOT NULL THEN 1 ELSE 0 END conv,"
                + " CASE WHEN s.student_key IS NOT NULL THEN date_diff('day', e.event_date, s.join_date) END ndays"
                + " FROM events e LEFT JOIN contacts c ON c.event_id = e.event_id"
                + " LEFT JOIN s ON s.student_key = c.student_key WHERE e.event_date <= " + d;
        q.put("kpi_event_conversion", "SELECT event_id, event_type, campus_id, COUNT(contact_key), SUM(conv),"
                + " ROUND(SUM(conv) / NULLIF(COUNT(contact_key), 0), 4), ROUND(median(ndays), 1) FROM (" + contacts + ")"
                + " GROUP BY event_id, event_type, campus_id");
        q.put("kpi_event_totals", "SELECT event_type, campus_id, COUNT(DISTINCT event_id), COUNT(contact_key), SUM(conv),"
                + " ROUND(SUM(conv) / NULLIF(COUNT(contact_key), 0), 4), ROUND(median(ndays), 1) FROM (" + contacts + ")"
                + " GROUP BY event_type, campus_id");
        q.put("kpi_time_to_hire", "WITH gr AS (SELECT student_key, promotion, region, left_date FROM s"
                + "   WHERE status = 'graduated' AND left_date <= " + d + "),"
                + " fj AS (SELECT gr.student_key, MIN(a.start_date) first_job FROM gr JOIN apprenticeships a"
                + "   ON a.student_key = gr.student_key AND a.contract_type IN ('permanent', 'fixed_term')"
                + "   AND a.start_date <= " + d + " AND a.start_date >= gr.left_date GROUP BY gr.student_key),"
                + " x AS (SELECT gr.promotion, gr.region, date_diff('day', gr.left_date, fj.first_job) ndays"
                + "   FROM gr LEFT JOIN fj ON fj.student_key = gr.student_key)"
                + " SELECT promotion, region, COUNT(*), COUNT(ndays), ROUND(COUNT(ndays) / COUNT(*), 4),"
                + "  ROUND(AVG(ndays), 1), ROUND(median(ndays), 1) FROM x GROUP BY promotion, region");
        String ayOf = "(year(%1$s) - CASE WHEN month(%1$s) < 9 THEN 1 ELSE 0 END)";
        q.put("kpi_campus_scorecard", "CREATE OR REPLACE TEMP TABLE scorecard AS"
                + " WITH yrs AS (SELECT CAST(g AS INTEGER) y FROM generate_series((SELECT " + String.format(ayOf, "MIN(join_date)")
                + "   FROM s), " + ay + ") t(g)),"
                + " cy AS (SELECT c.campus_id, y, make_date(y, 9, 1) ys, least(make_date(y + 1, 8, 31), " + d + ") ye"
                + "   FROM campuses c JOIN yrs ON y >= " + String.format(ayOf, "c.opened_on") + "),"
                + " people AS (SELECT cy.campus_id, cy.y,"
                + "   SUM(CASE WHEN s.join_date BETWEEN ys AND ye THEN 1 ELSE 0 END) enrolled,"
                + "   SUM(CASE WHEN s.join_date <= ye AND (s.left_date IS NULL OR s.left_date >= ys) THEN 1 ELSE 0 END) students,"
                + "   SUM(CASE WHEN s.status = 'dropped_out' AND s.left_date BETWEEN ys AND ye THEN 1 ELSE 0 END) dropouts"
                + "   FROM cy LEFT JOIN s ON s.campus_id = cy.campus_id GROUP BY cy.campus_id, cy.y),"
                + " att AS (SELECT s.campus_id, " + String.format(ayOf, "a.lesson_date") + " y,"
                + "   SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END) p, SUM(CASE WHEN a.status = 'absent' THEN 1 ELSE 0 END) ab"
                + "   FROM attendances a JOIN s ON s.student_key = a.student_key WHERE a.lesson_date <= " + d
                + "   GROUP BY s.campus_id, y),"
                + " sc AS (SELECT p.campus_id, p.y, COALESCE(p.enrolled, 0) enrolled, COALESCE(p.students, 0) students,"
                + "   COALESCE(p.dropouts, 0) dropouts,"
                + "   CASE WHEN p.students > 0 THEN ROUND(p.dropouts / p.students, 4) END dr,"
                + "   CASE WHEN att.p + att.ab > 0 THEN ROUND(att.p / (att.p + att.ab), 4) END ar"
                + "   FROM people p LEFT JOIN att ON att.campus_id = p.campus_id AND att.y = p.y)"
                + " SELECT campus_id, y, enrolled, students, dropouts, dr, ar,"
                + "  enrolled - LAG(enrolled) OVER w enrolled_change, ROUND(dr - LAG(dr) OVER w, 4) drc,"
                + "  ROUND(ar - LAG(ar) OVER w, 4) arc FROM sc WINDOW w AS (PARTITION BY campus_id ORDER BY y);"
                + " SELECT * FROM scorecard");
        // Least squares per campus with DuckDB's regr_* aggregates; the t quantile is a constant per history length.
        q.put("kpi_enrolment_forecast", "SELECT campus_id, " + (ay + 1) + " target,"
                + " regr_intercept(enrolled, y) + regr_slope(enrolled, y) * " + (ay + 1) + " predicted,"
                + " sqrt((regr_syy(enrolled, y) - regr_sxy(enrolled, y) ^ 2 / regr_sxx(enrolled, y)) / (regr_count(enrolled, y) - 2)"
                + "  * (1 + 1 / regr_count(enrolled, y) + (" + (ay + 1) + " - regr_avgx(enrolled, y)) ^ 2 / regr_sxx(enrolled, y))) sd,"
                + " regr_slope(enrolled, y) trend, regr_count(enrolled, y) n"
                + " FROM scorecard WHERE y <= " + lastComplete + " GROUP BY campus_id HAVING regr_count(enrolled, y) >= 3");

        Map<String, Integer> counts = new LinkedHashMap<>();
        st.execute("CREATE VIEW s AS SELECT * FROM students WHERE join_date <= " + d);
        st.execute("CREATE TEMP TABLE per_student AS"
                + " WITH g AS (SELECT student_key, COUNT(*) n, ROUND(AVG(grade), 2) a FROM grades"
                + "   WHERE graded_on <= " + d + " GROUP BY student_key),"
                + " att AS (SELECT student_key, SUM(CASE WHEN status = 'present' THEN 1 ELSE 0 END) p,"
                + "   SUM(CASE WHEN status = 'absent' THEN 1 ELSE 0 END) ab FROM attendances"
                + "   WHERE lesson_date <= " + d + " GROUP BY student_key),"
                + " rec AS (SELECT DISTINCT student_key FROM contacts WHERE student_key IS NOT NULL),"
                + " app AS (SELECT DISTINCT student_key FROM apprenticeships"
                + "   WHERE contract_type = 'apprenticeship' AND start_date <= " + d + ")"
                + " SELECT s.student_key, s.campus_id, s.region, s.promotion, s.institution_of_origin, s.status,"
                + "  COALESCE(g.n, 0) grade_count, g.a average_grade,"
                + "  CASE WHEN COALESCE(att.p + att.ab, 0) = 0 THEN NULL ELSE ROUND(att.p / (att.p + att.ab), 4) END attendance_rate,"
                + "  rec.student_key IS NOT NULL recruited_at_event, app.student_key IS NOT NULL has_apprenticeship"
                + " FROM s LEFT JOIN g ON g.student_key = s.student_key LEFT JOIN att ON att.student_key = s.student_key"
                + " LEFT JOIN rec ON rec.student_key = s.student_key LEFT JOIN app ON app.student_key = s.student_key");
        for (Map.Entry<String, String> e : q.entrySet()) {
            String[] parts = e.getValue().split(";\\s*(?=SELECT)");
            for (int i = 0; i < parts.length - 1; i++) {
                st.execute(parts[i]);
            }
            try (ResultSet rs = st.executeQuery(parts[parts.length - 1])) {
                counts.put(e.getKey(), AnalyticsBenchmark.drain(rs));
            }
        }
        return counts;
    }
}
