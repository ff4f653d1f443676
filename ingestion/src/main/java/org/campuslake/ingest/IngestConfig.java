package org.campuslake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;

/**
 * The ingestion settings, namespaced properties from one file per environment. Holds paths and facts only:
 * the password is in the file {@code erp.password.file} names, never here.
 */
public final class IngestConfig {
    public static final String LAKE_ROOT = "lake.root";
    public static final String JDBC_URL = "erp.jdbc.url";
    public static final String USER = "erp.user";
    public static final String PASSWORD_FILE = "erp.password.file";
    public static final String SCHEMA = "erp.schema";
    public static final String OVERLAP_MINUTES = "ingest.lastmodified.overlap.minutes";
    public static final String REJECT_RATIO_MAX = "ingest.reject.ratio.max";
    public static final String MAX_MAPPERS = "ingest.mappers.max";
    public static final String ORM_CACHE_DIR = "ingest.orm.cache.dir";
    public static final String WORK_DIR = "ingest.work.dir";
    public static final String LOCAL_MODE = "ingest.hadoop.local";
    public static final String CATALOG = "ingest.catalog";
    /** Keys per bucket of the whole-table reconciliation (count and key checksum per bucket). */
    public static final String RECONCILE_BUCKET_KEYS = "ingest.reconcile.bucket.keys";
    /** Most rows one table's repair import takes; more means something else is wrong, and the table fails. */
    public static final String REPAIR_MAX_ROWS = "ingest.reconcile.repair.max.rows";
    /** Tests only: stop an import at a named point, as a kill would. */
    public static final String FAULT = "ingest.fault";
    /** The erasure register (lake forget): a folder only the ETL account reads, outside the lake's zones. */
    public static final String ERASURES_DIR = "ingest.erasures.dir";
    /**
     * The summary database, as the analytics settings file names it (the KPI job's keys): forget's summary step
     * reads that file.
     */
    public static final String SUMMARY_JDBC_URL = "summary.jdbc.url";
    public static final String SUMMARY_USER = "summary.user";
    public static final String SUMMARY_PASSWORD_FILE = "summary.password.file";

    private final Properties props;
    /** A stage's {@code -D} pairs: over the file's settings, and into the Hadoop configuration as well. */
    private final Properties commandLine;

    public IngestConfig(Properties props) {
        this(props, new Properties());
    }

    private IngestConfig(Properties props, Properties commandLine) {
        this.props = props;
        this.commandLine = commandLine;
    }

    /** These settings with a command line's {@code -D key=value} pairs over them. */
    public IngestConfig with(Properties commandLine) {
        Properties merged = new Properties();
        merged.putAll(props);
        merged.putAll(commandLine);
        return new IngestConfig(merged, commandLine);
    }

    public static IngestConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return new IngestConfig(p);
    }

    public String get(String key) {
        String v = props.getProperty(key);
        if (v == null || v.trim().isEmpty()) {
            throw new IllegalArgumentException("missing setting " + key);
        }
        return v.trim();
    }

    public String get(String key, String dflt) {
        String v = props.getProperty(key);
        return v == null || v.trim().isEmpty() ? dflt : v.trim();
    }

    public String lakeRoot() { return get(LAKE_ROOT); }
    public String jdbcUrl() { return get(JDBC_URL); }
    public String user() { return get(USER, "etl"); }
    public String passwordFile() { return get(PASSWORD_FILE); }
    public String schema() { return get(SCHEMA, "erp"); }
    public int overlapMinutes() { return Integer.parseInt(get(OVERLAP_MINUTES, "30")); }
    public double rejectRatioMax() { return Double.parseDouble(get(REJECT_RATIO_MAX, "0.05")); }
    public int maxMappers() { return Integer.parseInt(get(MAX_MAPPERS, "4")); }
    public boolean localMode() { return Boolean.parseBoolean(get(LOCAL_MODE, "false")); }
    public String fault() { return get(FAULT, ""); }
    public long reconcileBucketKeys() { return Long.parseLong(get(RECONCILE_BUCKET_KEYS, "1000")); }
    /** Default: a hidden folder of the lake itself; the environments name a secrets folder instead. */
    public String erasuresDir() {
        return get(ERASURES_DIR, lakeRoot().replaceAll("/+$", "") + "/_secure/erasures");
    }
    public long repairMaxRows() { return Long.parseLong(get(REPAIR_MAX_ROWS, "100000")); }

    public Path ormCacheDir() {
        return Paths.get(get(ORM_CACHE_DIR, System.getProperty("java.io.tmpdir") + "/campus-lake-sqoop-orm"));
    }

    public Path workDir() {
        return Paths.get(get(WORK_DIR, System.getProperty("java.io.tmpdir") + "/campus-lake-ingest"));
    }

    /** The Hadoop configuration: the cluster's, or Hadoop's local mode (local files, LocalJobRunner). */
    public Configuration hadoop() {
        Configuration conf = new Configuration();
        // In an Oozie java action: the action's <configuration> (queue, uber mode, ...), which Oozie hands to the
        // main class as a file and never adds to a new Configuration itself.
        String action = System.getProperty("oozie.action.conf.xml");
        if (action != null && new java.io.File(action).isFile()) {
            conf.addResource(new org.apache.hadoop.fs.Path("file://" + new java.io.File(action).getAbsolutePath()));
        }
        if (localMode()) {
            conf.set("fs.defaultFS", "file:///");
            conf.set("mapreduce.framework.name", "local");
            // Without it, local map tasks cannot load Sqoop's generated record class.
            conf.set("mapreduce.jobtracker.address", "local");
            conf.setInt("mapreduce.local.map.tasks.maximum", Math.max(1, Math.min(maxMappers(), Runtime.getRuntime().availableProcessors())));
            conf.setInt("mapreduce.local.reduce.tasks.maximum", 1);
            conf.set("hadoop.tmp.dir", workDir().resolve("hadoop").toAbsolutePath().toString());
            // The client polls a finished local job every 5 s by default: most of a small job's time.
            conf.setInt("mapreduce.client.completion.pollinterval", 50);
            conf.setInt("mapreduce.client.progressmonitor.pollinterval", 50);
        }
        // Publication writes its own _SUCCESS, after the data: the committer's would come too early.
        conf.setBoolean("mapreduce.fileoutputcommitter.marksuccessfuljobs", false);
        for (String k : props.stringPropertyNames()) {
            if (k.startsWith("hadoop.conf.")) {
                conf.set(k.substring("hadoop.conf.".length()), props.getProperty(k));
            }
        }
        for (String k : commandLine.stringPropertyNames()) {
            conf.set(k, commandLine.getProperty(k));
        }
        return conf;
    }
}
