package org.campuslake.analytics;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes snapshot D of every KPI table to the summary database, atomically and idempotently:
 * <ol>
 *   <li>each KPI is written by Spark's JDBC writer (batched, {@code rewriteBatchedStatements=true}, several
 *       connections) into its own staging table in {@code summary_stage}, which readers never see;</li>
 *   <li>the staged row counts are checked;</li>
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
    private final int connections;
    private Hook hook = d -> { };

    /** @param url the summary database's JDBC URL; batched rewrites are switched on here */
    public SummaryPublisher(String url, String user, String password, int connections) {
        this.url = url.contains("rewriteBatchedStatements") ? url
                : url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
        this.user = user;
        this.password = password;
        this.connections = Math.max(1, connections);
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

    /** Staging table of a fact table for one date: concurrent publishes of different dates do not meet. */
    static String stagingTable(String fact, LocalDate d) {
        return "summary_stage." + fact + "__" + d.toString().replace("-", "");
    }

    /** @return rows published per fact table */
    public Map<String, Long> publish(LocalDate d, Map<String, Dataset<Row>> facts) throws PublishException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect()) {
            for (Map.Entry<String, Dataset<Row>> e : facts.entrySet()) {
                String fact = e.getKey();
                String stage = stagingTable(fact, d);
                long t0 = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS " + stage);
                    s.execute("CREATE TABLE " + stage + " LIKE summary." + fact);
                    e.getValue().coalesce(connections).write().mode(SaveMode.Append)
                            .option("driver", DRIVER).option("batchsize", "10000")
                            .option("isolationLevel", "READ_COMMITTED")
                            .jdbc(url, stage, jdbcProperties());
                    long staged = count(c, "SELECT COUNT(*) FROM " + stage);
                    long foreign = count(c, "SELECT COUNT(*) FROM " + stage + " WHERE snapshot_date <> '" + d + "'");
                    if (foreign > 0) {
                        throw new IllegalStateException(foreign + " staged rows are not for snapshot " + d);
                    }
                    counts.put(fact, staged);
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
                    s.execute("DROP TABLE IF EXISTS " + stagingTable(fact, d));
                }
            }
        } catch (SQLException e) {
            throw new PublishException(null, "connecting or cleaning up", e);
        }
        return counts;
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
                    int n = ins.executeUpdate("INSERT INTO summary." + current + " SELECT * FROM " + stagingTable(current, d));
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

    private Properties jdbcProperties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return p;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
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
