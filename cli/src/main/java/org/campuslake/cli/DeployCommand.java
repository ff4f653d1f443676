package org.campuslake.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Put the chain on a cluster and start its schedule: build the project, seed the cluster's ERP if"
                + " it is empty, upload the Oozie applications, jars, HiveQL and settings to HDFS, write the password"
                + " files there (mode 0400), create the Hive tables and submit the bundle with the Oozie CLI.",
            "The cluster must be up (cd vagrant && vagrant up; LAKE_NODES=1 for the one-VM profile). See docs/cluster.md."})
final class DeployCommand implements Callable<Integer> {
    /** Environments with a deploy script: the name of the job.properties folder and of the script's folder. */
    private static final List<String> ENVIRONMENTS = List.of("vagrant");

    @Option(names = "--env", paramLabel = "ENV", required = true,
            description = "Where to deploy: ${COMPLETION-CANDIDATES}.", completionCandidates = Environments.class)
    String env;

    @Option(names = "--dry-run", description = "Print every command (on this machine and on the cluster) and run none.")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!ENVIRONMENTS.contains(env)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown environment '" + env + "' (known: " + String.join(", ", ENVIRONMENTS) + ")");
        }
        Path script = StageJvm.repo().resolve(env).resolve("deploy.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("no deploy script " + script);
        }
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        if (dryRun) {
            cmd.add("--dry-run");
        }
        // The script talks to the user directly (its own progress lines and the tools' output).
        return new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    static final class Environments extends ArrayList<String> {
        Environments() {
            super(ENVIRONMENTS);
        }
    }
}
