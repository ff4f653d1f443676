package org.campuslake.analytics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.to_date;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * KPI 7: days between graduation and the first job (a permanent or fixed-term contract starting on or after the
 * graduation day), by promotion and region. Graduates not hired yet count in {@code graduates} only.
 */
public final class TimeToHire {
    private TimeToHire() {}

    /** @return promotion, region, graduates, hired, hire_rate, average_days, median_days */
    public static Dataset<Row> byPromotionAndRegion(Dataset<Row> students, Dataset<Row> apprenticeships, LocalDate d) {
        Column day = to_date(lit(d.toString()));
        Dataset<Row> graduates = students.where(col("status").equalTo("graduated").and(col("left_date").leq(day)))
                .select("student_key", "promotion", "region", "left_date");
        Dataset<Row> jobs = apprenticeships
                .where(col("contract_type").isin("permanent", "fixed_term").and(col("start_date").leq(day)))
                .select(col("student_key"), col("start_date"));
        Dataset<Row> firstJob = graduates.join(jobs, "student_key")
                .where(col("start_date").geq(col("left_date")))
                .groupBy("student_key").agg(min("start_date").alias("first_job"));
        return graduates.join(firstJob, "student_key", "left")
                .withColumn("days", datediff(col("first_job"), col("left_date")))
                .groupBy("promotion", "region")
                .agg(count(lit(1)).alias("graduates"), count("days").alias("hired"),
                        round(avg("days"), 1).alias("average_days"),
                        round(expr("percentile(days, 0.5)"), 1).alias("median_days"))
                .withColumn("hire_rate", round(col("hired").divide(col("graduates")), 4))
                .select("promotion", "region", "graduates", "hired", "hire_rate", "average_days", "median_days")
                .orderBy("promotion", "region");
    }
}
