package org.campuslake.local;

import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import org.apache.derby.drda.NetworkServerControl;

/**
 * The Hive metastore's database for the local mode: a Derby network server on 127.0.0.1, so that every local
 * Spark JVM (HiveQL scripts, KPI jobs, the Thrift server for Beeline) shares one metastore. Embedded Derby allows
 * one JVM only; MariaDB as the metastore backend fails with DataNucleus. Started through the API, Derby installs
 * no security manager (its command line would, which fails on Java 17).
 */
public final class MetastoreDatabase implements AutoCloseable {
    public static final int DEFAULT_PORT = 1527;

    private final LakeHome home;
    private final int port;
    private NetworkServerControl server;

    public MetastoreDatabase(LakeHome home, int port) {
        this.home = home;
        this.port = port;
    }

    /** The JDBC URL Spark's metastore client uses ({@code javax.jdo.option.ConnectionURL}). */
    public static String jdbcUrl(int port) {
        return "jdbc:derby://127.0.0.1:" + port + "/metastore_db;create=true";
    }

    public void start(Writer log) throws Exception {
        System.setProperty("derby.system.home", home.root().resolve("metastore").toString());
        System.setProperty("derby.stream.error.file", home.logs().resolve("derby.log").toString());
        server = new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port);
        server.start(new PrintWriter(log, true));
        Exception last = null;
        for (int i = 0; i < 100; i++) {
            try {
                server.ping();
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the Derby metastore server did not answer on 127.0.0.1:" + port, last);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.shutdown();
            } catch (Exception ignored) {
                // the JVM is going away anyway
            }
            server = null;
        }
    }
}
