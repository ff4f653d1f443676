package org.campuslake.analytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The analytics job's settings, from one properties file per environment. Environment facts and tuning only: the
 * summary database's password is read from the file {@code summary.password.file} names. {@code spark.*} entries
 * are handed to the Spark session (locally: master, metastore, warehouse; on a cluster spark-submit sets them).
 */
public final class AnalyticsSettings {
    public final Properties properties;

    public AnalyticsSettings(Properties properties) {
        this.properties = properties;
    }

    public static AnalyticsSettings load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return new AnalyticsSettings(p);
    }

    public String required(String key) {
        String v = properties.getProperty(key);
        if (v == null || v.trim().isEmpty()) {
            throw new IllegalArgumentException("missing setting " + key);
        }
        return v.trim();
    }

    public String get(String key, String defaultValue) {
        String v = properties.getProperty(key);
        return v == null || v.trim().isEmpty() ? defaultValue : v.trim();
    }

    public int getInt(String key, int defaultValue) {
        String v = get(key, null);
        try {
            return v == null ? defaultValue : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
        }
    }

    public double getDouble(String key, double defaultValue) {
        String v = get(key, null);
        try {
            return v == null ? defaultValue : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
        }
    }

    /** metastore (the Hive tables) or parquet (the files under lake.root). */
    public String source() {
        String s = get("analytics.source", "metastore");
        if (!s.equals("metastore") && !s.equals("parquet")) {
            throw new IllegalArgumentException("analytics.source must be metastore or parquet, got '" + s + "'");
        }
        return s;
    }

    public int topN() { return getInt("analytics.top.n", 10); }

    public int minGrades() { return getInt("analytics.top.min.grades", 5); }

    public double forecastConfidence() {
        double c = getDouble("analytics.forecast.confidence", 0.95);
        if (c <= 0 || c >= 1) {
            throw new IllegalArgumentException("analytics.forecast.confidence must be between 0 and 1, got " + c);
        }
        return c;
    }

    /**
     * The password of summary.user, from its file (one line, no other content), read with Hadoop's FileSystem API:
     * a local path in local mode, an HDFS path (mode 0400, the ETL account's) on a cluster.
     */
    public String summaryPassword() throws IOException {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(required("summary.password.file"));
        FileSystem fs = file.getFileSystem(new Configuration());
        if (!fs.exists(file)) {
            throw new IOException("summary.password.file " + file + " does not exist");
        }
        try (InputStream in = fs.open(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[256];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
            return new String(out.toByteArray(), StandardCharsets.UTF_8).replaceAll("[\r\n]+$", "");
        } catch (org.apache.hadoop.security.AccessControlException e) {
            throw new IOException("summary.password.file " + file + " is not readable by this account", e);
        }
    }
}
