package org.campuslake.seed.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.campuslake.seed.ErpTable;

/**
 * SHA-256 of every ERP row in primary-key order, as the server prints the values (tab-separated, \N for NULL): two ERPs with the same
 * fingerprint hold the same rows, whatever produced them.
 */
public final class ErpFingerprint {
    private ErpFingerprint() {}

    /** The fingerprint: SHA-256 over the table names and the SHA-256 of each table's rows in key order. */
    public static String of(Connection c) throws SQLException {
        MessageDigest all = sha256();
        for (ErpTable t : ErpTable.values()) {
            all.update((t.tableName() + "\n").getBytes(StandardCharsets.UTF_8));
            MessageDigest md = sha256();
            try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(Integer.MIN_VALUE); // stream: the attendance table does not fit a result set in memory
                try (ResultSet rs = s.executeQuery("SELECT " + String.join(", ", t.columns()) + " FROM "
                        + t.qualifiedName() + " ORDER BY " + t.keyColumn())) {
                    int n = t.columns().size();
                    StringBuilder line = new StringBuilder(256);
                    while (rs.next()) {
                        line.setLength(0);
                        for (int i = 1; i <= n; i++) {
                            String v = rs.getString(i);
                            line.append(i > 1 ? "\t" : "").append(v == null ? "\\N" : v);
                        }
                        line.append('\n');
                        md.update(line.toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            all.update(md.digest());
        }
        return HexFormat.of().formatHex(all.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
