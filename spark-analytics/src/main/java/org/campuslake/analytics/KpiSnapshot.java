package org.campuslake.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Snapshot D of every KPI, shaped as the summary database's fact tables: same column names, the snapshot date
 * first, dimension keys instead of names. Each entry is one fact table; the publisher writes them all or none.
 */
public final class KpiSnapshot {
    private KpiSnapshot() {}

    /**
     * @param regionKeys region, region_key (summary.dim_region, read after the dimensions were brought up to date)
     * @return fact table name (in summary) to its rows for snapshot {@code curated.asOf()}, in publishing order
     */
    public static Map<String, Dataset<Row>> build(CuratedTables curated, AnalyticsSettings settings,
                                                  Dataset<Row> regionKeys) {
        LocalDate d = curated.asOf();
        Column snapshot = lit(Date.valueOf(d)).alias("snapshot_date");
        // Small and used by most KPIs: read once.
        Dataset<Row> students = curated.students().cache();
        Dataset<Row> attendances = curated.attendances();
        Dataset<Row> apprenticeships = curated.apprenticeships().cache();
        Map<String, Dataset<Row>> facts = new LinkedHashMap<>();

        Dataset<Row> perStudent = StudentKpis.perStudent(students, curated.grades(), attendances,
                curated.contacts(), apprenticeships).cache();
        facts.put("kpi_student", withRegionKey(perStudent, regionKeys).select(snapshot, col("student_key"),
                col("campus_id").alias("campus_key"), col("region_key"), col("promotion").alias("promotion_key"),
                col("institution_of_origin"), col("status"), col("grade_count"), col("average_grade"),
                col("attendance_rate"), col("recruited_at_event").cast("int").alias("recruited_at_event"),
                col("has_apprenticeship").cast("int").alias("has_apprenticeship")));

        Dataset<Row> byRegion = TopPerformers.within(perStudent, "region", settings.minGrades(), settings.topN());
        Dataset<Row> byInstitution = TopPerformers.within(perStudent, "institution_of_origin", settings.minGrades(),
                settings.topN());
        facts.put("kpi_top_performer", byRegion.select(snapshot, lit("region").alias("scope"),
                        col("region").alias("scope_value"), col("rank").alias("rank_in_scope"), col("student_key"),
                        col("average_grade"), col("grade_count"))
                .union(byInstitution.select(snapshot, lit("institution").alias("scope"),
                        col("institution_of_origin").alias("scope_value"), col("rank").alias("rank_in_scope"),
                        col("student_key"), col("average_grade"), col("grade_count"))));

        facts.put("kpi_dropout_by_campus", Dropouts.rateBy(perStudent, "campus_id")
                .select(snapshot, col("campus_id").alias("campus_key"), col("students"), col("dropouts"),
                        col("dropout_rate")));
        facts.put("kpi_dropout_by_promotion", Dropouts.rateBy(perStudent, "promotion")
                .select(snapshot, col("promotion").alias("promotion_key"), col("students"), col("dropouts"),
                        col("dropout_rate")));
        facts.put("kpi_dropout_by_attendance", Dropouts.rateBy(perStudent, "attendance_band")
                .select(snapshot, col("attendance_band"), col("students"), col("dropouts"), col("dropout_rate")));

        Row first = students.agg(min("join_date")).first();
        LocalDate from = first.isNullAt(0) ? d : first.getDate(0).toLocalDate();
        facts.put("kpi_active_students", withRegionKey(StudentsOverTime.activeByRegionAndMonth(students, from, d),
                regionKeys).select(snapshot, col("region_key"),
                date_format(last_day(to_date(concat(col("month"), lit("-01")))), "yyyyMMdd").cast("int")
                        .alias("month_date_key"),
                col("active_students")));

        facts.put("kpi_apprenticeship_share", withRegionKey(Apprenticeships.shareByRegion(students, apprenticeships, d),
                regionKeys).select(snapshot, col("region_key"), col("active_students"), col("with_contract"),
                col("share")));
        facts.put("kpi_recruiter", Apprenticeships.recruiters(apprenticeships, curated.companies(), d)
                .select(snapshot, col("company_id").alias("company_key"), col("kind"), col("rank").alias("rank_in_kind"),
                        col("students"), col("contracts")));

        Dataset<Row> contacts = EventConversion.contacts(curated.events(), curated.contacts(), students, d).cache();
        facts.put("kpi_event_conversion", EventConversion.perEvent(contacts).select(snapshot,
                col("event_id").alias("event_key"), col("event_type").alias("event_type_key"),
                col("campus_id").alias("campus_key"), col("contacts"), col("converted"), col("conversion_rate"),
                col("median_days_to_enrol")));
        facts.put("kpi_event_totals", EventConversion.totals(contacts).select(snapshot,
                col("event_type").alias("event_type_key"), col("campus_id").alias("campus_key"), col("events"),
                col("contacts"), col("converted"), col("conversion_rate"), col("median_days_to_enrol")));

        facts.put("kpi_time_to_hire", withRegionKey(TimeToHire.byPromotionAndRegion(students, apprenticeships, d),
                regionKeys).select(snapshot, col("promotion").alias("promotion_key"), col("region_key"),
                col("graduates"), col("hired"), col("hire_rate"), col("average_days"), col("median_days")));

        Dataset<Row> scorecard = CampusScorecard.byAcademicYear(curated.campuses(), students, attendances, d)
                .cache();
        facts.put("kpi_campus_scorecard", scorecard.select(snapshot, col("campus_id").alias("campus_key"),
                academicYearLabel(col("academic_year")), col("enrolled"), col("students"), col("dropouts"),
                col("dropout_rate"), col("attendance_rate"), col("enrolled_change"), col("dropout_rate_change"),
                col("attendance_rate_change")));

        facts.put("kpi_enrolment_forecast", EnrolmentForecast.nextYear(scorecard, d, settings.forecastConfidence())
                .select(snapshot, col("campus_id").alias("campus_key"), academicYearLabel(col("academic_year")),
                        col("predicted_enrolment"), col("lower_bound"), col("upper_bound"), col("trend_per_year"),
                        col("history_years"), col("confidence")));
        return facts;
    }

    /** 2025 -> 2025-2026, as in summary.dim_date. */
    static Column academicYearLabel(Column startYear) {
        return concat(startYear.cast("string"), lit("-"), startYear.plus(1).cast("string")).alias("academic_year");
    }

    /** Region names to summary keys; a region missing from the dimension is a publishing bug, so it fails loudly. */
    private static Dataset<Row> withRegionKey(Dataset<Row> rows, Dataset<Row> regionKeys) {
        return rows.join(regionKeys, rows.col("region").equalTo(regionKeys.col("region")), "left")
                .drop(regionKeys.col("region"))
                .withColumn("region_key", when(col("region_key").isNull(),
                        raise_error(concat(lit("region missing from summary.dim_region: "), col("region"))))
                        .otherwise(col("region_key")));
    }
}
