package org.campuslake.analytics;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Writes one version of a snapshot's rows into a fact table, in the server's bulk format: {@code LOAD DATA LOCAL}
 * from a buffer in memory (no file), or batched multi-row INSERTs when the server refuses LOCAL (MySQL 8.0's
 * default {@code local_infile=OFF}). A warning (a truncated value, a NULL in a NOT NULL column, a duplicate key:
 * LOCAL turns those errors into warnings) fails the write.
 */
final class RowWriter {
    private static final int BATCH = 5000;
    private final Connection c;
    private boolean loadLocal = true;

    RowWriter(Connection c) {
        this.c = c;
    }

    /** How the last table was written, for the log. */
    String method() {
        return loadLocal ? "LOAD DATA LOCAL" : "batched INSERTs";
    }

    /** @return the rows written; {@code all} are the rows of {@code columns}, collected */
    long write(String fact, LocalDate d, long version, String[] columns, List<Row> all) throws SQLException {
        int snapshotColumn = java.util.Arrays.asList(columns).indexOf("snapshot_date");
        if (snapshotColumn < 0) {
            throw new IllegalStateException("no snapshot_date column");
        }
        Date snapshot = Date.valueOf(d);
        for (Row r : all) {
            if (!snapshot.equals(r.get(snapshotColumn))) {
                throw new IllegalStateException("a row is for " + r.get(snapshotColumn) + ", not for snapshot " + d);
            }
        }
        if (loadLocal) {
            try {
                return load(fact, version, columns, all);
            } catch (SQLException e) {
                // 1148: LOCAL not allowed; 3948 (MySQL 8.0) and 4166 (MariaDB): local_infile=OFF on the server
                if (e.getErrorCode() != 1148 && e.getErrorCode() != 3948 && e.getErrorCode() != 4166) {
                    throw e;
                }
                loadLocal = false;
            }
        }
        return insert(fact, version, columns, all);
    }

    private long load(String fact, long version, String[] columns, List<Row> all) throws SQLException {
        StringBuilder text = new StringBuilder(all.size() * 64);
        for (Row r : all) {
            for (int i = 0; i < columns.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                append(text, r.get(i));
            }
            text.append('\n');
        }
        String sql = "LOAD DATA LOCAL INFILE 'campus-lake-" + fact + "' INTO TABLE summary." + fact
                + " CHARACTER SET utf8mb4 (" + String.join(", ", columns) + ") SET version = " + version;
        try (Statement s = c.createStatement()) {
            s.unwrap(com.mysql.cj.jdbc.JdbcStatement.class).setLocalInfileInputStream(
                    new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
            long n = s.executeLargeUpdate(sql);
            SQLWarning w = s.getWarnings();
            if (w != null) {
                throw new SQLException("LOAD DATA into summary." + fact + " warned: " + w.getMessage());
            }
            if (n != all.size()) {
                throw new SQLException("LOAD DATA into summary." + fact + " wrote " + n + " of " + all.size() + " rows");
            }
            return n;
        }
    }

    private long insert(String fact, long version, String[] columns, List<Row> all) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO summary.").append(fact).append(" (version");
        StringBuilder marks = new StringBuilder("?");
        for (String col : columns) {
            sql.append(", ").append(col);
            marks.append(", ?");
        }
        sql.append(") VALUES (").append(marks).append(')');
        long n = 0;
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (Row r : all) {
                ps.setLong(1, version);
                for (int i = 0; i < columns.length; i++) {
                    ps.setObject(i + 2, r.get(i));
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

    /** A value in LOAD DATA's default text format: tab-separated, backslash-escaped, \N for NULL. */
    static void append(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("\\N");
        } else if (v instanceof String) {
            String s = (String) v;
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\': sb.append("\\\\"); break;
                    case '\t': sb.append("\\t"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\r': sb.append("\\r"); break;
                    case '\0': sb.append("\\0"); break;
                    default: sb.append(ch);
                }
            }
        } else if (v instanceof Boolean) {
            sb.append((Boolean) v ? '1' : '0');
        } else if (v instanceof BigDecimal) {
            sb.append(((BigDecimal) v).toPlainString());
        } else if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("a KPI value is " + x);
            }
            sb.append(BigDecimal.valueOf(x).toPlainString()); // no exponent: 1.0E-5 is not a DECIMAL literal
        } else {
            sb.append(v); // numbers, java.sql.Date (yyyy-mm-dd), java.sql.Timestamp
        }
    }
}
