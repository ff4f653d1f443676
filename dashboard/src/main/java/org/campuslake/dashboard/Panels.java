package org.campuslake.dashboard;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of every panel for one set of filters, read from the bi_history_* views (each published date in its
 * live version) and the dimension views. Filter values reach SQL as parameters only; column names are constants.
 * Per-student figures (headline, performance, dropouts) are aggregated from {@code bi_history_student_kpis}, so
 * every filter applies to them; the other panels say which filters they follow.
 */
final class Panels {
    private static final String STUDENTS = "summary.bi_history_student_kpis";
    /** The attendance bands of the dropout KPI (spark-analytics Dropouts), in order. */
    static final String BAND = "CASE WHEN k.`Attendance Rate` < 0.5 THEN '< 50 %' WHEN k.`Attendance Rate` < 0.75"
            + " THEN '50-75 %' WHEN k.`Attendance Rate` < 0.9 THEN '75-90 %' ELSE '>= 90 %' END";

    private Panels() {}

    /** Reads what the filters may take. */
    static Filters.Choices choices(Connection c) throws SQLException {
        List<String> dates = new ArrayList<>();
        for (Map<String, Object> r : rows(c, "SELECT `Snapshot Date` AS d FROM summary.bi_snapshots ORDER BY 1")) {
            dates.add((String) r.get("d"));
        }
        Map<Integer, String> campuses = new LinkedHashMap<>();
        Map<Integer, Integer> campusRegion = new LinkedHashMap<>();
        for (Map<String, Object> r : rows(c, "SELECT `Campus Key` AS k, `Campus` AS n, `Region Key` AS r"
                + " FROM summary.bi_campus ORDER BY 2")) {
            campuses.put(((Number) r.get("k")).intValue(), (String) r.get("n"));
            campusRegion.put(((Number) r.get("k")).intValue(), ((Number) r.get("r")).intValue());
        }
        return new Filters.Choices(dates, campuses, names(c, "SELECT `Region Key`, `Region` FROM summary.bi_region ORDER BY 2"),
                names(c, "SELECT `Promotion Key`, `Promotion` FROM summary.bi_promotion ORDER BY 1"), campusRegion);
    }

