package org.campuslake.analytics;

import java.nio.file.Paths;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics job: reads the curated layer as of D, computes every KPI and publishes snapshot D to the summary
 * database. {@code KpiJob --config analytics.properties --date YYYY-MM-DD}. Exit code 0 when published, 1 when the
 * job failed (the summary keeps its previous state; the message names the KPI), 2 on bad arguments.
 *
 * <p>On a cluster it is the main class of {@code spark-submit} (Spark on YARN with the Hive metastore); locally
 * the {@code spark.*} settings of the properties file give {@code local[*]} and the local metastore.
 */
public final class KpiJob extends Configured implements Tool {
    private static final Logger LOG = LoggerFactory.getLogger(KpiJob.class);
    /** The source Hadoop's GenericOptionsParser gives a {@code -D} pair. */
    private static final String COMMAND_LINE = "from command line";

    /** Exit codes, as the ingestion stages' ({@code org.campuslake.ingest.stage.ExitCode}). */
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /**
     * A Hadoop {@link Tool}: {@code -D key=value} pairs (before the job's own arguments) override the properties
     * file, {@code spark.*} ones included. The report goes to stdout with the user's line last, traces to stderr.
     */
    public static void main(String[] args) {
        int rc;
        try {
            rc = ToolRunner.run(new Configuration(), new KpiJob(), args);
        } catch (Exception e) {
            LOG.error("analytics job failed", e);
            System.out.println(line("KpiJob failed: " + e));
            rc = FAILED;
        }
        System.out.flush();
        System.exit(rc);
    }

    @Override
    public int run(String[] args) {
        String config = null;
        String date = null;
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                config = args[++i];
            } else if ("--date".equals(args[i]) && i + 1 < args.length) {
                date = args[++i];
            } else {
                System.out.println("KpiJob: unknown argument: " + args[i]);
                return USAGE;
            }
        }
        if (config == null || date == null) {
            System.out.println("KpiJob: usage: KpiJob [-D key=value ...] --config analytics.properties --date YYYY-MM-DD");
            return USAGE;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            System.out.println("KpiJob: --date must be YYYY-MM-DD, got '" + date + "'");
            return USAGE;
        }
        try {
            AnalyticsSettings settings = AnalyticsSettings.load(Paths.get(config));
            settings.properties.putAll(commandLine());
            SparkSession spark = session(settings);
            try {
                Map<String, Long> published = run(spark, settings, d);
                long total = 0;
                for (long n : published.values()) {
                    total += n;
                }
                System.out.println("published snapshot " + d + ": " + published.size() + " KPI tables, " + total + " rows");
                for (Map.Entry<String, Long> e : published.entrySet()) {
                    System.out.println("  " + e.getKey() + " " + e.getValue());
                }
                // Read by the Oozie shell action's <capture-output/> (stdout as properties): the run's counter.
                System.out.println("rows.published=" + total);
                printCuratedRows(spark, settings, d);
                return OK;
            } finally {
                spark.stop();
            }
        } catch (SummaryPublisher.PublishException e) {
            // The user's line last on stdout (a launcher's error names it), the trace on stderr.
            LOG.error("analytics job failed", e);
            System.out.println(line("KpiJob: " + e.getMessage()));
            return FAILED;
        } catch (IllegalArgumentException e) {
            System.out.println(line("KpiJob: " + e.getMessage()));
            return USAGE;
        } catch (Exception e) {
            LOG.error("analytics job failed", e);
            System.out.println(line("KpiJob: " + e.getMessage()));
            return FAILED;
        }
    }

    /** The user's line is one line: a driver's message often spans several (MySQL's "Communications link failure"). */
    static String line(String text) {
        return text.trim().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** The {@code -D} pairs of the command line. */
    private Properties commandLine() {
        Properties p = new Properties();
        for (Map.Entry<String, String> e : getConf()) {
            String[] sources = getConf().getPropertySources(e.getKey());
            if (sources != null && sources.length > 0 && COMMAND_LINE.equals(sources[sources.length - 1])) {
                p.setProperty(e.getKey(), e.getValue());
            }
        }
        return p;
    }

    /**
     * The curated tables' row counts as {@code conservation.curated.<table>=N} lines, for {@code lake runs ID}'s
     * conservation. Published KPIs stand without them: a failure here is only logged.
     */
    private static void printCuratedRows(SparkSession spark, AnalyticsSettings settings, LocalDate d) {
        try {
            for (Map.Entry<String, Long> e : curated(spark, settings, d).rowCounts().entrySet()) {
                System.out.println("conservation.curated." + e.getKey() + "=" + e.getValue());
            }
        } catch (Exception e) {
            LOG.warn("counting the curated tables' rows failed: no conservation for " + d, e);
        }
    }

    private static CuratedTables curated(SparkSession spark, AnalyticsSettings settings, LocalDate d) {
        return "parquet".equals(settings.source())
                ? CuratedTables.fromParquet(spark, settings.required("lake.root"), d)
                : CuratedTables.fromMetastore(spark, settings.get("analytics.curated.database", "curated"), d);
    }

    /** The session: every spark.* setting of the file, then Hive support when the curated tables come from a metastore. */
    static SparkSession session(AnalyticsSettings settings) {
        SparkSession.Builder b = SparkSession.builder().appName("campus-lake-kpis");
        for (String key : settings.properties.stringPropertyNames()) {
            if (key.startsWith("spark.")) {
                b.config(key, settings.properties.getProperty(key));
            }
        }
        if ("metastore".equals(settings.source())) {
            b.enableHiveSupport();
        }
        return b.getOrCreate();
    }

    /** Computes and publishes snapshot D; the publisher's hook (tests) comes with it. */
    public static Map<String, Long> run(SparkSession spark, AnalyticsSettings settings, LocalDate d,
                                        SummaryPublisher.Hook hook) throws Exception {
        CuratedTables curated = curated(spark, settings, d);
        SummaryPublisher publisher = new SummaryPublisher(settings.required("summary.jdbc.url"),
                settings.required("summary.user"), settings.summaryPassword())
                .withHook(hook);
        Map<String, Integer> regions;
        try (Connection c = publisher.connect()) {
            regions = SummaryDimensions.upsert(c, curated);
        }
        Dataset<Row> regionKeys = SummaryDimensions.asDataFrame(spark, regions);
        Map<String, Dataset<Row>> facts = KpiSnapshot.build(curated, settings, regionKeys);
        return publisher.publish(d, facts);
    }

    public static Map<String, Long> run(SparkSession spark, AnalyticsSettings settings, LocalDate d) throws Exception {
        return run(spark, settings, d, x -> { });
    }
}
