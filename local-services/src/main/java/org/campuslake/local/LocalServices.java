package org.campuslake.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Starts, finds and stops the services daemon ({@link ServicesDaemon}) of a lake home. The daemon is a separate,
 * detached JVM so the database keeps running between {@code lake} commands.
 */
public final class LocalServices {
    public static final int DEFAULT_PORT = 3307;

    /** {@code $LAKE_METASTORE_PORT}, else 1527. */
    public static int metastorePort() {
        String env = System.getenv("LAKE_METASTORE_PORT");
        return env == null || env.isBlank() ? MetastoreDatabase.DEFAULT_PORT : Integer.parseInt(env.strip());
    }
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final LakeHome home;

    public LocalServices(LakeHome home) {
        this.home = home;
    }

    public LakeHome home() {
        return home;
    }

    /** The running daemon's state, if one is running. */
    public Optional<ServicesState> running() {
        return ServicesState.read(home.servicesState())
                .filter(s -> s.processAlive() && isOurDaemon(s.pid()));
    }

    public MariaDbEndpoint endpoint(ServicesState s) {
        return new MariaDbEndpoint("127.0.0.1", s.port(), new Secrets(home));
    }

    /**
     * Returns the running services, starting them first if needed.
     *
     * @param say receives one-line messages for the user ("starting ...", "ready in ...")
     */
    public ServicesState ensureRunning(int port, Consumer<String> say) {
        Optional<ServicesState> current = running();
        if (current.isPresent()) {
            ServicesState s = current.get();
            if (ServicesState.STARTING.equals(s.status())) {
                return awaitReady(s.pid(), say, System.nanoTime());
            }
            if (ServicesState.READY.equals(s.status())) {
                return s;
            }
        }
        home.ensureLayout();
        stopOrphanedServer(say);
        if (!portFree(port)) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is already in use by another program;"
                    + " choose another with `lake up --port N` (or LAKE_DB_PORT)");
        }
        int metastorePort = metastorePort();
        if (!portFree(metastorePort)) {
            throw new IllegalStateException("port " + metastorePort + " on 127.0.0.1 (Hive metastore) is already in use"
                    + " by another program; choose another with LAKE_METASTORE_PORT");
        }
        say.accept("Starting local services (MariaDB " + EmbeddedMariaDb.MARIADB_VERSION + " on 127.0.0.1:" + port
                + ", Hive metastore on 127.0.0.1:" + metastorePort + "; log: " + home.logs().resolve("services.log") + ")");
        long t0 = System.nanoTime();
        Process p = spawn(port, metastorePort);
        return awaitReady(p.pid(), say, t0);
    }

    private ServicesState awaitReady(long pid, Consumer<String> say, long t0) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ServicesState> s = ServicesState.read(home.servicesState()).filter(x -> x.pid() == pid);
            if (s.isPresent() && ServicesState.READY.equals(s.get().status())) {
                say.accept(String.format("Local services ready in %.1f s", (System.nanoTime() - t0) / 1e9));
                return s.get();
            }
            if (s.isPresent() && ServicesState.FAILED.equals(s.get().status())) {
                throw new IllegalStateException("local services failed to start: " + s.get().error()
                        + " (see " + home.logs().resolve("services.log") + ")");
            }
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("the services process exited during start-up; last log lines:\n"
                        + tail(home.logs().resolve("services.log"), 15));
            }
            sleep(200);
        }
        throw new IllegalStateException("local services did not become ready within " + START_TIMEOUT.toSeconds()
                + " s (see " + home.logs().resolve("services.log") + ")");
    }

    /** @return true if a daemon was running and has stopped */
    public boolean stop(Consumer<String> say) {
        Optional<ServicesState> s = running();
        if (s.isEmpty()) {
            stopOrphanedServer(say);
            return false;
        }
        ProcessHandle ph = ProcessHandle.of(s.get().pid()).orElseThrow();
        ph.destroy(); // SIGTERM: the daemon's shutdown hook stops MariaDB cleanly
        try {
            ph.onExit().get(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            say.accept("The services process did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killing it");
            ph.destroyForcibly();
        }
        stopOrphanedServer(say);
        return true;
    }

    private Process spawn(int port, int metastorePort) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid"); // own session: Ctrl-C in the terminal that ran `lake up` does not stop it
        }
        cmd.addAll(List.of(java.toString(), "-Xmx256m", "-Djava.io.tmpdir=" + home.tmp(), "-Dlake.log.level=INFO",
                "-cp", System.getProperty("java.class.path"), ServicesDaemon.class.getName(),
                "--home", home.root().toString(), "--port", Integer.toString(port),
                "--metastore-port", Integer.toString(metastorePort)));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path log = home.logs().resolve("services.log");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            // setsid execs java in place (it only forks when already a group leader, which this child is not),
            // so the pid is the daemon's.
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the services process", e);
        }
    }

    /**
     * A MariaDB left running by a daemon that was killed (kill -9) still holds the data directory and the port:
     * find it through its pid file and stop it.
     */
    private void stopOrphanedServer(Consumer<String> say) {
        Path data = home.mariadbData();
        if (!Files.isDirectory(data)) {
            return;
        }
        try (Stream<Path> files = Files.list(data)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
                Optional<ProcessHandle> ph = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                        .filter(h -> h.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false));
                if (ph.isPresent()) {
                    say.accept("Stopping a MariaDB server left behind by an earlier run (pid " + pid + ")");
                    ph.get().destroy();
                    ph.get().onExit().get(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            say.accept("Could not check for a leftover MariaDB server: " + e.getMessage());
        }
    }

    private static boolean isOurDaemon(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(h -> h.info().arguments())
                .map(a -> List.of(a).contains(ServicesDaemon.class.getName()))
                .orElse(true); // arguments not visible: trust the pid written by the daemon
    }

    static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
