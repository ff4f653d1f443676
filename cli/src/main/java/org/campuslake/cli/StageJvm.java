package org.campuslake.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a pipeline stage's main class in its own JVM with its own module's classpath, the way a YARN container
 * isolates it (Sqoop's Avro 1.8 and Spark's cannot share one).
 */
final class StageJvm {
    /** What Hadoop 3.3 and Sqoop need on Java 17. */
    static final List<String> OPENS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED");

    private StageJvm() {}

    /** Java stack frames, as they appear in an error message. */
    private static final java.util.regex.Pattern FRAME =
            java.util.regex.Pattern.compile("^\\s+(at [\\w.$<>]+\\(.*\\)|\\.\\.\\. \\d+ more)\\s*$");

    /**
     * Runs a stage with the terminal attached (interactive tools such as Beeline). Its stderr passes through a filter
     * that drops Java stack frames: the Spark Thrift Server (Hive 2.3's service code) sends whole stack traces as
     * error messages, and an analyst needs the error, not the frames.
     */
    static int runInteractive(String module, String mainClass, List<String> jvmArgs, List<String> args)
            throws IOException, InterruptedException {
        return runInteractive(module, mainClass, jvmArgs, args, null);
    }

    /** The same, in this working directory (null: this JVM's). */
    static int runInteractive(String module, String mainClass, List<String> jvmArgs, List<String> args, Path dir)
            throws IOException, InterruptedException {
        List<String> cmd = command(module, mainClass, jvmArgs, args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1"); // loopback only, whatever the machine's interfaces
        Process p = pb.start();
        Thread errors = new Thread(() -> {
            try (java.io.BufferedReader r = new java.io.BufferedReader(
                    new java.io.InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!FRAME.matcher(line).matches()) {
                        System.err.println(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "stage-stderr");
        errors.start();
        int rc = p.waitFor();
        errors.join(5_000);
        return rc;
    }

    /** java, the Java 17 opens Hadoop needs, the stage's JVM options, its module's classpath, main class, arguments. */
    static List<String> command(String module, String mainClass, List<String> jvmArgs, List<String> args) throws IOException {
        return commandWithClasspath(classpath(module), mainClass, jvmArgs, args);
    }

    static List<String> commandWithClasspath(String classpath, String mainClass, List<String> jvmArgs, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(OPENS);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    static Path repo() {
        String env = System.getenv("LAKE_REPO");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        // cli/target/classes -> the repository
        try {
            return Path.of(StageJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent()
                    .getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String classpath(String module) throws IOException {
        String deps = dependencies(module);
        Path classes = repo().resolve(module).resolve("target").resolve("classes");
        return Files.isDirectory(classes) ? classes + java.io.File.pathSeparator + deps : deps;
    }

    /** A module's dependencies only: its own classes come from an application's lib/ folder instead. */
    static String dependencies(String module) throws IOException {
        Path cp = repo().resolve(module).resolve("target").resolve("runtime-classpath.txt");
        if (!Files.exists(cp)) {
            throw new IllegalStateException("module " + module + " is not built (" + cp + " is missing): run ./lake"
                    + " (it builds what is missing) or mvn package");
        }
        return Files.readString(cp, StandardCharsets.UTF_8).strip();
    }

    /**
     * A module's benchmark classpath: its test classes (benchmarks live there, so they never ship with the job), its
     * classes and its test-scope dependencies.
     */
    static String benchClasspath(String module) throws IOException {
        Path target = repo().resolve(module).resolve("target");
        Path cp = target.resolve("bench-classpath.txt");
        if (!Files.exists(cp) || !Files.isDirectory(target.resolve("test-classes"))) {
            throw new IllegalStateException("the " + module + " benchmarks are not built: run mvn -pl " + module
                    + " -am package -DskipTests");
        }
        return target.resolve("test-classes") + java.io.File.pathSeparator + target.resolve("classes")
                + java.io.File.pathSeparator + Files.readString(cp, StandardCharsets.UTF_8).strip();
    }

    /** Runs the stage; its stdout goes to ours, its stderr (framework logs) to {@code log}. */
    static int run(String module, String mainClass, List<String> jvmArgs, List<String> args, Path log)
            throws IOException, InterruptedException {
        return run(command(module, mainClass, jvmArgs, args), log);
    }

    static int run(List<String> cmd, Path log) throws IOException, InterruptedException {
        return run(cmd, log, false);
    }

    /** Runs the stage with its stdout too in {@code log} (a step whose result tables nobody needs to see). */
    static int runLogged(List<String> cmd, Path log) throws IOException, InterruptedException {
        return run(cmd, log, true);
    }

    private static int run(List<String> cmd, Path log, boolean stdoutToLog) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdoutToLog
                        ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1"); // loopback only, whatever the machine's interfaces
        Process p = pb.start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            throw e;
        }
    }
}
