package org.campuslake.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.oozie.run.RunRecord;
import org.campuslake.seed.ErpAdvancer;
import org.campuslake.seed.ErpDatabase;
import org.campuslake.seed.ErpSeeder;
import org.campuslake.seed.gen.GeneratorConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole chain in one command: start the services, seed the ERP afresh (and start a fresh"
            + " lake), run the Oozie bundle for the seeded day, then for each of N days advance the ERP one day and"
            + " run the bundle for it; print a KPI summary from the summary database and where to look further.",
            "Everything runs from the same Oozie XML a cluster runs (lake run); history in .lake/runs (lake runs)."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--scale", paramLabel = "S", defaultValue = "0.01", description = "Scale factor (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--days", paramLabel = "N", defaultValue = "2",
            description = "Days of school activity to simulate and run after the seeded day (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--cluster", description = {"Run it on the cluster on this machine (lake cluster up first, as"
            + " root): seed the cluster's ERP afresh, start its lake over (lake cluster reset), deploy, and run each"
            + " date's bundle on the real Oozie server (Sqoop, MapReduce, HiveServer2 and Spark on YARN)."})
    boolean cluster;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "60",
            description = "With --cluster: kill a date's bundle after this long (default: ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (days < 0 || days > 31) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--days must be between 0 and 31");
        }
        GeneratorConfig cfg = SeedCommand.config(spec, scale, GeneratorConfig.DEFAULT_SEED, GeneratorConfig.DEFAULT_START);
        LakeContext ctx = new LakeContext();
        if (cluster) {
            return onCluster(ctx, cfg);
        }
        long t0 = System.nanoTime();
        ErpDatabase db = ctx.erpDatabase(null);
        ErpSeeder.Report seeded = new ErpSeeder(db, ctx.home.tmp(), new ConsoleProgress()).seed(cfg, true);
        SeedCommand.print(ctx, seeded);
        // A new ERP makes the lake's watermarks meaningless: the demo starts the lake over too.
        ChainRunner.resetLake(ctx);

        List<RunRecord> runs = new ArrayList<>();
        LocalDate day = seeded.clock();
        runs.add(runDay(ctx, day, "initial load of the seeded ERP"));
        for (int i = 1; i <= days && runs.get(runs.size() - 1).status.equals("SUCCEEDED"); i++) {
            day = day.plusDays(1);
            ErpAdvancer.Report adv = new ErpAdvancer(db, new ConsoleProgress()).advance(day);
            ctx.err.printf(Locale.ROOT, "ERP day %s: %,d rows inserted, %,d updated%n", day, adv.inserted(), adv.updated());
            runs.add(runDay(ctx, day, "incremental, day " + i + " of " + days));
        }

        printRuns(ctx, "Runs (details: ./lake runs ID):", runs, r -> String.format(Locale.ROOT, "%-26s", r.command));
        boolean ok = runs.stream().allMatch(r -> r.status.equals("SUCCEEDED"));
        if (ok) {
            try (Connection c = ctx.localDatabase(null).connect(EmbeddedMariaDb.BI_USER, "summary")) {
                summary(ctx, c);
            }
        }
        ctx.out.println();
        ctx.out.printf(Locale.ROOT, "Demo %s in %.1f min. Look further:%n", ok ? "done" : "FAILED",
                (System.nanoTime() - t0) / 6e10);
        ctx.out.println("  ./lake beeline -e \"SELECT * FROM analytics.student_profile LIMIT 5\"   Hive, as an analyst");
        ctx.out.println("  ./lake dashboard                    the charts, at " + DashboardCommand.url(DashboardCommand.DEFAULT_PORT)
                + " in any browser");
        ctx.out.println("  ./lake bi pbids -o summary.pbids    the Power BI connection (./lake status: its details)");
        ctx.out.println("  ./lake runs                         the local Oozie runner's history and logs");
        ctx.out.println("  ./lake erp advance --to " + day.plusDays(1) + " && ./lake run --date " + day.plusDays(1)
                + "   one more day");
        ctx.out.println("  " + ctx.home.root().toAbsolutePath() + "/lake   the lake (raw, quarantine, curated zones)");
        ctx.out.println("  ./lake down                         stop the services (the data stays)");
        return ok ? 0 : 1;
    }

    /** The same demo on the cluster on this machine: the same seed and days, so the same summary as local mode. */
    private int onCluster(LakeContext ctx, GeneratorConfig cfg) throws Exception {
        long t0 = System.nanoTime();
        ClusterEnv env = ClusterEnv.load(ctx);
        ErpDatabase erp = env.erp(); // installs the schemas once
        ErpSeeder.Report seeded = new ErpSeeder(erp, ctx.home.tmp(), new ConsoleProgress()).seed(cfg, true);
        SeedCommand.print(ctx, seeded);
        step(List.of("reset"), "starting the cluster's lake over");
        step(List.of("deploy", "cluster"), "deploying");
        List<RunRecord> runs = new ArrayList<>();
        LocalDate day = seeded.clock();
        runs.addAll(env.run(ctx, List.of(day), timeoutMinutes));
        for (int i = 1; i <= days && runs.get(runs.size() - 1).status.equals("SUCCEEDED"); i++) {
            day = day.plusDays(1);
            ErpAdvancer.Report adv = new ErpAdvancer(erp, new ConsoleProgress()).advance(day);
            ctx.err.printf(Locale.ROOT, "ERP day %s: %,d rows inserted, %,d updated%n", day, adv.inserted(), adv.updated());
            runs.addAll(env.run(ctx, List.of(day), timeoutMinutes));
        }
        printRuns(ctx, "Runs on the cluster's Oozie server (details: ./lake runs ID; oozie job -info BUNDLE on edge):",
                runs, r -> String.format(Locale.ROOT, "%-36s", r.bundleId));
        boolean ok = runs.size() == days + 1 && runs.stream().allMatch(r -> r.status.equals("SUCCEEDED"));
        if (ok) {
            try (Connection c = env.connect("summary", "bi_reader", env.secret("bi_reader.password"),
                    new java.util.Properties())) {
                summary(ctx, c);
            }
        }
        ctx.out.println();
        ctx.out.printf(Locale.ROOT, "Demo on the cluster %s in %.1f min. Look further:%n", ok ? "done" : "FAILED",
                (System.nanoTime() - t0) / 6e10);
        ctx.out.println("  ./lake cluster exec -- edge etl beeline -u jdbc:hive2://master:10000/default -n etl"
                + "   Hive on HiveServer2, as an analyst");
        ctx.out.println("  http://10.200.0.10:11000/oozie   the Oozie server (REST; the oozie CLI on edge)");
        ctx.out.println("  ./lake runs                      the runs, with their Oozie job ids");
        return ok ? 0 : 1;
    }

    /** One line per run: its id, what names it (the command, or the Oozie bundle), status, coordinator actions. */
    private static void printRuns(LakeContext ctx, String title, List<RunRecord> runs,
                                  java.util.function.Function<RunRecord, String> name) {
        ctx.out.println();
        ctx.out.println(title);
        for (RunRecord r : runs) {
            ctx.out.printf(Locale.ROOT, "  %s  %s %-9s %s%n", r.id, name.apply(r), r.status, r.actions.stream()
                    .map(a -> a.coordinator.replace("campus-lake-", "") + " " + a.status
                            + (a.seconds == null ? "" : String.format(Locale.ROOT, " %.0f s", a.seconds)))
                    .toList());
        }
    }

    private static void step(List<String> args, String what) throws Exception {
        int rc = ClusterCommand.script(args, java.util.Map.of("LAKE_SUBMIT", "0"));
        if (rc != 0) {
            throw new IllegalStateException(what + " failed (lake cluster " + String.join(" ", args) + ": exit code " + rc + ")");
        }
    }

    private static RunRecord runDay(LakeContext ctx, LocalDate day, String what) throws Exception {
        ctx.err.println();
        ctx.err.println("== lake run --date " + day + " (" + what + ")");
        return ChainRunner.run(ctx, List.of(day), "run --date " + day, new ChainProgress(ctx.err), 1);
    }

    /** What Power BI sees: the bi_* views of the latest snapshot, read with the BI account. */
    private static void summary(LakeContext ctx, Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            ctx.out.println();
            try (ResultSet rs = s.executeQuery("SELECT snapshot_date, fact_rows FROM snapshot ORDER BY snapshot_date")) {
                List<String> snaps = new ArrayList<>();
                while (rs.next()) {
                    snaps.add(rs.getString(1) + " (" + rs.getInt(2) + " rows)");
                }
                ctx.out.println("Summary database, snapshots published: " + String.join(", ", snaps));
            }
            ctx.out.println("Campus scorecard of the last complete academic year, latest snapshot (view bi_campus_scorecard):");
            ctx.out.printf(Locale.ROOT, "  %-24s %9s %9s %11s %9s%n", "campus", "enrolled", "dropouts", "attendance",
                    "dropout");
            try (ResultSet rs = s.executeQuery("SELECT c.`Campus`, k.`Enrolled`, k.`Dropouts`, k.`Attendance Rate`,"
                    + " k.`Dropout Rate` FROM bi_campus_scorecard k JOIN bi_campus c ON c.`Campus Key` = k.`Campus Key`"
                    + " WHERE k.`Academic Year` = (SELECT MAX(`Academic Year`) FROM bi_campus_scorecard"
                    + "   WHERE `Academic Year` < (SELECT MAX(`Academic Year`) FROM bi_campus_scorecard))"
                    + " ORDER BY c.`Campus`")) {
                while (rs.next()) {
                    ctx.out.printf(Locale.ROOT, "  %-24s %,9d %,9d %11s %9s%n", rs.getString(1), rs.getInt(2),
                            rs.getInt(3), percent(rs.getBigDecimal(4)), percent(rs.getBigDecimal(5)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT SUM(`Contacts`), SUM(`Enrolled`) FROM bi_event_totals")) {
                if (rs.next()) {
                    ctx.out.printf(Locale.ROOT, "Events: %,d contacts, %,d enrolled since (view bi_event_totals)%n",
                            rs.getLong(1), rs.getLong(2));
                }
            }
        }
    }

    private static String percent(java.math.BigDecimal v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f %%", v.doubleValue() * 100);
    }
}
