package org.campuslake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The `./lake` launcher run as a user runs it, in its own lake home with free ports (one per IT class). */
final class LakeProcess {
    static final Path LAKE = Path.of("..", "lake").toAbsolutePath().normalize();

    record Run(int exit, String out, String err) {}

    final Path home;
    final int port;
    final int metastorePort;
    final int thriftPort;

    LakeProcess(String name) throws IOException {
        home = Path.of("target", name + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        try (ServerSocket s = new ServerSocket(0); ServerSocket m = new ServerSocket(0); ServerSocket t = new ServerSocket(0)) {
            port = s.getLocalPort();
            metastorePort = m.getLocalPort();
            thriftPort = t.getLocalPort();
        }
    }

    private Process start(Path out, Path err, List<String> cmd, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("LAKE_HOME", home.toString());
        pb.environment().put("LAKE_DB_PORT", Integer.toString(port));
        pb.environment().put("LAKE_METASTORE_PORT", Integer.toString(metastorePort));
        pb.environment().put("LAKE_THRIFT_PORT", Integer.toString(thriftPort));
        pb.environment().put("LAKE_NO_BUILD", "1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
    }

    Run run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(LAKE.toString()));
        cmd.addAll(List.of(args));
        return wait(timeoutSeconds, cmd, null, "lake " + String.join(" ", args));
    }

    /**
     * A shell script as a user types it in the project's folder (a lab sheet's block), with this lake's home and
     * ports: the default home {@code .lake/} in the script is this lake's.
     */
    Run shell(long timeoutSeconds, String script) throws IOException, InterruptedException {
        String here = script.replace(".lake/", home + "/");
        return wait(timeoutSeconds, List.of("bash", "-euo", "pipefail", "-c", here), LAKE.getParent(), script.strip());
    }

    private Run wait(long timeoutSeconds, List<String> cmd, Path dir, String what) throws IOException, InterruptedException {
        Path out = Files.createTempFile("lake-out", ".txt");
        Path err = Files.createTempFile("lake-err", ".txt");
        Process p = start(out, err, cmd, dir);
        boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        Run r = new Run(p.waitFor(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        assertThat(finished).as("%s finished within %d s:%n%s", what, timeoutSeconds, r.err())
                .isTrue();
        return r;
    }
}
