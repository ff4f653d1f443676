package org.campuslake.vagrant;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The host tools the cluster checks need (shellcheck, ruby, vagrant, envsubst, curl). A missing tool is installed
 * from Debian when the tests run as root with apt-get (as on CI), otherwise the test fails with the line that
 * installs it: these checks never skip.
 */
final class HostTools {
    /** The project's vagrant/ folder (tests run with the module folder as working directory). */
    static final Path VAGRANT_DIR = Path.of("").toAbsolutePath();
    static final Path REPO = VAGRANT_DIR.getParent();

    private static boolean aptUpdated;

    private HostTools() {}

    static synchronized void require(String command, String debianPackage) throws Exception {
        if (onPath(command)) {
            return;
        }
        String install = "apt-get install -y --no-install-recommends " + debianPackage;
        boolean canInstall = "root".equals(System.getProperty("user.name")) && onPath("apt-get");
        if (canInstall) {
            if (!aptUpdated) {
                // Stale package lists make installs fail on dependency versions: always update first.
                run(List.of("apt-get", "update", "-q"), Map.of("DEBIAN_FRONTEND", "noninteractive"), null, 600);
                aptUpdated = true;
            }
            Result r = run(List.of("bash", "-c", install), Map.of("DEBIAN_FRONTEND", "noninteractive"), null, 900);
            if (r.exit() != 0 || !onPath(command)) {
                fail("could not install " + debianPackage + " (" + install + "):\n" + r.tail(20));
            }
            return;
        }
        fail(command + " is needed by the cluster checks and is not installed: sudo " + install);
    }

    static boolean onPath(String command) throws Exception {
        return run(List.of("bash", "-c", "command -v " + command), Map.of(), null, 30).exit() == 0;
    }

    record Result(int exit, String output) {
        String tail(int lines) {
            List<String> all = output.lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    /** Runs a command (stdout and stderr together), in {@code dir} or the vagrant/ folder. */
    static Result run(List<String> cmd, Map<String, String> env, Path dir, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true)
                .directory((dir == null ? VAGRANT_DIR : dir).toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("host-tool", ".log");
        try {
            pb.redirectOutput(out.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static Result bash(String script, Map<String, String> env) throws Exception {
        return run(List.of("bash", "-c", script), env, null, 120);
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
