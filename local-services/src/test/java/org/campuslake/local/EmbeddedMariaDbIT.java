package org.campuslake.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A real MariaDB: accounts and passwords enforced, data kept across a stop and a start. */
class EmbeddedMariaDbIT {
    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void keepsDataAcrossRestartsAndEnforcesPasswords() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        LakeHome home = new LakeHome(Path.of("target/it-lake", UUID.randomUUID().toString().substring(0, 8)));
        int port = freePort();
        EmbeddedMariaDb db = new EmbeddedMariaDb(home, port);
        db.start();
        try (Connection c = db.endpoint().connect(EmbeddedMariaDb.ETL_USER, null); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS erp");
            s.execute("CREATE TABLE erp.kept (id INT PRIMARY KEY, name VARCHAR(20))");
            s.execute("INSERT INTO erp.kept VALUES (1, 'Léa')");
            // etl owns the lake's schemas only
            assertThatThrownBy(() -> s.execute("CREATE DATABASE elsewhere")).hasMessageContaining("denied");
        } finally {
            db.stop();
        }
        EmbeddedMariaDb again = new EmbeddedMariaDb(home, port);
        again.start();
        try {
            try (Connection c = again.endpoint().connect(EmbeddedMariaDb.ETL_USER, null); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM erp.kept WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Léa");
            }
            try (Connection c = again.endpoint().connect(EmbeddedMariaDb.ADMIN_USER, null); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM mysql.user WHERE user = ''")) {
                rs.next();
                assertThat(rs.getInt(1)).as("anonymous accounts").isZero();
            }
            Properties wrong = new Properties();
            wrong.setProperty("user", EmbeddedMariaDb.ETL_USER);
            wrong.setProperty("password", "not-the-password");
            assertThatThrownBy(() -> DriverManager.getConnection(again.endpoint().jdbcUrl(""), wrong))
                    .hasMessageContaining("Access denied");
            Properties none = new Properties();
            none.setProperty("user", "root");
            assertThatThrownBy(() -> DriverManager.getConnection(again.endpoint().jdbcUrl(""), none))
                    .hasMessageContaining("Access denied");
        } finally {
            again.stop();
        }
    }

    @Test
    void refusesADataDirectoryThatMariaDb4jWouldDelete() {
        LakeHome underTmp = new LakeHome(Path.of(System.getProperty("java.io.tmpdir"), "lake-" + UUID.randomUUID()));
        assertThatThrownBy(() -> new EmbeddedMariaDb(underTmp, 3999).start())
                .hasMessageContaining("java.io.tmpdir").hasMessageContaining("would delete it");
    }
}