    /** Every panel's figures, as JSON-ready maps and lists. */
    static Map<String, Object> all(Connection c, Filters f, Filters.Choices choices) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        String previous = null;
        for (String d : choices.dates()) {
            if (d.compareTo(f.date()) < 0) {
                previous = d;
            }
        }
        out.put("snapshot", f.date());
        out.put("previous", previous);
        out.put("latest", choices.latest());
        out.put("headline", headline(c, f, previous));
        out.put("scorecard", scorecard(c, f));
        out.put("performance", performance(c, f, choices));
        out.put("dropouts", dropouts(c, f));
        out.put("apprenticeships", apprenticeships(c, f, choices));
        out.put("events", events(c, f));
        out.put("forecast", forecast(c, f, choices));
        return out;
    }

    /** Headline figures of the snapshot and of the one before it (same filters). */
    static List<Map<String, Object>> headline(Connection c, Filters f, String previous) throws SQLException {
        String sql = "SELECT SUM(`Status` = 'Active') AS on_rolls, COUNT(*) AS students,"
                + " SUM(`Status` = 'Dropped out') / COUNT(*) AS dropout_rate,"
                + " AVG(CASE WHEN `Status` = 'Active' THEN `Attendance Rate` END) AS attendance,"
                + " AVG(`Average Grade`) AS average_grade,"
                + " SUM(`Status` = 'Active' AND `Apprentice` = 'Yes') / SUM(`Status` = 'Active') AS apprentice_share"
                + " FROM " + STUDENTS;
        Map<String, Object> now = one(c, sql, studentWhere(f, f.date(), ""));
        Map<String, Object> before = previous == null ? Map.of() : one(c, sql, studentWhere(f, previous, ""));
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(figure("on_rolls", "Students on the rolls", "count", now, before));
        out.add(figure("students", "Students, all statuses", "count", now, before));
        out.add(figure("dropout_rate", "Dropout rate", "percent", now, before));
        out.add(figure("attendance", "Attendance, mean of active students", "percent", now, before));
        out.add(figure("average_grade", "Average grade, mean per student", "grade", now, before));
        out.add(figure("apprentice_share", "Apprentices among active students", "percent", now, before));
        return out;
    }

    private static Map<String, Object> figure(String id, String name, String format, Map<String, Object> now,
                                              Map<String, Object> before) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("format", format);
        m.put("value", now.get(id));
        m.put("previous", before.get(id));
        return m;
    }

    static Map<String, Object> scorecard(Connection c, Filters f) throws SQLException {
        Where w = new Where("h.`Snapshot Date` = ?", f.date());
        w.and("h.`Campus Key` = ?", f.campus()).and("c.`Region Key` = ?", f.region());
        List<Map<String, Object>> rows = rows(c, "SELECT c.`Campus` AS campus, h.`Academic Year` AS year,"
                + " h.`Enrolled` AS enrolled, h.`Students` AS students, h.`Dropouts` AS dropouts,"
                + " h.`Dropout Rate` AS dropout_rate, h.`Attendance Rate` AS attendance_rate,"
                + " h.`Enrolment Change` AS enrolled_change, h.`Dropout Rate Change` AS dropout_rate_change,"
                + " h.`Attendance Rate Change` AS attendance_rate_change"
                + " FROM summary.bi_history_campus_scorecard h JOIN summary.bi_campus c ON c.`Campus Key` = h.`Campus Key`"
                + w + " ORDER BY 1, 2", w.values);
        return panel(rows, "campus", "region");
    }

    static Map<String, Object> performance(Connection c, Filters f, Filters.Choices choices) throws SQLException {
        Where w = studentWhere(f, f.date(), "k.");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("byRegion", rows(c, "SELECT r.`Region` AS name, ROUND(AVG(k.`Average Grade`), 2) AS average,"
                + " COUNT(k.`Average Grade`) AS students FROM " + STUDENTS + " k"
                + " JOIN summary.bi_region r ON r.`Region Key` = k.`Region Key`" + w
                + " GROUP BY r.`Region` ORDER BY 2 DESC", w.values));
        out.put("byInstitution", rows(c, "SELECT k.`Institution of Origin` AS name,"
                + " ROUND(AVG(k.`Average Grade`), 2) AS average, COUNT(k.`Average Grade`) AS students FROM " + STUDENTS
                + " k" + w + " GROUP BY 1 HAVING COUNT(k.`Average Grade`) > 0 ORDER BY 2 DESC, 1 LIMIT 12",
                w.values));
        Where t = new Where("`Snapshot Date` = ?", f.date());
        if (f.region() != null) {
            t.and("`Ranking Within` = 'Region' AND `Group` = ?", choices.regions().get(f.region()));
        }
        out.put("top", rows(c, "SELECT `Ranking Within` AS scope, `Group` AS grp, `Rank` AS rank_in_group,"
                + " `Student Key` AS student_key, `Average Grade` AS average, `Grades` AS grades"
                + " FROM summary.bi_history_top_performers" + t + " ORDER BY 1 DESC, 2, 3 LIMIT 30", t.values));
        out.put("filteredBy", List.of("campus", "region", "promotion"));
        return out;
    }

    static Map<String, Object> dropouts(Connection c, Filters f) throws SQLException {
        Where w = studentWhere(f, f.date(), "k.");
        String rate = " COUNT(*) AS students, SUM(k.`Status` = 'Dropped out') AS dropouts,"
                + " ROUND(SUM(k.`Status` = 'Dropped out') / COUNT(*), 4) AS dropout_rate FROM " + STUDENTS + " k";
        Map<String, Object> out = new LinkedHashMap<>();
        Where banded = studentWhere(f, f.date(), "k.").and("k.`Attendance Rate` IS NOT NULL");
        out.put("byAttendance", rows(c, "SELECT " + BAND + " AS name," + rate + banded + " GROUP BY 1 ORDER BY MIN(k.`Attendance Rate`)",
                banded.values));
        out.put("byPromotion", rows(c, "SELECT p.`Promotion` AS name," + rate
                + " JOIN summary.bi_promotion p ON p.`Promotion Key` = k.`Promotion Key`" + w
                + " GROUP BY p.`Promotion`, k.`Promotion Key` ORDER BY k.`Promotion Key`", w.values));
        out.put("byCampus", rows(c, "SELECT c.`Campus` AS name," + rate
                + " JOIN summary.bi_campus c ON c.`Campus Key` = k.`Campus Key`" + w
                + " GROUP BY c.`Campus` ORDER BY 4 DESC, 1", w.values));
        out.put("filteredBy", List.of("campus", "region", "promotion"));
        return out;
    }

    static Map<String, Object> apprenticeships(Connection c, Filters f, Filters.Choices choices) throws SQLException {
        Integer region = f.region() != null ? f.region() : f.campus() == null ? null : choices.campusRegion().get(f.campus());
        Where w = new Where("h.`Snapshot Date` = ?", f.date()).and("h.`Region Key` = ?", region);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("byRegion", rows(c, "SELECT r.`Region` AS name, h.`Active Students` AS active, h.`Apprentices` AS apprentices,"
                + " h.`Apprentice Share` AS share FROM summary.bi_history_apprenticeship_share h"
                + " JOIN summary.bi_region r ON r.`Region Key` = h.`Region Key`" + w + " ORDER BY 4 DESC, 1", w.values));
        Where r = new Where("h.`Snapshot Date` = ?", f.date());
        out.put("recruiters", rows(c, "SELECT o.`Company` AS name, h.`Kind` AS kind, h.`Rank` AS rank_in_kind,"
                + " h.`Students Taken` AS students, h.`Contracts` AS contracts FROM summary.bi_history_recruiters h"
                + " JOIN summary.bi_company o ON o.`Company Key` = h.`Company Key`" + r
                + " AND h.`Rank` <= 8 ORDER BY 2, 3, 1", r.values));
        Where t = new Where("h.`Snapshot Date` = ?", f.date()).and("h.`Region Key` = ?", region)
                .and("h.`Promotion Key` = ?", f.promotion());
        out.put("timeToHire", rows(c, "SELECT p.`Promotion` AS promotion, SUM(h.`Graduates`) AS graduates,"
                + " SUM(h.`Hired`) AS hired, ROUND(SUM(h.`Hired`) / NULLIF(SUM(h.`Graduates`), 0), 4) AS hire_rate,"
                + " ROUND(SUM(h.`Average Days to Hire` * h.`Hired`) / NULLIF(SUM(CASE WHEN h.`Average Days to Hire`"
                + " IS NOT NULL THEN h.`Hired` END), 0), 1) AS average_days FROM summary.bi_history_time_to_hire h"
                + " JOIN summary.bi_promotion p ON p.`Promotion Key` = h.`Promotion Key`" + t
                + " GROUP BY p.`Promotion`, h.`Promotion Key` ORDER BY h.`Promotion Key`", t.values));
        out.put("filteredBy", List.of("region (or the campus's region)", "promotion: time to hire only"));
        return out;
    }

    static Map<String, Object> events(Connection c, Filters f) throws SQLException {
        Where w = new Where("h.`Snapshot Date` = ?", f.date()).and("h.`Campus Key` = ?", f.campus())
                .and("c.`Region Key` = ?", f.region());
        List<Map<String, Object>> rows = rows(c, "SELECT h.`Event Type` AS event_type, c.`Campus` AS campus,"
                + " h.`Events` AS events, h.`Contacts` AS contacts, h.`Enrolled` AS enrolled,"
                + " h.`Conversion Rate` AS conversion_rate, h.`Median Days to Enrol` AS median_days"
                + " FROM summary.bi_history_event_totals h JOIN summary.bi_campus c ON c.`Campus Key` = h.`Campus Key`"
                + w + " ORDER BY 2, 1", w.values);
        return panel(rows, "campus", "region");
    }

    /** The forecast of the filtered campus (the first campus of the region, or of all, by default) with its history. */
    static Map<String, Object> forecast(Connection c, Filters f, Filters.Choices choices) throws SQLException {
        Integer campus = f.campus();
        if (campus == null) {
            for (Map.Entry<Integer, String> e : choices.campuses().entrySet()) {
                if (f.region() == null || f.region().equals(choices.campusRegion().get(e.getKey()))) {
                    campus = e.getKey();
                    break;
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campus", campus == null ? null : choices.campuses().get(campus));
        Where w = new Where("`Snapshot Date` = ?", f.date()).and("`Campus Key` = ?", campus);
        out.put("history", rows(c, "SELECT `Academic Year` AS year, `Enrolled` AS enrolled"
                + " FROM summary.bi_history_campus_scorecard" + w + " ORDER BY 1", w.values));
        out.put("forecast", rows(c, "SELECT `Academic Year` AS year, `Forecast Enrolment` AS value,"
                + " `Forecast Low` AS low, `Forecast High` AS high, `Confidence` AS confidence,"
                + " `Years of History` AS history_years FROM summary.bi_history_enrolment_forecast" + w, w.values));
        out.put("filteredBy", List.of("campus", "region"));
        return out;
    }

    private static Map<String, Object> panel(List<Map<String, Object>> rows, String... filteredBy) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("filteredBy", List.of(filteredBy));
        return out;
    }

    /** The per-student view's conditions: the date and every filter. */
    private static Where studentWhere(Filters f, String date, String alias) {
        return new Where(alias + "`Snapshot Date` = ?", date).and(alias + "`Campus Key` = ?", f.campus())
                .and(alias + "`Region Key` = ?", f.region()).and(alias + "`Promotion Key` = ?", f.promotion());
    }

    /** A WHERE clause of constant conditions and their parameters. */
    static final class Where {
        private final List<String> conditions = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        Where(String condition, Object value) {
            and(condition, value);
        }

        /** Adds {@code condition} and its one parameter, or nothing when the value is null (no such filter). */
        Where and(String condition, Object value) {
            if (value != null) {
                conditions.add(condition);
                values.add(value);
            }
            return this;
        }

        Where and(String condition) {
            conditions.add(condition);
            return this;
        }

        @Override
        public String toString() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }
    }

    private static Map<Integer, String> names(Connection c, String sql) throws SQLException {
        Map<Integer, String> m = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getInt(1), rs.getString(2));
            }
        }
        return m;
    }

    private static Map<String, Object> one(Connection c, String sql, Where w) throws SQLException {
        List<Map<String, Object>> r = rows(c, sql + w, w.values);
        return r.isEmpty() ? Map.of() : r.get(0);
    }

    static List<Map<String, Object>> rows(Connection c, String sql, Object... values) throws SQLException {
        return rows(c, sql, List.of(values));
    }

    /** Rows as maps, numbers as numbers (decimals as doubles), dates and text as strings. */
    static List<Map<String, Object>> rows(Connection c, String sql, List<Object> values) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof BigDecimal b) {
                            v = b.doubleValue();
                        } else if (v != null && !(v instanceof Number) && !(v instanceof String)) {
                            v = v.toString();
                        }
                        row.put(md.getColumnLabel(i), v);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }
}
