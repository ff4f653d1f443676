package org.campuslake.analytics;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes snapshot D of every KPI table to the summary database, atomically and idempotently:
 * <ol>
 *   <li>each KPI's rows are collected to the driver (KPI tables are aggregates: thousands of rows, not
 *       millions) and go by batched JDBC ({@code rewriteBatchedStatements=true}: multi-row INSERTs) into
 *       its own staging table in {@code summary_stage}, which readers never see; a row of another date stops the
 *       publish;</li>
 *   <li>one transaction deletes D from every fact table, copies every staging table in, and records D in
 *       {@code summary.snapshot}: readers see the previous state or all of D, never a mix; other dates are not
 *       touched.</li>
 * </ol>
 * A failure at any step before the commit leaves the summary as it was; the error names the KPI table.
 */
public final class SummaryPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryPublisher.class);
    static final String DRIVER = "com.mysql.cj.jdbc.Driver";

    /** Called between staging and the switch: lets a test inject a failure there. */
    public interface Hook {
        void beforeSwitch(LocalDate snapshot) throws SQLException;
    }

    private final String url;
    private final String user;
    private final String password;
    private Hook hook = d -> { };

    /** @param url the summary database's JDBC URL; batched rewrites are switched on here */
    public SummaryPublisher(String url, String user, String password) {
        this.url = url.contains("rewriteBatchedStatements") ? url
                : url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
        this.user = user;
        this.password = password;
    }

    public SummaryPublisher withHook(Hook hook) {
        this.hook = hook;
        return this;
    }

    public Connection connect() throws SQLException {
        try {
            Class.forName(DRIVER);
        } catch (ClassNotFoundException e) {
            throw new SQLException("MySQL Connector/J is not on the classpath", e);
        }
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(url, p);
    }

    /** The staging table of a fact table: same columns, in a schema readers never see. */
    static String stagingTable(String fact) {
        return "summary_stage." + fact;
    }

    private static final String LOCK = "campus_lake.summary_publish";

    /** @return rows published per fact table */
    public Map<String, Long> publish(LocalDate d, Map<String, Dataset<Row>> facts) throws PublishException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect()) {
            // One publish at a time (the staging tables are shared); the lock goes with the connection.
            if (scalar(c, "SELECT GET_LOCK('" + LOCK + "', 60)") != 1) {
                throw new SQLException("another publish is running (lock " + LOCK + " held for 60 s)");
            }
            ensureStagingTables(c, facts.keySet());
            for (Map.Entry<String, Dataset<Row>> e : facts.entrySet()) {
                String fact = e.getKey();
                long t0 = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM " + stagingTable(fact));
                    counts.put(fact, stage(c, stagingTable(fact), d, e.getValue()));
                } catch (Exception ex) {
                    throw new PublishException(fact, "computing or staging", ex);
                }
                LOG.info("staged {} ({} rows) in {} ms", fact, counts.get(fact), (System.nanoTime() - t0) / 1_000_000);
            }
            try {
                hook.beforeSwitch(d);
            } catch (Exception ex) {
                throw new PublishException(null, "before the switch", ex);
            }
            switchIn(c, d, counts);
            try (Statement s = c.createStatement()) {
                for (String fact : facts.keySet()) {
                    s.executeUpdate("DELETE FROM " + stagingTable(fact));
                }
            }
        } catch (SQLException e) {
            throw new PublishException(null, "connecting, locking or cleaning up", e);
        }
        return counts;
    }

    /**
     * Creates a staging table where it is missing or no longer has its fact table's columns (a newer DDL file
     * changed the fact table); otherwise keeps it, which saves two DDL statements per table and publish.
     */
    private static void ensureStagingTables(Connection c, java.util.Set<String> facts) throws SQLException {
        Map<String, String> summary = columnSignatures(c, "summary");
        Map<String, String> staging = columnSignatures(c, "summary_stage");
        try (Statement s = c.createStatement()) {
            for (String fact : facts) {
                if (!summary.containsKey(fact)) {
                    throw new SQLException("summary." + fact + " does not exist: apply the summary DDL first");
                }
                if (!summary.get(fact).equals(staging.get(fact))) {
                    s.execute("DROP TABLE IF EXISTS " + stagingTable(fact));
                    s.execute("CREATE TABLE " + stagingTable(fact) + " LIKE summary." + fact);
                }
            }
        }
    }

    private static Map<String, String> columnSignatures(Connection c, String schema) throws SQLException {
        Map<String, String> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name, column_type, is_nullable"
                + " FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position")) {
            ps.setString(1, schema);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.merge(rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4),
                            (a, b) -> a + ", " + b);
                }
            }
        }
        return out;
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private void switchIn(Connection c, LocalDate d, Map<String, Long> counts) throws PublishException {
        long t0 = System.nanoTime();
        String current = null;
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            long total = 0;
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                current = e.getKey();
                try (PreparedStatement del = c.prepareStatement("DELETE FROM summary." + current + " WHERE snapshot_date = ?");
                     Statement ins = c.createStatement()) {
                    del.setDate(1, Date.valueOf(d));
                    del.executeUpdate();
                    int n = ins.executeUpdate("INSERT INTO summary." + current + " SELECT * FROM " + stagingTable(current));
                    if (n != e.getValue()) {
                        throw new SQLException("copied " + n + " rows, staged " + e.getValue());
                    }
                    total += n;
                }
            }
            current = "snapshot";
            try (PreparedStatement ps = c.prepareStatement(
                    "REPLACE INTO summary.snapshot (snapshot_date, fact_rows) VALUES (?, ?)")) {
                ps.setDate(1, Date.valueOf(d));
                ps.setLong(2, total);
                ps.executeUpdate();
            }
            c.commit();
            LOG.info("switched snapshot {} in ({} rows) in {} ms", d, total, (System.nanoTime() - t0) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new PublishException(current, "switching in", e);
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is closed next
            }
        }
    }

    private static final int BATCH = 5000;

    /** Streams the rows into the staging table in batches, in one transaction; returns the rows written. */
    private static long stage(Connection c, String stage, LocalDate d, Dataset<Row> rows) throws SQLException {
        String[] columns = rows.columns();
        int snapshotColumn = java.util.Arrays.asList(columns).indexOf("snapshot_date");
        if (snapshotColumn < 0) {
            throw new IllegalStateException("no snapshot_date column");
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(stage).append(" (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            sql.append(i > 0 ? ", " : "").append(columns[i]);
            marks.append(i > 0 ? ", ?" : "?");
        }
        sql.append(") VALUES (").append(marks).append(')');
        Date snapshot = Date.valueOf(d);
        long n = 0;
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            // One Spark job per table (toLocalIterator would run one per partition): KPI tables are aggregates.
            for (Row r : rows.collectAsList()) {
                if (!snapshot.equals(r.get(snapshotColumn))) {
                    throw new IllegalStateException("a staged row is for " + r.get(snapshotColumn) + ", not for snapshot " + d);
                }
                for (int i = 0; i < columns.length; i++) {
                    ps.setObject(i + 1, r.get(i));
                }
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        return n;
    }

    /** A publish failure; the summary database still holds its previous state. */
    public static final class PublishException extends Exception {
        public final String kpiTable;

        PublishException(String kpiTable, String step, Throwable cause) {
            super("publishing " + (kpiTable == null ? "the snapshot" : "KPI table " + kpiTable) + " failed while "
                    + step + ": " + rootMessage(cause) + " (the summary database keeps its previous snapshot)", cause);
            this.kpiTable = kpiTable;
        }

        private static String rootMessage(Throwable t) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String m = root.getMessage();
            return m == null ? root.getClass().getSimpleName() : m.split("\n")[0];
        }
    }
}
