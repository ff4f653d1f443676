package org.campuslake.analytics;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes snapshot D of every KPI table to the summary database, atomically and idempotently, writing each row
 * once:
 * <ol>
 *   <li>each KPI's rows are collected to the driver, four tables at a time (KPI tables are aggregates: thousands of
 *       rows, not millions), and
 *       written straight into its fact table under a new version of D: {@code LOAD DATA LOCAL} from memory where the
 *       server allows it, batched INSERTs otherwise. Readers do not see them: the {@code bi_*} views show the version
 *       {@code summary.snapshot} names. A row of another date stops the publish;</li>
 *   <li>one small transaction checks every table's row count and flips D's row in {@code summary.snapshot} to the
 *       new version: readers see the previous state or all of D, never a mix; other dates are not touched;</li>
 *   <li>the superseded version of D is deleted. Rows a failed publish left behind are deleted at once, and again by
 *       the next publish of D.</li>
 * </ol>
 * A failure at any step before the flip leaves what readers see as it was; the error names the KPI table.
 */
public final class SummaryPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryPublisher.class);
    static final String DRIVER = "com.mysql.cj.jdbc.Driver";

    /** Called between writing the new version and the flip: lets a test look at, or break, that state. */
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
        return connect(false);
    }

    /**
     * @param loadLocal whether the connection may answer a LOAD DATA LOCAL request; only the publish connection does,
     *                  and it only ever sends the stream it set, never a file
     */
    private Connection connect(boolean loadLocal) throws SQLException {
        try {
            Class.forName(DRIVER);
        } catch (ClassNotFoundException e) {
            throw new SQLException("MySQL Connector/J is not on the classpath", e);
        }
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        if (loadLocal) {
            p.setProperty("allowLoadLocalInfile", "true");
        }
        return DriverManager.getConnection(url, p);
    }

    private static final String LOCK = "campus_lake.summary_publish";
    /** KPI tables computed at once: enough to overlap Spark's per-job scheduling, few enough for a 2-core driver. */
    private static final int COLLECTORS = 4;

    /** @return rows published per fact table */
    public Map<String, Long> publish(LocalDate d, Map<String, Dataset<Row>> facts) throws PublishException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect(true)) {
            // One publish at a time (versions are numbered per date); the lock goes with the connection.
            if (scalar(c, "SELECT GET_LOCK('" + LOCK + "', 60)") != 1) {
                throw new SQLException("another publish is running (lock " + LOCK + " held for 60 s)");
            }
            checkTables(c, facts.keySet());
            long live = scalar(c, "SELECT version FROM summary.snapshot WHERE snapshot_date = '" + d + "'");
            prune(c, d, facts.keySet(), live); // a failed publish's leftovers, if its own clean-up failed
            long version = Math.max(live, 0) + 1;
            RowWriter writer = new RowWriter(c);
            // The KPI tables are computed and collected side by side: each is a few small Spark jobs whose time is
            // mostly scheduling, so running them together overlaps it. They are written one by one, in order.
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(COLLECTORS, facts.size())), r -> {
                Thread t = new Thread(r, "kpi-collect");
                t.setDaemon(true);
                return t;
            });
            try {
                Map<String, Future<List<Row>>> collected = new LinkedHashMap<>();
                for (Map.Entry<String, Dataset<Row>> e : facts.entrySet()) {
                    Dataset<Row> rows = e.getValue();
                    collected.put(e.getKey(), pool.submit(() -> rows.collectAsList()));
                }
                for (Map.Entry<String, Dataset<Row>> e : facts.entrySet()) {
                    String fact = e.getKey();
                    List<Row> all;
                    long t0 = System.nanoTime();
                    try {
                        all = collected.get(fact).get();
                    } catch (ExecutionException ex) {
                        throw new PublishException(fact, "computing", ex.getCause());
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        throw new PublishException(fact, "computing", ex);
                    }
                    long t1 = System.nanoTime();
                    try {
                        counts.put(fact, writer.write(fact, d, version, e.getValue().columns(), all));
                    } catch (Exception ex) {
                        throw new PublishException(fact, "writing", ex);
                    }
                    LOG.info("wrote {} version {} ({} rows, {}) in {} ms, after {} ms waiting for its rows", fact,
                            version, counts.get(fact), writer.method(), (System.nanoTime() - t1) / 1_000_000,
                            (t1 - t0) / 1_000_000);
                }
                try {
                    hook.beforeSwitch(d);
                } catch (Exception ex) {
                    throw new PublishException(null, "before the switch", ex);
                }
                flip(c, d, version, counts);
            } catch (PublishException e) {
                try {
                    prune(c, d, facts.keySet(), live);
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                pool.shutdownNow(); // after a failure, the other tables' rows are of no use
            }
            prune(c, d, facts.keySet(), version);
        } catch (SQLException e) {
            throw new PublishException(null, "connecting, locking or cleaning up", e);
        }
        return counts;
    }

    /** Every fact table exists and has a version column (the summary DDL is applied). */
    private static void checkTables(Connection c, java.util.Set<String> facts) throws SQLException {
        java.util.Set<String> versioned = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.columns"
                + " WHERE table_schema = 'summary' AND column_name = 'version'")) {
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versioned.add(rs.getString(1));
                }
            }
        }
        for (String t : facts) {
            if (!versioned.contains(t) || !versioned.contains("snapshot")) {
                throw new SQLException("summary." + t + " has no version column: apply the summary DDL first");
            }
        }
    }

    /** Deletes D's rows of every version but {@code keep} (-1: all of them). */
    private static void prune(Connection c, LocalDate d, Iterable<String> facts, long keep) throws SQLException {
        for (String fact : facts) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM summary." + fact + " WHERE snapshot_date = ? AND version <> ?")) {
                ps.setDate(1, Date.valueOf(d));
                ps.setLong(2, keep);
                int n = ps.executeUpdate();
                if (n > 0) {
                    LOG.info("pruned {} rows of {} {} (not version {})", n, fact, d, keep);
                }
            }
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** Checks what was written and makes version {@code v} the one readers see, in one transaction. */
    private void flip(Connection c, LocalDate d, long v, Map<String, Long> counts) throws PublishException {
        long t0 = System.nanoTime();
        String current = null;
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            long total = 0;
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                current = e.getKey();
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM summary." + current
                        + " WHERE snapshot_date = ? AND version = ?")) {
                    ps.setDate(1, Date.valueOf(d));
                    ps.setLong(2, v);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) != e.getValue()) {
                            throw new SQLException("version " + v + " holds " + rs.getLong(1) + " rows, "
                                    + e.getValue() + " were written");
                        }
                    }
                }
                total += e.getValue();
            }
            current = "snapshot";
            try (PreparedStatement ps = c.prepareStatement(
                    "REPLACE INTO summary.snapshot (snapshot_date, version, fact_rows) VALUES (?, ?, ?)")) {
                ps.setDate(1, Date.valueOf(d));
                ps.setLong(2, v);
                ps.setLong(3, total);
                ps.executeUpdate();
            }
            c.commit();
            LOG.info("snapshot {} is version {} ({} rows), flipped in {} ms", d, v, total, (System.nanoTime() - t0) / 1_000_000);
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
