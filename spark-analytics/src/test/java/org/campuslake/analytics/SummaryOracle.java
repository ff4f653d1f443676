package org.campuslake.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Checks a published summary snapshot against the KPIs recomputed with plain SQL on the ERP ({@link KpiOracle}):
 * exact counts, averages within rounding. Shared by the analytics IT and the end-to-end IT of the whole chain
 * (which has this class, but not Spark, on its classpath: nothing here touches the analytics main classes).
 */
public final class SummaryOracle {
    private SummaryOracle() {}

    private static List<List<Object>> summary(Connection summary, String sql, LocalDate d) throws SQLException {
        return KpiOracle.rows(summary, sql.replace(":D", "'" + d + "'"));
    }

    /** Row by row, column by column: numbers within {@code tolerance}, everything else equal. */
    public static void assertSameRows(String kpi, List<List<Object>> expected, List<List<Object>> actual, double tolerance) {
        assertThat(actual).as("%s: rows", kpi).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            List<Object> e = expected.get(i);
            List<Object> a = actual.get(i);
            assertThat(a).as("%s row %d", kpi, i).hasSize(e.size());
            for (int j = 0; j < e.size(); j++) {
                Object ev = e.get(j);
                Object av = a.get(j);
                String where = kpi + " row " + i + " column " + (j + 1) + ": expected " + e + " got " + a;
                if (ev == null || av == null) {
                    assertThat(av).as(where).isNull();
                    assertThat(ev).as(where).isNull();
                } else if (ev instanceof Number || ev instanceof Boolean) {
                    assertThat(toDouble(av)).as(where).isCloseTo(toDouble(ev), org.assertj.core.data.Offset.offset(tolerance));
                } else {
                    assertThat(av.toString()).as(where).isEqualTo(ev.toString());
                }
            }
        }
    }

    private static double toDouble(Object o) {
        if (o instanceof Boolean) {
            return ((Boolean) o) ? 1 : 0;
        }
        return new BigDecimal(o.toString()).doubleValue();
    }

    public static void check(Connection erp, Connection summary, String salt, LocalDate d, int minGrades, int topN)
            throws SQLException {
        List<List<Object>> perStudent;
        KpiOracle oracle;
        {
            oracle = new KpiOracle(erp, salt, d);
            perStudent = oracle.perStudent();
            assertThat(perStudent).as("students on %s", d).hasSizeGreaterThan(100);
            assertSameRows("KPI 1 per student", perStudent, summary(summary, "SELECT student_key, campus_key, promotion_key,"
                    + " institution_of_origin, status, grade_count, average_grade, attendance_rate, recruited_at_event,"
                    + " has_apprenticeship FROM summary.kpi_student WHERE snapshot_date = :D ORDER BY student_key", d), 0.0001);
            assertSameRows("KPI 2 top performers", oracle.topPerformers(minGrades, topN),
                    summary(summary, "SELECT scope, scope_value, rank_in_scope, student_key, average_grade, grade_count"
                            + " FROM summary.kpi_top_performer WHERE snapshot_date = :D ORDER BY scope, scope_value,"
                            + " rank_in_scope", d), 0);
            assertSameRows("KPI 3 by campus", oracle.dropouts("campus_id"), summary(summary, "SELECT campus_key, students, dropouts,"
                    + " dropout_rate FROM summary.kpi_dropout_by_campus WHERE snapshot_date = :D ORDER BY campus_key", d), 0.0001);
            assertSameRows("KPI 3 by promotion", oracle.dropouts("promotion"), summary(summary, "SELECT promotion_key, students,"
                    + " dropouts, dropout_rate FROM summary.kpi_dropout_by_promotion WHERE snapshot_date = :D"
                    + " ORDER BY promotion_key", d), 0.0001);
            assertSameRows("KPI 3 by attendance band", oracle.dropouts("attendance_band"), summary(summary, "SELECT attendance_band,"
                    + " students, dropouts, dropout_rate FROM summary.kpi_dropout_by_attendance WHERE snapshot_date = :D"
                    + " ORDER BY attendance_band", d), 0.0001);
            assertSameRows("KPI 4 active students", oracle.activeByRegionAndMonth(), summary(summary, "SELECT r.region,"
                    + " k.month_date_key, k.active_students FROM summary.kpi_active_students k JOIN summary.dim_region r"
                    + " ON r.region_key = k.region_key WHERE k.snapshot_date = :D ORDER BY r.region, k.month_date_key", d), 0);
            assertSameRows("KPI 5 apprenticeship share", oracle.apprenticeshipShare(), summary(summary, "SELECT r.region,"
                    + " k.active_students, k.with_contract, k.share FROM summary.kpi_apprenticeship_share k"
                    + " JOIN summary.dim_region r ON r.region_key = k.region_key WHERE k.snapshot_date = :D"
                    + " ORDER BY r.region", d), 0.0001);
            List<List<Object>> recruiters = oracle.recruiters();
            assertThat(recruiters.stream().filter(r -> "school".equals(r.get(1)))).as("competing schools").isNotEmpty();
            assertSameRows("KPI 5 recruiters", recruiters, summary(summary, "SELECT company_key, kind, rank_in_kind, students,"
                    + " contracts FROM summary.kpi_recruiter WHERE snapshot_date = :D ORDER BY company_key", d), 0);
            assertSameRows("KPI 6 per event", oracle.eventConversion(), summary(summary, "SELECT event_key, event_type_key,"
                    + " campus_key, contacts, converted, conversion_rate, median_days_to_enrol"
                    + " FROM summary.kpi_event_conversion WHERE snapshot_date = :D ORDER BY event_key", d), 0.0001);
            assertSameRows("KPI 6 totals", oracle.eventTotals(), summary(summary, "SELECT event_type_key, campus_key, events,"
                    + " contacts, converted, conversion_rate, median_days_to_enrol FROM summary.kpi_event_totals"
                    + " WHERE snapshot_date = :D ORDER BY event_type_key, campus_key", d), 0.0001);
            List<List<Object>> hires = oracle.timeToHire();
            assertThat(hires.stream().mapToLong(r -> ((Number) r.get(3)).longValue()).sum()).as("graduates hired").isPositive();
            assertSameRows("KPI 7 time to hire", hires, summary(summary, "SELECT k.promotion_key, r.region, k.graduates, k.hired,"
                    + " k.hire_rate, k.average_days, k.median_days FROM summary.kpi_time_to_hire k JOIN summary.dim_region r"
                    + " ON r.region_key = k.region_key WHERE k.snapshot_date = :D ORDER BY k.promotion_key, r.region", d), 0.05);
            List<List<Object>> scorecard = oracle.campusScorecard();
            assertSameRows("KPI 8 campus scorecard", scorecard, summary(summary, "SELECT campus_key, academic_year, enrolled,"
                    + " students, dropouts, dropout_rate, attendance_rate, enrolled_change, dropout_rate_change,"
                    + " attendance_rate_change FROM summary.kpi_campus_scorecard WHERE snapshot_date = :D"
                    + " ORDER BY campus_key, academic_year", d), 0.0001);
            assertSameRows("KPI 9 enrolment forecast", forecast(scorecard, d), summary(summary, "SELECT campus_key, academic_year,"
                    + " predicted_enrolment, lower_bound, upper_bound, trend_per_year, history_years"
                    + " FROM summary.kpi_enrolment_forecast WHERE snapshot_date = :D ORDER BY campus_key", d), 0.11);
        }
    }

    /**
     * KPI 9's oracle: the closed-form least-squares line through each campus's yearly enrolments (from the SQL
     * scorecard, complete years only) and its 95 % prediction interval, computed here rather than by MLlib.
     */
    private static List<List<Object>> forecast(List<List<Object>> scorecard, LocalDate d) {
        // The forecast's history (the constant is inlined by javac: no analytics class is loaded at run time): complete academic years only (the current one once its enrolment window closed).
        int current = d.getMonthValue() >= 9 ? d.getYear() : d.getYear() - 1;
        int last = d.isBefore(LocalDate.of(current, 9, 1).plusDays(EnrolmentForecast.ENROLMENT_WINDOW_DAYS)) ? current - 1 : current;
        int target = (d.getMonthValue() >= 9 ? d.getYear() : d.getYear() - 1) + 1;
        Map<Integer, List<double[]>> byCampus = new java.util.TreeMap<>();
        for (List<Object> r : scorecard) {
            int year = Integer.parseInt(r.get(1).toString().substring(0, 4));
            if (year <= last) {
                byCampus.computeIfAbsent(((Number) r.get(0)).intValue(), k -> new ArrayList<>())
                        .add(new double[] {year, ((Number) r.get(2)).doubleValue()});
            }
        }
        List<List<Object>> out = new ArrayList<>();
        for (Map.Entry<Integer, List<double[]>> e : byCampus.entrySet()) {
            List<double[]> pts = e.getValue();
            int n = pts.size();
            if (n < 3) {
                continue;
            }
            double mx = pts.stream().mapToDouble(p -> p[0]).average().orElseThrow();
            double my = pts.stream().mapToDouble(p -> p[1]).average().orElseThrow();
            double sxx = pts.stream().mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).sum();
            double sxy = pts.stream().mapToDouble(p -> (p[0] - mx) * (p[1] - my)).sum();
            double b = sxy / sxx;
            double sse = pts.stream().mapToDouble(p -> Math.pow(p[1] - (my + b * (p[0] - mx)), 2)).sum();
            double s2 = sse / (n - 2);
            double pred = my + b * (target - mx);
            double half = new TDistribution(n - 2).inverseCumulativeProbability(0.975)
                    * Math.sqrt(s2 * (1 + 1.0 / n + Math.pow(target - mx, 2) / sxx));
            out.add(List.of(e.getKey(), target + "-" + (target + 1), pred, Math.max(0, pred - half), pred + half, b, n));
        }
        return out;
    }

    /**
     * Every published row of the summary database, sorted, without the columns that say when and how often
     * ({@link org.campuslake.seed.SummaryDiff}): equal dumps mean an unchanged summary.
     */
    public static String dump(Connection c) throws SQLException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> t : org.campuslake.seed.SummaryDiff.dump(c, "summary").entrySet()) {
            sb.append("== ").append(t.getKey()).append('\n');
            t.getValue().forEach(r -> sb.append(r).append('\n'));
        }
        return sb.toString();
    }
}
