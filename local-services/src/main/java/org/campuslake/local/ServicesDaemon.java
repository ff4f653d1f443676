package org.campuslake.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background process started by {@code lake up}: hosts the embedded MariaDB and the Derby server of the Hive
 * metastore until it receives SIGTERM
 * ({@code lake down}), then stops the server cleanly. Its state is published in {@code .lake/run/}.
 *
 * <p>Arguments: {@code --home DIR --port N --metastore-port M}.
 */
public final class ServicesDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(ServicesDaemon.class);

    private ServicesDaemon() {}

    public static void main(String[] args) throws Exception {
        Path homeDir = null;
        int port = LocalServices.DEFAULT_PORT;
        int metastorePort = MetastoreDatabase.DEFAULT_PORT;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--home" -> homeDir = Path.of(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--metastore-port" -> metastorePort = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (homeDir == null) {
            throw new IllegalArgumentException("--home is required");
        }
        LakeHome home = new LakeHome(homeDir).ensureLayout();
        Path stateFile = home.servicesState();
        long pid = ProcessHandle.current().pid();
        String started = Instant.now().toString();
        new ServicesState(pid, port, metastorePort, ServicesState.STARTING, started, null).write(stateFile);

        EmbeddedMariaDb db = new EmbeddedMariaDb(home, port);
        MetastoreDatabase metastore = new MetastoreDatabase(home, metastorePort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping local services");
            metastore.close();
            db.stop();
            try {
                Files.deleteIfExists(stateFile);
            } catch (Exception ignored) {
                // nothing useful to do while the JVM exits
            }
            stopped.countDown();
        }, "lake-services-shutdown"));
        try {
            db.start();
            metastore.start(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            LOG.error("Local services failed to start", e);
            new ServicesState(pid, port, metastorePort, ServicesState.FAILED, started, e.getMessage()).write(stateFile);
            // Keep the failure visible to `lake up`, then exit without deleting the state file.
            Runtime.getRuntime().halt(1);
        }
        new ServicesState(pid, port, metastorePort, ServicesState.READY, started, null).write(stateFile);
        LOG.info("Local services ready: MariaDB {} on 127.0.0.1:{}, Hive metastore (Derby) on 127.0.0.1:{}",
                EmbeddedMariaDb.MARIADB_VERSION, port, metastorePort);
        stopped.await();
    }
}
