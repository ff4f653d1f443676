package org.campuslake.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where the KPI job reads the curated layer: the Hive tables through the metastore (the normal way, on a cluster
 * and locally), or their Parquet folders under the lake root (what the benchmark shares with DuckDB).
 *
 * <p>Rows dated after the snapshot date are left out even if a later build put them in curated: a rerun of an old
 * date must not see the future (partitioned tables keep partitions a later build wrote).
 */
public final class CuratedTables {
    private final SparkSession spark;
    private final String database;
    private final String lakeRoot;
    private final LocalDate asOf;

    private CuratedTables(SparkSession spark, String database, String lakeRoot, LocalDate asOf) {
        this.spark = spark;
        this.database = database;
        this.lakeRoot = lakeRoot;
        this.asOf = asOf;
    }

    public static CuratedTables fromMetastore(SparkSession spark, String database, LocalDate asOf) {
        return new CuratedTables(spark, database, null, asOf);
    }

    /** @param lakeRoot a Hadoop URI; the tables are {@code <lakeRoot>/curated/<table>} */
    public static CuratedTables fromParquet(SparkSession spark, String lakeRoot, LocalDate asOf) {
        return new CuratedTables(spark, null, lakeRoot.replaceAll("/+$", ""), asOf);
    }

    public SparkSession spark() { return spark; }

    public LocalDate asOf() { return asOf; }

    public Dataset<Row> table(String name) {
        if (database != null) {
            return spark.table(database + "." + name);
        }
        return spark.read().option("basePath", lakeRoot + "/curated/" + name).parquet(lakeRoot + "/curated/" + name);
    }

    private Column upTo(String dateColumn) {
        return col(dateColumn).leq(to_date(lit(asOf.toString())));
    }

    /** The curated tables' names: the metastore's tables of the database, or the folders under curated/. */
    public java.util.List<String> names() throws java.io.IOException, org.apache.spark.sql.AnalysisException {
        java.util.List<String> out = new java.util.ArrayList<String>();
        if (database != null) {
            for (org.apache.spark.sql.catalog.Table t : spark.catalog().listTables(database).collectAsList()) {
                if (!t.isTemporary() && !"VIEW".equalsIgnoreCase(t.tableType())) {
                    out.add(t.name());
                }
            }
        } else {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(lakeRoot + "/curated");
            org.apache.hadoop.fs.FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(root)) {
                for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(root)) {
                    String n = s.getPath().getName();
                    if (s.isDirectory() && !n.startsWith("_") && !n.startsWith(".")) {
                        out.add(n);
                    }
                }
            }
        }
        java.util.Collections.sort(out);
        return out;
    }

    /** Every curated table's row count, in one Spark job (the conservation's curated term). */
    public java.util.Map<String, Long> rowCounts() throws java.io.IOException, org.apache.spark.sql.AnalysisException {
        Dataset<Row> all = null;
        for (String n : names()) {
            Dataset<Row> c = table(n).groupBy().count().select(lit(n).as("table_name"), col("count"));
            all = all == null ? c : all.unionAll(c);
        }
        java.util.Map<String, Long> out = new java.util.TreeMap<String, Long>();
        if (all != null) {
            for (Row r : all.collectAsList()) {
                out.put(r.getString(0), r.getLong(1));
            }
        }
        return out;
    }

    public Dataset<Row> campuses() { return table("campuses"); }

    public Dataset<Row> companies() { return table("companies"); }

    public Dataset<Row> students() { return table("students").where(upTo("join_date")); }

    public Dataset<Row> grades() { return table("grades").where(upTo("graded_on")); }

    public Dataset<Row> attendances() { return table("attendances").where(upTo("lesson_date")); }

    public Dataset<Row> apprenticeships() { return table("apprenticeships").where(upTo("start_date")); }

    public Dataset<Row> events() { return table("events").where(upTo("event_date")); }

    public Dataset<Row> contacts() { return table("contacts"); }
}
