package org.campuslake.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.LakeHome;
import org.campuslake.local.MariaDbEndpoint;
import org.campuslake.seed.schema.SchemaInstaller;

/** One real MariaDB server per test JVM, with the schemas installed; its home lives under target/. */
public final class TestDatabase {
    private static TestDatabase instance;

    public final LakeHome home;
    public final EmbeddedMariaDb server;
    public final MariaDbEndpoint endpoint;

    private TestDatabase() throws SQLException {
        Path target = Path.of("target").toAbsolutePath();
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        home = new LakeHome(target.resolve("it-lake").resolve(UUID.randomUUID().toString().substring(0, 8)));
        server = new EmbeddedMariaDb(home, freePort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        endpoint = server.endpoint();
        try (Connection c = admin()) {
            SchemaInstaller.install(c);
        }
    }

    public static synchronized TestDatabase get() throws SQLException {
        if (instance == null) {
            instance = new TestDatabase();
        }
        return instance;
    }

    public Connection admin() throws SQLException {
        return endpoint.connect(EmbeddedMariaDb.ADMIN_USER, null);
    }

    /** The ERP as the `etl` account sees it: what `lake seed` uses. */
    public ErpDatabase erp() {
        return extra -> endpoint.connect(EmbeddedMariaDb.ETL_USER, null, extra);
    }

    public ErpSeeder seeder() {
        return new ErpSeeder(erp(), home.tmp(), Progress.NONE);
    }

    public ErpAdvancer advancer() {
        return new ErpAdvancer(erp(), Progress.NONE);
    }

    public String fingerprint() throws SQLException {
        try (Connection c = erp().open()) {
            return org.campuslake.seed.load.ErpFingerprint.of(c);
        }
    }

    public static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Child rows whose foreign key points nowhere, over every foreign key the server knows in {@code erp}. */
    public static List<String> orphans(Connection c) throws SQLException {
        List<String> fks = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name, column_name, referenced_table_name, referenced_column_name"
                        + " FROM information_schema.key_column_usage"
                        + " WHERE table_schema = 'erp' AND referenced_table_name IS NOT NULL")) {
            while (rs.next()) {
                fks.add(rs.getString(1) + "." + rs.getString(2) + "->" + rs.getString(3) + "." + rs.getString(4));
            }
        }
        if (fks.size() < 14) {
            throw new IllegalStateException("expected the ERP's 14 foreign keys, found " + fks);
        }
        List<String> bad = new ArrayList<>();
        for (String fk : fks) {
            String[] p = fk.split("->");
            String[] child = p[0].split("\\.");
            String[] parent = p[1].split("\\.");
            long n = count(c, "SELECT COUNT(*) FROM erp." + child[0] + " c LEFT JOIN erp." + parent[0] + " p ON c."
                    + child[1] + " = p." + parent[1] + " WHERE c." + child[1] + " IS NOT NULL AND p." + parent[1] + " IS NULL");
            if (n > 0) {
                bad.add(fk + ": " + n);
            }
        }
        return bad;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
