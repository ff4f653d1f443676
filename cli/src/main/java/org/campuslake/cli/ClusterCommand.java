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
            "  reset   start the lake over: empty /lake in HDFS, drop the Hive databases, empty the summary",
            "  exec    exec NODE [USER [COMMAND...]]: a command (default: a shell) on one host, as vagrant ssh does",
            "  compare local mode against the cluster after the same demo (same seed, dates and salt): the summary"
                + " row for row, the curated tables through Beeline, with --questions the analysts' questions too"
                + " (exit code 1 when they differ)",
            "  down    stop every daemon and remove the namespaces; the data stays in .lake/cluster",
            "From this machine the hosts are at 10.200.0.x (.lake/cluster/endpoints.properties): Oozie"
                + " http://10.200.0.10:11000/oozie, HDFS :9870, YARN :8088. Deploy with lake deploy --env cluster,"
                + " run with lake run --env cluster --date D or lake demo --cluster."})
final class ClusterCommand implements Callable<Integer> {
    private static final List<String> ACTIONS = List.of("up", "status", "smoke", "reset", "exec", "compare", "down");

    @Parameters(index = "0", paramLabel = "ACTION", description = "up, status, smoke, reset, exec, compare or down",
            completionCandidates = Actions.class)
    String action;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "exec: NODE [USER [COMMAND...]]")
    List<String> args = List.of();

    @picocli.CommandLine.Option(names = "--questions",
            description = "compare: also ask the analysts' questions of docs/analysts.md through Beeline on both sides"
                + " and require the same answers (about 3 more minutes on 2 cores).")
    boolean questions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!ACTIONS.contains(action)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown action '" + action + "' (known: " + String.join(", ", ACTIONS) + ")");
        }
        if (action.equals("compare")) {
            return ClusterCompare.run(new LakeContext(), questions);
        }
        List<String> cmd = new java.util.ArrayList<>(List.of(action));
        cmd.addAll(args);
        return script(cmd, java.util.Map.of());
    }

    /** Runs lake-cluster.sh with these arguments; it talks to the user directly (progress, the daemons' states). */
    static int script(List<String> arguments, java.util.Map<String, String> env) throws Exception {
        Path script = scriptFile();
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(arguments);
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        // The edge host's dashboard (the hosts have Java 8 only) runs on this JVM's JDK.
        pb.environment().put("LAKE_DASHBOARD_JAVA", ProcessHandle.current().info().command().orElse("java"));
        pb.environment().putAll(env);
        return pb.start().waitFor();
    }

    /** The script that owns the cluster on one machine. */
    static Path scriptFile() {
        Path script = StageJvm.repo().resolve("cluster/src/main/sh/lake-cluster.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("no cluster script " + script);
        }
        return script;
    }

    static final class Actions extends java.util.ArrayList<String> {
        Actions() {
            super(ACTIONS);
        }
    }
}
