package org.campuslake.local;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Where the local MariaDB listens and how to log in to it; passwords come from the secret files only. */
public record MariaDbEndpoint(String host, int port, Secrets secrets) {

    /** The URL a BI tool or a JDBC client uses (no credentials in it). */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + (database == null ? "" : database)
                + "?sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&characterEncoding=UTF-8";
    }

    public Path passwordFile(String user) {
        return secrets.file(secretName(user));
    }

    public Connection connect(String user, String database) throws SQLException {
        return connect(user, database, new Properties());
    }

    public Connection connect(String user, String database, Properties extra) throws SQLException {
        Properties p = new Properties();
        p.putAll(extra);
        p.setProperty("user", user);
        p.setProperty("password", secrets.read(secretName(user)));
        return DriverManager.getConnection(jdbcUrl(database), p);
    }

    private static String secretName(String user) {
        return EmbeddedMariaDb.ADMIN_USER.equals(user) ? "mariadb-" + user : user;
    }
}
