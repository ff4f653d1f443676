package org.campuslake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.campuslake.local.ServicesState;

/**
 * The local Spark Thrift Server (HiveServer2's protocol for Beeline and BI tools): a detached Spark JVM on the
 * hive-ddl classpath, on the metastore of the local services. State in {@code .lake/run/thrift.properties}.
 */
final class ThriftService {
    static final int DEFAULT_PORT = 10000;
    private final LakeContext ctx;

    ThriftService(LakeContext ctx) {
        this.ctx = ctx;
    }

    static int port() {
        String env = System.getenv("LAKE_THRIFT_PORT");
        return env == null || env.isBlank() ? DEFAULT_PORT : Integer.parseInt(env.strip());
    }

    Path stateFile() {
        return ctx.home.run().resolve("thrift.properties");
    }

    /** The running server's (pid, port), if any. */
    Optional<long[]> running() {
        Path f = stateFile();
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid = Long.parseLong(p.getProperty("pid", "0"));
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive ? Optional.of(new long[] {pid, Long.parseLong(p.getProperty("port", "0"))}) : Optional.empty();
    }

    static String jdbcUrl(long port) {
        return "jdbc:hive2://127.0.0.1:" + port + "/default";
    }

    /** Starts the server if it is not running, and waits until it answers. @return its port */
    long ensureRunning(ServicesState services) throws IOException, InterruptedException {
        Optional<long[]> r = running();
        if (r.isPresent()) {
            return r.get()[1];
        }
        int port = port();
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is already in use; choose another for the"
                    + " Thrift server with LAKE_THRIFT_PORT");
        }
        Path log = ctx.home.logs().resolve("thrift.log");
        ctx.err.println("Starting the Spark Thrift Server for Beeline on 127.0.0.1:" + port + " (about 20 s; log: " + log + ")");
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(StageJvm.OPENS);
        cmd.addAll(HiveCommand.SPARK_OPENS);
        cmd.addAll(List.of("-Xmx1536m", "-Djava.io.tmpdir=" + ctx.home.tmp(), "-Dderby.system.home=" + ctx.home.tmp(),
                "-cp", StageJvm.classpath("hive-ddl"), "org.campuslake.hive.ThriftServerMain",
                "--port", Integer.toString(port), "--metastore-port", Integer.toString(services.metastorePort()),
                "--warehouse", ctx.home.root().resolve("warehouse").toString(), "--state", stateFile().toString()));
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(180)) {
            if (running().isPresent()) {
                ctx.err.printf("Spark Thrift Server ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                return port;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("the Spark Thrift Server exited during start-up (see " + log + ")");
            }
            Thread.sleep(250);
        }
        p.destroy();
        throw new IllegalStateException("the Spark Thrift Server did not start within 180 s (see " + log + ")");
    }

    boolean stop() {
        Optional<long[]> r = running();
        if (r.isEmpty()) {
            return false;
        }
        ProcessHandle ph = ProcessHandle.of(r.get()[0]).orElseThrow();
        ph.destroy();
        try {
            ph.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            ph.destroyForcibly();
        }
        try {
            Files.deleteIfExists(stateFile());
        } catch (IOException ignored) {
            // stale state is recognised by its dead pid
        }
        return true;
    }
}
