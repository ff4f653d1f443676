package org.campuslake.analytics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * KPI 1, per student: average grade, number of grades, attendance rate (present / (present + absent); excused
 * lessons are left out), status, recruited at an event, has an apprenticeship. A pure function of curated tables.
 */
public final class StudentKpis {
    private StudentKpis() {}

    /**
     * @param students        curated.students
     * @param grades          curated.grades
     * @param attendances     curated.attendances
     * @param contacts        curated.contacts (a contact with a student_key recruited that student)
     * @param apprenticeships curated.apprenticeships (contract_type 'apprenticeship' counts)
     */
    public static Dataset<Row> perStudent(Dataset<Row> students, Dataset<Row> grades, Dataset<Row> attendances,
                                          Dataset<Row> contacts, Dataset<Row> apprenticeships) {
        Dataset<Row> g = grades.groupBy("student_key")
                .agg(count(lit(1)).alias("grade_count"), round(avg("grade"), 2).alias("average_grade"));
        Column present = sum(when(col("status").equalTo("present"), 1).otherwise(0));
        Column absent = sum(when(col("status").equalTo("absent"), 1).otherwise(0));
        Dataset<Row> a = attendances.groupBy("student_key")
                .agg(present.alias("present_count"), absent.alias("absent_count"));
        Dataset<Row> recruited = contacts.where(col("student_key").isNotNull()).select("student_key").distinct()
                .withColumn("recruited_at_event", lit(true));
        Dataset<Row> apprentices = apprenticeships.where(col("contract_type").equalTo("apprenticeship"))
                .select("student_key").distinct().withColumn("has_apprenticeship", lit(true));
        Column attended = col("present_count").plus(col("absent_count"));
        return students.select("student_key", "campus_id", "region", "promotion", "institution_of_origin", "status")
                .join(g, "student_key", "left")
                .join(a, "student_key", "left")
                .join(recruited, "student_key", "left")
                .join(apprentices, "student_key", "left")
                .select(col("student_key"), col("campus_id"), col("region"), col("promotion"),
                        col("institution_of_origin"), col("status"),
                        coalesce(col("grade_count"), lit(0L)).alias("grade_count"),
                        col("average_grade"),
                        when(coalesce(attended, lit(0L)).equalTo(0), lit(null).cast("double"))
                                .otherwise(round(col("present_count").divide(attended), 4)).alias("attendance_rate"),
                        coalesce(col("recruited_at_event"), lit(false)).alias("recruited_at_event"),
                        coalesce(col("has_apprenticeship"), lit(false)).alias("has_apprenticeship"));
    }
}
