package org.campuslake.analytics;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark, not a test ({@code lake bench analytics}): on the curated Parquet files of the lake,
 * <ol>
 *   <li>the Spark KPI job's computation of every KPI vs the same KPIs as SQL in DuckDB over the same files;</li>
 *   <li>the summary publish ({@link SummaryPublisher}: a new version written, the flip, the prune) of a new date
 *       and of a date already published, vs {@code LOAD DATA LOCAL INFILE} of the same rows from files into empty
 *       copies of the tables.</li>
 * </ol>
 * Prints figures and ratios; targets: Spark at most 3x DuckDB, publish at least 0.7x LOAD DATA.
 */
public final class AnalyticsBenchmark {
    private AnalyticsBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        LocalDate d = LocalDate.parse(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Properties p = new Properties();
        try (var in = Files.newInputStream(config)) {
            p.load(in);
        }
        p.setProperty("analytics.source", "parquet");
        AnalyticsSettings settings = new AnalyticsSettings(p);
        String lakeRoot = settings.required("lake.root").replaceAll("/+$", "");
        Path curated = Path.of(java.net.URI.create(lakeRoot + "/curated"));

        long t0 = System.nanoTime();
        SparkSession spark = KpiJob.session(settings);
        double sparkStart = seconds(t0);
        SummaryPublisher publisher = new SummaryPublisher(settings.required("summary.jdbc.url"),
                settings.required("summary.user"), settings.summaryPassword());
        CuratedTables tables = CuratedTables.fromParquet(spark, lakeRoot, d);
        Map<String, Integer> regions;
        try (Connection c = publisher.connect()) {
            regions = SummaryDimensions.upsert(c, tables);
        }
        Dataset<Row> regionKeys = SummaryDimensions.asDataFrame(spark, regions);

        System.out.printf(Locale.ROOT, "Analytics benchmark, snapshot %s, curated data %s (%,d students)%n", d, curated,
                tables.students().count());
        System.out.printf(Locale.ROOT, "  Spark session start                   %7.2f s%n", sparkStart);
        double sparkBest = Double.MAX_VALUE;
        Map<String, List<Row>> sparkRows = new LinkedHashMap<>();
        Map<String, org.apache.spark.sql.types.StructType> schemas = new LinkedHashMap<>();
        for (int r = 1; r <= runs; r++) {
            spark.catalog().clearCache();
            long t = System.nanoTime();
            Map<String, Dataset<Row>> facts = KpiSnapshot.build(CuratedTables.fromParquet(spark, lakeRoot, d), settings,
                    regionKeys);
            StringBuilder detail = new StringBuilder(String.format(Locale.ROOT, "build %.1f", seconds(t)));
            for (Map.Entry<String, Dataset<Row>> e : facts.entrySet()) {
                long tf = System.nanoTime();
                sparkRows.put(e.getKey(), e.getValue().collectAsList());
                schemas.put(e.getKey(), e.getValue().schema());
                detail.append(String.format(Locale.ROOT, ", %s %.1f", e.getKey().replace("kpi_", ""), seconds(tf)));
            }
            System.out.println("    (seconds: " + detail + ")");
            double s = seconds(t);
            sparkBest = Math.min(sparkBest, s);
            System.out.printf(Locale.ROOT, "  Spark, all KPIs, run %d                %7.2f s%n", r, s);
        }

        double duckBest = Double.MAX_VALUE;
        Map<String, Integer> duckRows = new LinkedHashMap<>();
        for (int r = 1; r <= runs; r++) {
            long t = System.nanoTime();
            duckRows = DuckDbKpis.run(curated, d, settings.minGrades(), settings.topN());
            double s = seconds(t);
            duckBest = Math.min(duckBest, s);
            System.out.printf(Locale.ROOT, "  DuckDB, same KPIs in SQL, run %d       %7.2f s%n", r, s);
        }
        for (Map.Entry<String, Integer> e : duckRows.entrySet()) {
            int sparkCount = sparkRows.get(e.getKey()).size();
            if (sparkCount != e.getValue()) {
                System.out.printf(Locale.ROOT, "  WARNING %s: Spark %d rows, DuckDB %d rows%n", e.getKey(), sparkCount,
                        e.getValue());
            }
        }
        System.out.printf(Locale.ROOT, "  Spark / DuckDB (best runs)            %7.2f   (target <= 3)%n", sparkBest / duckBest);
        System.out.printf(Locale.ROOT, "  Spark incl. session start / DuckDB    %7.2f%n", (sparkBest + sparkStart) / duckBest);

        // Publish: the real publisher on the real facts, then LOAD DATA of the very same rows.
        Map<String, Dataset<Row>> facts = new LinkedHashMap<>();
        long rows = 0;
        for (Map.Entry<String, List<Row>> e : sparkRows.entrySet()) {
            Dataset<Row> ds = spark.createDataFrame(e.getValue(), schemas.get(e.getKey())).cache();
            ds.count();
            facts.put(e.getKey(), ds);
            rows += e.getValue().size();
        }
        // A new date (the daily case: the tables hold other dates, none of this one), then a rerun of that date,
        // which also prunes the version it supersedes. The dates are far from any real snapshot and removed after.
        double publishBest = Double.MAX_VALUE;
        double republishBest = Double.MAX_VALUE;
        for (int r = 1; r <= runs; r++) {
            LocalDate fresh = LocalDate.of(2099, 12, 1).plusDays(r);
            Map<String, Dataset<Row>> dated = new LinkedHashMap<>();
            for (Map.Entry<String, Dataset<Row>> e : facts.entrySet()) {
                dated.put(e.getKey(), e.getValue().withColumn("snapshot_date",
                        org.apache.spark.sql.functions.lit(java.sql.Date.valueOf(fresh))).cache());
                dated.get(e.getKey()).count();
            }
            long t = System.nanoTime();
            publisher.publish(fresh, dated);
            publishBest = Math.min(publishBest, seconds(t));
            t = System.nanoTime();
            publisher.publish(fresh, dated);
            republishBest = Math.min(republishBest, seconds(t));
            try (Connection c = publisher.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM summary.snapshot WHERE snapshot_date = '" + fresh + "'");
                for (String fact : facts.keySet()) {
                    s.executeUpdate("DELETE FROM summary." + fact + " WHERE snapshot_date = '" + fresh + "'");
                }
            }
        }
        Path tsv = Files.createTempDirectory("bench-publish");
        Map<String, Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, List<Row>> e : sparkRows.entrySet()) {
            Path f = tsv.resolve(e.getKey() + ".tsv");
            try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder();
                for (Row row : e.getValue()) {
                    line.setLength(0);
                    for (int i = 0; i < row.size(); i++) {
                        line.append(i > 0 ? "\t" : "");
                        RowWriter.append(line, row.get(i)); // the publisher's format: same bytes either way
                    }
                    w.write(line.append('\n').toString());
                }
            }
            files.put(e.getKey(), f);
        }
        double loadBest = Double.MAX_VALUE;
        Properties local = new Properties();
        local.setProperty("user", settings.required("summary.user"));
        local.setProperty("password", settings.summaryPassword());
        local.setProperty("allowLoadLocalInfile", "true");
        try (Connection c = DriverManager.getConnection(settings.required("summary.jdbc.url"), local);
             Statement s = c.createStatement()) {
            for (int r = 1; r <= runs; r++) {
                for (String fact : files.keySet()) {
                    s.execute("DROP TABLE IF EXISTS summary_stage.bench_" + fact);
                    s.execute("CREATE TABLE summary_stage.bench_" + fact + " LIKE summary." + fact);
                }
                long t = System.nanoTime();
                for (Map.Entry<String, Path> e : files.entrySet()) {
                    s.execute("LOAD DATA LOCAL INFILE '" + e.getValue().toString().replace("'", "''")
                            + "' INTO TABLE summary_stage.bench_" + e.getKey() + " ("
                            + String.join(", ", schemas.get(e.getKey()).fieldNames()) + ")");
                }
                loadBest = Math.min(loadBest, seconds(t));
            }
            for (String fact : files.keySet()) {
                s.execute("DROP TABLE IF EXISTS summary_stage.bench_" + fact);
            }
        }
        System.out.printf(Locale.ROOT, "  Publish %,d rows, a new date         %7.2f s  %,10.0f rows/s%n", rows, publishBest,
                rows / publishBest);
        System.out.printf(Locale.ROOT, "  Publish again (new version + prune)    %7.2f s  %,10.0f rows/s%n", republishBest,
                rows / republishBest);
        System.out.printf(Locale.ROOT, "  LOAD DATA LOCAL INFILE, same rows      %7.2f s  %,10.0f rows/s%n", loadBest,
                rows / loadBest);
        System.out.printf(Locale.ROOT, "  publish / LOAD DATA (rate)            %7.2f   (target >= 0.7)%n", loadBest / publishBest);
        System.out.printf(Locale.ROOT, "  publish again / LOAD DATA (rate)      %7.2f%n", loadBest / republishBest);
        spark.stop();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Row count of a query's result, reading every row. */
    static int drain(ResultSet rs) throws java.sql.SQLException {
        int n = 0;
        int cols = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            for (int i = 1; i <= cols; i++) {
                rs.getObject(i);
            }
            n++;
        }
        return n;
    }
}
