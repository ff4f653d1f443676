package org.campuslake.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.LakeHome;
import org.campuslake.local.LocalServices;
import org.campuslake.local.MariaDbEndpoint;
import org.campuslake.local.ServicesState;
import org.campuslake.seed.ErpDatabase;
import org.campuslake.seed.schema.SchemaInstaller;

/** What the commands share: the lake home, the local services, and how to reach the ERP's database. */
final class LakeContext {
    final LakeHome home = LakeHome.fromEnvironment();
    final LocalServices services = new LocalServices(home);
    final PrintStream out = System.out;
    final PrintStream err = System.err;

    static int defaultPort() {
        String env = System.getenv("LAKE_DB_PORT");
        if (env == null || env.isBlank()) {
            return LocalServices.DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(env.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LAKE_DB_PORT must be a port number, got '" + env + "'");
        }
    }

    /** Starts the local services if needed (saying so) and brings the schemas up to date. */
    MariaDbEndpoint localDatabase(Integer port) throws SQLException {
        ServicesState s = services.ensureRunning(port == null ? defaultPort() : port, err::println);
        MariaDbEndpoint endpoint = services.endpoint(s);
        try (Connection admin = endpoint.connect(EmbeddedMariaDb.ADMIN_USER, null)) {
            List<String> applied = SchemaInstaller.install(admin);
            if (!applied.isEmpty()) {
                err.println("Applied DDL: " + String.join(", ", applied));
            }
        }
        return endpoint;
    }

    /** The ERP database for seeding and advancing: the local server, or the one named by --db-url. */
    ErpDatabase erpDatabase(Options.Database opts) throws SQLException {
        if (opts == null || opts.url == null) {
            MariaDbEndpoint endpoint = localDatabase(opts == null ? null : opts.port);
            return extra -> endpoint.connect(EmbeddedMariaDb.ETL_USER, null, extra);
        }
        if (opts.passwordFile == null) {
            throw new IllegalArgumentException("--db-url needs --db-password-file (passwords are never taken on the command line)");
        }
        String password;
        try {
            password = Files.readString(opts.passwordFile).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password file " + opts.passwordFile + ": " + e.getMessage());
        }
        ErpDatabase remote = extra -> {
            Properties p = new Properties();
            p.putAll(extra);
            p.setProperty("user", opts.user);
            p.setProperty("password", password);
            p.setProperty("connectTimeout", "10000");
            p.putIfAbsent("connectionTimeZone", "UTC");
            p.putIfAbsent("forceConnectionTimeZoneToSession", "true");
            try {
                return DriverManager.getConnection(opts.url, p);
            } catch (SQLException e) {
                throw new SQLException("cannot reach the database at " + opts.url + " as " + opts.user + ": "
                        + Messages.oneLine(e), e.getSQLState(), e);
            }
        };
        try (Connection c = remote.open()) {
            SchemaInstaller.install(c);
        }
        return remote;
    }
}
