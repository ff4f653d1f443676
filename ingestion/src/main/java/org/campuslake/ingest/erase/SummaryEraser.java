package org.campuslake.ingest.erase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary side of an erasure: deletes, in every snapshot of {@code summary} and {@code summary_stage}, the rows
 * keyed by a person's pseudonym (any column named {@code student_key} or {@code contact_key}, found in the
 * information schema, so a new KPI table is covered), and records the erasure in {@code lake_meta.erasures}. JDBC
 * only (no Hadoop class), so the lake command and its tests use it too.
 */
public final class SummaryEraser {
    private SummaryEraser() {}

    /** The pseudonymous key curated gives this person: sha2(concat(salt, ':kind:', id), 256), as the HiveQL. */
    public static String pseudonym(String salt, String kind, long id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((salt + ":" + kind + ":" + id).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : h) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every (schema.table, column) of the summary databases keyed by a pseudonym of this kind. */
    public static List<String[]> keyedTables(Connection c, String kind) throws SQLException {
        List<String[]> out = new ArrayList<String[]>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_schema, table_name, column_name FROM"
                + " information_schema.columns c WHERE table_schema IN ('summary', 'summary_stage') AND column_name = ?"
                + " AND EXISTS (SELECT 1 FROM information_schema.tables t WHERE t.table_schema = c.table_schema"
                + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE') ORDER BY 1, 2")) {
            ps.setString(1, kind + "_key");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1) + "." + rs.getString(2), rs.getString(3)});
                }
            }
        }
        return out;
    }

    /** Rows keyed by this pseudonym, over every keyed table. */
    public static long count(Connection c, String kind, String pseudonym) throws SQLException {
        long n = 0;
        for (String[] t : keyedTables(c, kind)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t[0] + " WHERE " + t[1] + " = ?")) {
                ps.setString(1, pseudonym);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n += rs.getLong(1);
                }
            }
        }
        return n;
    }

    /** Deletes the rows keyed by this pseudonym, in one transaction; returns how many. */
    public static long erase(Connection c, String kind, String pseudonym) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        long n = 0;
        try {
            for (String[] t : keyedTables(c, kind)) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t[0] + " WHERE " + t[1] + " = ?")) {
                    ps.setString(1, pseudonym);
                    n += ps.executeUpdate();
                }
            }
            c.commit();
            return n;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Records the erasure, without identifiers; returns its id. */
    public static long record(Connection c, String kind, String by, long landing, long raw, long quarantine,
                              long summary, LocalDate curatedAsOf) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lake_meta.erasures (subject_kind, requested_by,"
                + " rows_landing, rows_raw, rows_quarantine, rows_summary, curated_as_of) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, kind);
            ps.setString(2, by);
            ps.setLong(3, landing);
            ps.setLong(4, raw);
            ps.setLong(5, quarantine);
            ps.setLong(6, summary);
            ps.setDate(7, curatedAsOf == null ? null : Date.valueOf(curatedAsOf));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
