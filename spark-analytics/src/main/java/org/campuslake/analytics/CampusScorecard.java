package org.campuslake.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * KPI 8: the campus scorecard, one row per campus and academic year (1 September to 31 August, cut at the snapshot
 * date): students enrolled that year, students on the rolls at some point of it, dropouts and their rate, the
 * attendance rate, and each figure's change from the previous year: the trends that show which campuses need
 * revitalising.
 */
public final class CampusScorecard {
    private CampusScorecard() {}

    /** The academic year a date falls in, named by the year it starts (2025 for 2025-2026). */
    public static Column academicYear(Column date) {
        return when(month(date).geq(9), year(date)).otherwise(year(date).minus(1));
    }

    public static int academicYear(LocalDate d) {
        return d.getMonthValue() >= 9 ? d.getYear() : d.getYear() - 1;
    }

    /**
     * @return campus_id, academic_year, enrolled, students, dropouts, dropout_rate, attendance_rate,
     *     enrolled_change, dropout_rate_change, attendance_rate_change
     */
    public static Dataset<Row> byAcademicYear(Dataset<Row> campuses, Dataset<Row> students, Dataset<Row> attendances,
                                              LocalDate d) {
        Column day = to_date(lit(d.toString()));
        Dataset<Row> firstYear = students.where(col("join_date").leq(day))
                .agg(expr("min(join_date)").alias("first_join"));
        Dataset<Row> years = firstYear.where(col("first_join").isNotNull())
                .select(explode(sequence(academicYear(col("first_join")), lit(academicYear(d)))).alias("academic_year"))
                .withColumn("year_start", make_date(col("academic_year"), lit(9), lit(1)))
                .withColumn("year_end", least(make_date(col("academic_year").plus(1), lit(8), lit(31)), day));
        Dataset<Row> campusYears = campuses.select("campus_id", "opened_on").crossJoin(years)
                .where(col("academic_year").geq(academicYear(col("opened_on"))));

        Column joined = col("join_date").between(col("year_start"), col("year_end"));
        Column onRolls = col("join_date").leq(col("year_end"))
                .and(col("left_date").isNull().or(col("left_date").geq(col("year_start"))));
        Column droppedOut = col("status").equalTo("dropped_out")
                .and(col("left_date").between(col("year_start"), col("year_end")));
        Dataset<Row> people = campusYears
                .join(students.select("campus_id", "join_date", "left_date", "status"), "campus_id")
                .groupBy("campus_id", "academic_year")
                .agg(sum(when(joined, 1).otherwise(0)).alias("enrolled"),
                        sum(when(onRolls, 1).otherwise(0)).alias("students"),
                        sum(when(droppedOut, 1).otherwise(0)).alias("dropouts"));

        Dataset<Row> presence = attendances.where(col("lesson_date").leq(day))
                .join(students.select("student_key", "campus_id"), "student_key")
                .groupBy(col("campus_id"), academicYear(col("lesson_date")).alias("academic_year"))
                .agg(sum(when(col("status").equalTo("present"), 1).otherwise(0)).alias("present"),
                        sum(when(col("status").equalTo("absent"), 1).otherwise(0)).alias("absent"));

        WindowSpec previous = Window.partitionBy("campus_id").orderBy("academic_year");
        Column attended = col("present").plus(col("absent"));
        return campusYears.select("campus_id", "academic_year")
                .join(people, new String[] {"campus_id", "academic_year"}, "left")
                .join(presence, new String[] {"campus_id", "academic_year"}, "left")
                .select(col("campus_id"), col("academic_year"),
                        expr("coalesce(enrolled, 0)").cast("long").alias("enrolled"),
                        expr("coalesce(students, 0)").cast("long").alias("students"),
                        expr("coalesce(dropouts, 0)").cast("long").alias("dropouts"),
                        when(col("students").gt(0), round(col("dropouts").divide(col("students")), 4))
                                .alias("dropout_rate"),
                        when(attended.gt(0), round(col("present").divide(attended), 4)).alias("attendance_rate"))
                .withColumn("enrolled_change", col("enrolled").minus(lag("enrolled", 1).over(previous)))
                .withColumn("dropout_rate_change",
                        round(col("dropout_rate").minus(lag("dropout_rate", 1).over(previous)), 4))
                .withColumn("attendance_rate_change",
                        round(col("attendance_rate").minus(lag("attendance_rate", 1).over(previous)), 4))
                .orderBy("campus_id", "academic_year");
    }
}
