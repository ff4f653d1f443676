package org.campuslake.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * KPI 2: students ranked by average grade within a group (region, or institution of origin), among those with
 * at least {@code minGrades} grades; the top {@code topN} of each group. Ties are broken on the student key, so
 * the ranking never depends on the order rows arrive in.
 */
public final class TopPerformers {
    private TopPerformers() {}

    /** @param perStudent the output of {@link StudentKpis#perStudent} */
    public static Dataset<Row> within(Dataset<Row> perStudent, String groupColumn, int minGrades, int topN) {
        WindowSpec w = Window.partitionBy(col(groupColumn))
                .orderBy(col("average_grade").desc(), col("student_key").asc());
        return perStudent.where(col("grade_count").geq(minGrades).and(col(groupColumn).isNotNull()))
                .withColumn("rank", row_number().over(w))
                .where(col("rank").leq(topN))
                .select(col(groupColumn), col("rank"), col("student_key"), col("average_grade"), col("grade_count"));
    }
}
