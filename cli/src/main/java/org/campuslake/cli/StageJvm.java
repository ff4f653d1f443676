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
        Path target = repo().resolve(module).resolve("target");
        Path cp = target.resolve("runtime-classpath.txt");
        if (!Files.exists(cp)) {
            throw new IllegalStateException("module " + module + " is not built (" + cp + " is missing): run ./lake"
                    + " (it builds what is missing) or mvn package");
        }
        return target.resolve("classes") + java.io.File.pathSeparator + Files.readString(cp, StandardCharsets.UTF_8).strip();
    }

    /** Runs the stage; its stdout goes to ours, its stderr (framework logs) to {@code log}. */
    static int run(String module, String mainClass, List<String> jvmArgs, List<String> args, Path log)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(OPENS);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath(module));
        cmd.add(mainClass);
        cmd.addAll(args);
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            throw e;
        }
    }
}
