package org.campuslake.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * KPI 4: active students per region at the end of each month. A student is active at the end of a month when they
 * joined on or before its last day and had not left by then (a student who leaves on the last day is gone).
 */
public final class StudentsOverTime {
    private StudentsOverTime() {}

    /** @param students curated.students; months from {@code first} to {@code last} (any day of each), inclusive */
    public static Dataset<Row> activeByRegionAndMonth(Dataset<Row> students, LocalDate first, LocalDate last) {
        Dataset<Row> months = students.sparkSession().range(1)
                .select(explode(expr("sequence(to_date('" + first.withDayOfMonth(1) + "'), to_date('"
                        + last.withDayOfMonth(1) + "'), interval 1 month)")).alias("month_start"))
                .withColumn("month_end", last_day(col("month_start")));
        return students.crossJoin(months)
                .where(col("join_date").leq(col("month_end"))
                        .and(col("left_date").isNull().or(col("left_date").gt(col("month_end")))))
                .groupBy(col("region"), date_format(col("month_start"), "yyyy-MM").alias("month"))
                .agg(count(lit(1)).alias("active_students"))
                .orderBy(col("region"), col("month"));
    }
}
