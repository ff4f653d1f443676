package org.campuslake.seed.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Applies the versioned DDL files listed in {@code sql/ORDER} (classpath) that this server has not applied yet,
 * and refuses a file that changed after it was applied: schema changes go in a new numbered file.
 */
public final class SchemaInstaller {
    private static final String BASE = "sql/";

    public record Script(String path, String text, String checksum) {}

    /** The DDL files in order. */
    public static List<Script> scripts() {
        List<Script> out = new ArrayList<>();
        for (String line : resource("ORDER").split("\n")) {
            String path = line.strip();
            if (!path.isEmpty() && !path.startsWith("#")) {
                String text = resource(path);
                out.add(new Script(path, text, sha256(text)));
            }
        }
        return out;
    }

    /**
     * Applies pending scripts with an account allowed to create databases.
     *
     * @return the scripts applied now (empty when the server was up to date)
     */
    public static List<String> install(Connection admin) throws SQLException {
        List<String> applied = new ArrayList<>();
        List<Script> scripts = scripts();
        try (Statement s = admin.createStatement()) {
            // The history table lives in the first script; make sure it exists before reading it.
            for (String stmt : SqlScript.statements(scripts.get(0).text())) {
                s.execute(stmt);
            }
        }
        for (Script script : scripts) {
            String known = appliedChecksum(admin, script.path());
            if (known != null) {
                if (!known.equals(script.checksum())) {
                    throw new SQLException("DDL file " + script.path() + " changed after it was applied to this server;"
                            + " put schema changes in a new numbered file instead");
                }
                continue;
            }
            try (Statement s = admin.createStatement()) {
                for (String stmt : SqlScript.statements(script.text())) {
                    try {
                        s.execute(stmt);
                    } catch (SQLException e) {
                        throw new SQLException(script.path() + ": " + e.getMessage(), e.getSQLState(), e);
                    }
                }
            }
            try (PreparedStatement ps = admin.prepareStatement(
                    "INSERT INTO lake_meta.schema_history (script, checksum) VALUES (?, ?)")) {
                ps.setString(1, script.path());
                ps.setString(2, script.checksum());
                ps.executeUpdate();
            }
            applied.add(script.path());
        }
        return applied;
    }

    private static String appliedChecksum(Connection c, String path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT checksum FROM lake_meta.schema_history WHERE script = ?")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static String resource(String path) {
        try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(BASE + path)) {
            if (in == null) {
                throw new IllegalStateException("DDL resource missing from the classpath: " + BASE + path);
            }
            StringBuilder sb = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sb.append(line).append('\n');
                }
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SchemaInstaller() {}
}
