package org.campuslake.hive;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;

/**
 * The local stand-in for HiveServer2: a Spark Thrift Server on 127.0.0.1, on the metastore every local Spark JVM
 * shares, so Beeline and JDBC/ODBC tools query the raw, curated and analytics tables. Runs until SIGTERM.
 * {@code ThriftServerMain --port N --metastore-port M --warehouse DIR --state FILE}
 */
public final class ThriftServerMain {
    private ThriftServerMain() {}

    public static void main(String[] args) throws Exception {
        int port = 10000;
        int metastorePort = 1527;
        Path warehouse = null;
        Path state = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--metastore-port" -> metastorePort = Integer.parseInt(args[i + 1]);
                case "--warehouse" -> warehouse = Path.of(args[i + 1]);
                case "--state" -> state = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        // Set before the session exists: set later, the server silently binds *:10000.
        System.setProperty("hive.server2.thrift.port", Integer.toString(port));
        System.setProperty("hive.server2.thrift.bind.host", "127.0.0.1");
        System.setProperty("hive.server2.transport.mode", "binary");
        System.setProperty("hive.server2.authentication", "NONE");
        SparkSession spark = LocalSpark.session("campus-lake thrift server", metastorePort,
                warehouse == null ? Path.of(System.getProperty("java.io.tmpdir"), "warehouse") : warehouse);
        HiveThriftServer2.startWithContext(spark.sqlContext());
        if (state != null) {
            Properties p = new Properties();
            p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
            p.setProperty("port", Integer.toString(port));
            p.setProperty("status", "ready");
            Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Campus Lake Spark Thrift Server");
            }
            Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            final Path stateFile = state;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stateFile.toFile().delete()));
        }
        System.err.println("Spark Thrift Server ready on 127.0.0.1:" + port);
        new CountDownLatch(1).await();
    }
}
