package org.campuslake.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * KPI 5: apprenticeships. The share of active students under an apprenticeship contract on the snapshot date, by
 * region; and the organisations ranked by the students they take, companies and competing schools apart (a
 * contract with a school is a student leaving for its apprenticeship programme).
 */
public final class Apprenticeships {
    private Apprenticeships() {}

    /** A contract that has started by {@code d} and has not ended before it. */
    static Column runningOn(LocalDate d) {
        Column day = to_date(lit(d.toString()));
        return col("start_date").leq(day).and(col("end_date").isNull().or(col("end_date").geq(day)));
    }

    /**
     * @param students        curated.students
     * @param apprenticeships curated.apprenticeships
     * @return region, active_students, with_contract, share (0-1, 4 decimals)
     */
    public static Dataset<Row> shareByRegion(Dataset<Row> students, Dataset<Row> apprenticeships, LocalDate d) {
        Dataset<Row> underContract = apprenticeships
                .where(col("contract_type").equalTo("apprenticeship").and(runningOn(d)))
                .select("student_key").distinct().withColumn("under_contract", lit(1));
        Dataset<Row> active = students.where(col("status").equalTo("active")
                .and(col("join_date").leq(to_date(lit(d.toString())))));
        return active.join(underContract, "student_key", "left")
                .groupBy("region")
                .agg(count(lit(1)).alias("active_students"),
                        sum(when(col("under_contract").isNotNull(), 1).otherwise(0)).alias("with_contract"))
                .withColumn("share", round(col("with_contract").divide(col("active_students")), 4))
                .orderBy("region");
    }

    /**
     * Every organisation that took at least one student (any contract started by {@code d}), ranked within its kind
     * by distinct students, ties on the company id.
     *
     * @return kind, rank, company_id, students, contracts
     */
    public static Dataset<Row> recruiters(Dataset<Row> apprenticeships, Dataset<Row> companies, LocalDate d) {
        Dataset<Row> taken = apprenticeships.where(col("start_date").leq(to_date(lit(d.toString()))))
                .groupBy("company_id")
                .agg(countDistinct("student_key").alias("students"), count(lit(1)).alias("contracts"));
        return taken.join(companies.select("company_id", "kind"), "company_id")
                .withColumn("rank", row_number().over(Window.partitionBy("kind")
                        .orderBy(col("students").desc(), col("company_id").asc())))
                .select("kind", "rank", "company_id", "students", "contracts")
                .orderBy("kind", "rank");
    }
}
