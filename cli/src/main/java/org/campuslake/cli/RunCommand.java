package org.campuslake.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.campuslake.oozie.run.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the Oozie bundle (ingest and analytics coordinators) with the local runner, from the same"
            + " XML a cluster runs: one nominal time per data date (D is processed by the action at D+1 00:00 UTC).",
            "Workflow actions run in their own JVMs (Sqoop and MapReduce in Hadoop local mode, HiveQL through the"
                + " local executor, spark-submit with local[*]); analytics starts when its input datasets' _SUCCESS"
                + " flags exist. A rerun of a date converges to the result of a clean run.",
            "History and logs: .lake/runs/ (lake runs). Exit code 1 when a coordinator action did not succeed."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Options.Date.class,
            description = "Data date to run the chain for.")
    LocalDate date;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = Options.Date.class,
            description = "First data date of a range (with --to): every day in order, as a backfill.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = Options.Date.class,
            description = "Last data date of a range (inclusive).")
    LocalDate to;

    @Option(names = "--max-workflows", paramLabel = "N", defaultValue = "1",
            description = "Workflows running at once across coordinators (default: ${DEFAULT-VALUE}; each"
                + " coordinator's own concurrency still applies).")
    int maxWorkflows;

    @Option(names = "--env", paramLabel = "ENV", defaultValue = "local",
            description = "local (default: the local runner) or cluster (the real Oozie server of `lake cluster up`,"
                + " after `lake deploy --env cluster`: one bundle per date, in order, followed to its end).")
    String env;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "60",
            description = "With --env cluster: kill a date's bundle after this long (default: ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Option(names = "--accept-rejects",
            description = "Go on past the reject-ratio decision: the quarantined rows stay out, and the ingest workflow"
                + " records who accepted which tables' rejects (state/ingest/acceptances/, and its accept-rejects"
                + " action in lake runs). On a cluster this is the job property acceptRejects=true.")
    boolean acceptRejects;

    @Option(names = "--apps", paramLabel = "DIR",
            description = "Run these Oozie applications instead of the project's build (oozie-workflows/target/apps):"
                + " a copy of all of them in which you changed a workflow or a coordinator. Checked against the Oozie"
                + " schemas and the graph rules first, as the build's are. Local runner only.")
    java.nio.file.Path apps;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<LocalDate> dates = dates(spec, date, from, to);
        LakeContext ctx = new LakeContext();
        if (env.equals("cluster") && apps != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--apps runs a copy with the local runner;"
                    + " on a cluster, put the changed files into the deployed applications in HDFS (hdfs dfs -put -f)"
                    + " and run the date (docs/labs/06-oozie-workflow.md)");
        }
        if (env.equals("cluster")) {
            int rc = 0;
            for (RunRecord r : ClusterEnv.load(ctx).run(ctx, dates, timeoutMinutes, overrides())) {
                rc = Math.max(rc, report(ctx, r));
            }
            return rc;
        }
        if (!env.equals("local")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown environment '" + env
                    + "' (known: local, cluster; a Vagrant cluster runs its schedule: lake deploy --env vagrant)");
        }
        if (apps != null && !java.nio.file.Files.isDirectory(apps)) {
            throw new IllegalArgumentException("no such folder: " + apps);
        }
        String command = "run " + (date != null ? "--date " + date : "--from " + from + " --to " + to)
                + (acceptRejects ? " --accept-rejects" : "") + (apps != null ? " --apps " + apps : "");
        ctx.err.println("Running the bundle for " + (dates.size() == 1 ? dates.get(0) : dates.size() + " dates, "
                + dates.get(0) + " to " + dates.get(dates.size() - 1)) + " with the local runner (history and logs:"
                + " " + ctx.home.root().resolve("runs") + ")");
        RunRecord r = ChainRunner.run(ctx, dates, command, new ChainProgress(ctx.err), maxWorkflows, overrides(),
                apps == null ? ChainRunner.built() : apps.toAbsolutePath());
        return report(ctx, r);
    }

    private java.util.Map<String, String> overrides() {
        return acceptRejects ? java.util.Map.of("acceptRejects", "true") : java.util.Map.of();
    }

    static int report(LakeContext ctx, RunRecord r) {
        ctx.out.println();
        ctx.out.println("Run " + r.id + ": " + r.status + (r.bundleId == null ? "" : " (Oozie bundle " + r.bundleId
                + " on " + r.server + ")"));
        for (RunRecord.CoordAction a : r.actions) {
            ctx.out.printf(Locale.ROOT, "  %-21s %-18s %-10s %7s  %s%n", a.coordinator, a.nominalTime, a.status,
                    a.seconds == null ? "" : String.format(Locale.ROOT, "%.0f s", a.seconds),
                    a.error != null ? a.error : a.workflowId != null && r.bundleId != null ? a.workflowId
                            : RunsCommand.counters(a));
        }
        if (!r.status.equals("SUCCEEDED")) {
            ctx.out.println("Details: ./lake runs " + r.id + "; rerun the failed date(s) with ./lake run --date D.");
        }
        return r.status.equals("SUCCEEDED") ? 0 : 1;
    }

    static List<LocalDate> dates(CommandLine.Model.CommandSpec spec, LocalDate date, LocalDate from, LocalDate to) {
        if ((date == null) == (from == null && to == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --date D, or --from D1 --to D2");
        }
        if (date != null) {
            return List.of(date);
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from and --to go together, --from first");
        }
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(d);
        }
        if (out.size() > 366) {
            throw new CommandLine.ParameterException(spec.commandLine(), "at most 366 dates per run");
        }
        return out;
    }
}
