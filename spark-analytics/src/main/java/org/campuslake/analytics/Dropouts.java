package org.campuslake.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** KPI 3: dropout rate (dropped out / all students) by campus, by promotion, and by attendance band. */
public final class Dropouts {
    public static final String[] BANDS = {"< 50 %", "50-75 %", "75-90 %", ">= 90 %"};

    private Dropouts() {}

    /** The attendance band of a rate in [0, 1]; null stays null (no attendance recorded). */
    public static Column attendanceBand(Column rate) {
        return when(rate.lt(0.5), BANDS[0]).when(rate.lt(0.75), BANDS[1]).when(rate.lt(0.9), BANDS[2])
                .when(rate.isNotNull(), BANDS[3]);
    }

    /** @param perStudent the output of {@link StudentKpis#perStudent}; {@code by}: campus_id, promotion or attendance_band */
    public static Dataset<Row> rateBy(Dataset<Row> perStudent, String by) {
        Dataset<Row> in = "attendance_band".equals(by)
                ? perStudent.withColumn("attendance_band", attendanceBand(col("attendance_rate")))
                        .where(col("attendance_band").isNotNull())
                : perStudent;
        Column dropped = sum(when(col("status").equalTo("dropped_out"), 1).otherwise(0));
        return in.groupBy(col(by))
                .agg(count(lit(1)).alias("students"), dropped.alias("dropouts"))
                .withColumn("dropout_rate", round(col("dropouts").divide(col("students")), 4))
                .orderBy(col(by));
    }
}
