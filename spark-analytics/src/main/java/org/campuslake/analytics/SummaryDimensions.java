package org.campuslake.analytics;

import static org.apache.spark.sql.functions.col;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Brings the summary dimensions up to date from the curated layer (type 1: latest attributes win, nothing is
 * deleted, keys never change), in one transaction before the facts are staged. Regions get the next free key in
 * name order the first time they appear; campuses, companies and events keep their ERP ids as keys.
 */
public final class SummaryDimensions {
    private SummaryDimensions() {}

    /** @return region name to region_key, for every region in the dimension */
    public static Map<String, Integer> upsert(Connection c, CuratedTables curated) throws SQLException {
        List<Row> campuses = curated.campuses().select("campus_id", "name", "city", "region", "opened_on")
                .orderBy("campus_id").collectAsList();
        List<Row> companies = curated.companies().select("company_id", "name", "kind", "sector", "city", "region")
                .orderBy("company_id").collectAsList();
        List<Row> events = curated.events().select("event_id", "name", "event_type", "campus_id", "event_date", "city")
                .orderBy("event_id").collectAsList();
        List<Row> promotions = curated.students().select(col("promotion")).distinct().orderBy("promotion")
                .collectAsList();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            TreeSet<String> regions = new TreeSet<>();
            for (Row r : campuses) {
                regions.add(r.getString(3));
            }
            for (Row r : companies) {
                regions.add(r.getString(5));
            }
            Map<String, Integer> keys = regionKeys(c);
            int next = 1;
            for (int k : keys.values()) {
                next = Math.max(next, k + 1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO summary.dim_region (region_key, region) VALUES (?, ?)")) {
                for (String region : regions) {
                    if (!keys.containsKey(region)) {
                        keys.put(region, next);
                        ps.setInt(1, next++);
                        ps.setString(2, region);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO summary.dim_campus"
                    + " (campus_key, campus, city, region_key, opened_on) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                    + " campus = VALUES(campus), city = VALUES(city), region_key = VALUES(region_key), opened_on = VALUES(opened_on)")) {
                for (Row r : campuses) {
                    ps.setInt(1, r.getInt(0));
                    ps.setString(2, r.getString(1));
                    ps.setString(3, r.getString(2));
                    ps.setInt(4, keys.get(r.getString(3)));
                    ps.setDate(5, r.getDate(4));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO summary.dim_company"
                    + " (company_key, company, kind, sector, city, region_key) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                    + " company = VALUES(company), kind = VALUES(kind), sector = VALUES(sector), city = VALUES(city),"
                    + " region_key = VALUES(region_key)")) {
                for (Row r : companies) {
                    ps.setInt(1, r.getInt(0));
                    ps.setString(2, r.getString(1));
                    ps.setString(3, r.getString(2));
                    ps.setString(4, r.getString(3));
                    ps.setString(5, r.getString(4));
                    ps.setInt(6, keys.get(r.getString(5)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO summary.dim_promotion"
                    + " (promotion_key, promotion, entry_year) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE"
                    + " promotion = VALUES(promotion), entry_year = VALUES(entry_year)")) {
                for (Row r : promotions) {
                    int p = r.getInt(0);
                    ps.setInt(1, p);
                    ps.setString(2, "Class of " + p);
                    ps.setInt(3, p - 3);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT IGNORE INTO summary.dim_event_type (event_type_key, event_type) VALUES (?, ?)")) {
                // An event type the DDL does not know yet still gets a row (named after its code).
                for (String type : new TreeSet<>(eventTypes(events))) {
                    ps.setString(1, type);
                    ps.setString(2, type);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO summary.dim_event"
                    + " (event_key, event, event_type_key, campus_key, event_date_key, city) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE event = VALUES(event), event_type_key = VALUES(event_type_key),"
                    + " campus_key = VALUES(campus_key), event_date_key = VALUES(event_date_key), city = VALUES(city)")) {
                for (Row r : events) {
                    ps.setInt(1, r.getInt(0));
                    ps.setString(2, r.getString(1));
                    ps.setString(3, r.getString(2));
                    ps.setInt(4, r.getInt(3));
                    ps.setInt(5, Integer.parseInt(r.getDate(4).toLocalDate().toString().replace("-", "")));
                    ps.setString(6, r.getString(5));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            return keys;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static List<String> eventTypes(List<Row> events) {
        List<String> out = new ArrayList<>();
        for (Row r : events) {
            out.add(r.getString(2));
        }
        return out;
    }

    static Map<String, Integer> regionKeys(Connection c) throws SQLException {
        Map<String, Integer> keys = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT region, region_key FROM summary.dim_region")) {
            while (rs.next()) {
                keys.put(rs.getString(1), rs.getInt(2));
            }
        }
        return keys;
    }

    /** The region keys as a tiny DataFrame for the fact joins. */
    public static Dataset<Row> asDataFrame(org.apache.spark.sql.SparkSession spark, Map<String, Integer> keys) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> e : keys.entrySet()) {
            rows.add(RowFactory.create(e.getKey(), e.getValue()));
        }
        StructType schema = new StructType().add("region", DataTypes.StringType, false)
                .add("region_key", DataTypes.IntegerType, false);
        return spark.createDataFrame(rows, schema);
    }
}
