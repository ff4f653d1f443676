package org.campuslake.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.campuslake.oozie.validate.AppValidator;
import org.campuslake.oozie.validate.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate Oozie applications offline: every workflow, coordinator and bundle against the official"
            + " Oozie 5.2.1 schemas (action bodies included), then the workflow graph (unknown transition targets,"
            + " unpaired fork/join, cycles, unreachable nodes).",
            "Problems print as file:line:col: message. Exit code 1 when any file has a problem."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Application files or folders (default: the project's applications as the build generates them,"
                + " oozie-workflows/target/apps).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        List<Path> targets = paths.isEmpty() ? List.of(StageJvm.repo().resolve("oozie-workflows/target/apps")) : paths;
        int files = 0;
        int bad = 0;
        for (Path target : targets) {
            if (!Files.exists(target)) {
                throw new IllegalArgumentException("no such file or folder: " + target);
            }
            boolean explicit = Files.isRegularFile(target);
            for (Path f : xmlFiles(target)) {
                List<Problem> problems = check(f, explicit);
                if (problems == null) {
                    continue;
                }
                files++;
                if (problems.isEmpty()) {
                    System.out.println("OK    " + f);
                } else {
                    bad++;
                    problems.forEach(p -> System.out.println(p));
                }
            }
        }
        if (files == 0) {
            throw new IllegalArgumentException("no Oozie application found in " + targets);
        }
        System.out.println(files + " application file(s), " + (bad == 0 ? "all valid" : bad + " with problems"));
        return bad == 0 ? 0 : 1;
    }

    /** The problems of every Oozie application file in a folder (other XML skipped), as {@code lake validate} prints them. */
    static List<String> problems(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of(folder + ": no such folder");
        }
        List<String> out = new ArrayList<>();
        for (Path f : xmlFiles(folder)) {
            List<Problem> problems = check(f, false);
            if (problems != null) {
                problems.forEach(p -> out.add(p.toString()));
            }
        }
        return out;
    }

    /** A file's problems; null for other XML in an application folder (a Hadoop configuration, say). */
    private static List<Problem> check(Path f, boolean explicit) throws IOException {
        List<Problem> problems = AppValidator.validate(f);
        boolean other = problems.size() == 1 && problems.get(0).message().startsWith("not an Oozie application");
        return other && !explicit ? null : problems;
    }

    private static List<Path> xmlFiles(Path target) throws IOException {
        if (Files.isRegularFile(target)) {
            return List.of(target);
        }
        try (Stream<Path> s = Files.walk(target)) {
            return s.filter(p -> p.toString().endsWith(".xml") && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
