package org.campuslake.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * KPI 6: what open days and fairs bring. Per event held by the snapshot date: contacts collected, contacts who
 * became students, the conversion rate and the median number of days from the event to the enrolment; the same
 * totals by event type and campus (medians over contacts, not medians of medians).
 */
public final class EventConversion {
    private EventConversion() {}

    /**
     * One row per contact of an event held on or before {@code d}: event_id, event_type, campus_id, converted (0/1),
     * days_to_enrol (null unless converted). Events without contacts keep one row with a null contact.
     */
    public static Dataset<Row> contacts(Dataset<Row> events, Dataset<Row> contacts, Dataset<Row> students, LocalDate d) {
        Dataset<Row> held = events.where(col("event_date").leq(to_date(lit(d.toString()))))
                .select("event_id", "event_type", "campus_id", "event_date");
        Dataset<Row> c = contacts.select(col("event_id"), col("contact_key"), col("student_key"))
                .join(students.select(col("student_key"), col("join_date")), "student_key", "left");
        Column converted = col("contact_key").isNotNull().and(col("join_date").isNotNull());
        return held.join(c, "event_id", "left")
                .select(col("event_id"), col("event_type"), col("campus_id"), col("contact_key"),
                        when(converted, 1).otherwise(0).alias("converted"),
                        when(converted, datediff(col("join_date"), col("event_date"))).alias("days_to_enrol"));
    }

    /** @return event_id, event_type, campus_id, contacts, converted, conversion_rate, median_days_to_enrol */
    public static Dataset<Row> perEvent(Dataset<Row> contactRows) {
        return summarise(contactRows, "event_id", "event_type", "campus_id").orderBy("event_id");
    }

    /** @return event_type, campus_id, events, contacts, converted, conversion_rate, median_days_to_enrol */
    public static Dataset<Row> totals(Dataset<Row> contactRows) {
        return summarise(contactRows, "event_type", "campus_id").orderBy("event_type", "campus_id");
    }

    private static Dataset<Row> summarise(Dataset<Row> contactRows, String... by) {
        Column[] groups = new Column[by.length];
        for (int i = 0; i < by.length; i++) {
            groups[i] = col(by[i]);
        }
        boolean perEvent = by[0].equals("event_id");
        Dataset<Row> agg = contactRows.groupBy(groups).agg(
                countDistinct("event_id").alias("events"),
                count("contact_key").alias("contacts"),
                sum("converted").alias("converted"),
                // percentile() is exact (interpolated between the two middle values), unlike percentile_approx.
                expr("percentile(days_to_enrol, 0.5)").alias("median_days_to_enrol"));
        agg = agg.withColumn("conversion_rate", when(col("contacts").equalTo(0), lit(null).cast("double"))
                        .otherwise(round(col("converted").divide(col("contacts")), 4)))
                .withColumn("converted", col("converted").cast("long"))
                .withColumn("median_days_to_enrol", round(col("median_days_to_enrol"), 1));
        return perEvent
                ? agg.select("event_id", "event_type", "campus_id", "contacts", "converted", "conversion_rate",
                        "median_days_to_enrol")
                : agg.select("event_type", "campus_id", "events", "contacts", "converted", "conversion_rate",
                        "median_days_to_enrol");
    }
}
