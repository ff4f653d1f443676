package org.campuslake.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A thin shell over cluster/src/main/sh/lake-cluster.sh, which owns the cluster on one machine. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"The classroom cluster on this Linux machine, no VM: its four machines (master, worker1, worker2,"
                + " edge) as network namespaces running the real Hadoop 3.3.6, Hive 3.1.3 and MariaDB daemons on Java 8,"
                + " configured from vagrant/templates with the netns profile. Needs root. See cluster/README.md.",
            "  up      start it (the first time: a Java 8 root filesystem from Debian's packages, HDFS formatted)",
            "  status  each daemon's state (exit code 3: not started, 1: a daemon crashed)",
            "  smoke   the classroom cluster's smoke check (vagrant/smoke-check.sh) on the edge host",
            "  down    stop every daemon and remove the namespaces; the data stays in .lake/cluster"})
final class ClusterCommand implements Callable<Integer> {
    private static final List<String> ACTIONS = List.of("up", "status", "smoke", "down");

    @Parameters(index = "0", paramLabel = "ACTION", description = "up, status, smoke or down", completionCandidates = Actions.class)
    String action;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!ACTIONS.contains(action)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown action '" + action + "' (known: " + String.join(", ", ACTIONS) + ")");
        }
        Path script = StageJvm.repo().resolve("cluster/src/main/sh/lake-cluster.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("no cluster script " + script);
        }
        // The script talks to the user directly: progress lines, the daemons' states.
        return new ProcessBuilder("bash", script.toString(), action).inheritIO().start().waitFor();
    }

    static final class Actions extends java.util.ArrayList<String> {
        Actions() {
            super(ACTIONS);
        }
    }
}
