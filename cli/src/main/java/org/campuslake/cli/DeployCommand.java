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
        description = {"Put the chain on a cluster: check the Oozie applications, seed the cluster's ERP if it is"
                + " empty, upload the applications, jars, HiveQL and settings to HDFS, write the password files there"
                + " (mode 0400), create the Hive tables, and (vagrant) submit the bundle with the Oozie CLI.",
            "vagrant: the Vagrant classroom cluster (cd vagrant && vagrant up; LAKE_NODES=1 for one VM); its schedule"
                + " starts. cluster: the cluster on this machine (lake cluster up, as root); no schedule is"
                + " submitted: lake run --env cluster --date D runs a date. See docs/cluster.md."})
final class DeployCommand implements Callable<Integer> {
    /** Environments with a deploy script: the name of the job.properties folder and of the script's folder. */
    private static final List<String> ENVIRONMENTS = List.of("vagrant", "cluster");

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
        // What the server would refuse at submission (E0701), refused here before anything is uploaded.
        ChainRunner.validate(StageJvm.repo().resolve("oozie-workflows/target/apps"));
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
