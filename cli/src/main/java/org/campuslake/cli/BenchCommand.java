package org.campuslake.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.MariaDbEndpoint;
import org.campuslake.oozie.run.RunRecord;
import org.campuslake.seed.ErpAdvancer;
import org.campuslake.seed.ErpDatabase;
import org.campuslake.seed.ErpSeeder;
import org.campuslake.seed.gen.GeneratorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks (they print figures; they are not tests).",
            "ingest: this project's Sqoop import vs SELECT ... INTO OUTFILE of the same 1,000,000 rows, and the fixed"
                + " cost of a 10-row table.",
            "analytics: the Spark KPI job vs the same KPIs as SQL in DuckDB over the same curated Parquet files, and the"
                + " summary publish vs LOAD DATA of the same rows. Needs a curated layer (seed, import, hive) first.",
            "chain: re-seeds the ERP (--scale, default 1) and starts a fresh lake, then times the initial full load"
                + " (lake run for the seeded day), one incremental day (lake run after erp advance), and a reference"
                + " (every ERP table exported with SELECT * INTO OUTFILE, the same KPIs in DuckDB); prints the ratios"
                + " and the peak memory of the chain's processes.",
            "history: re-seeds the ERP (--scale, default 1) and starts a fresh lake, then times the initial load and"
                + " --days consecutive days (erp advance + lake run), as a whole and per stage; prints day 1 / initial"
                + " and the last day / day 2, and writes a CSV and a PNG chart of the days to .lake/bench/.",
            "faults: kills lake run with kill -9 at random points (a random action, after a random delay; every fourth"
                + " kill, and the last if none did, the services daemon with its MariaDB too), reruns it, and checks"
                + " each time that the curated tables, the summary database and the watermarks are those of a clean run"
                + " and no key is duplicated; prints N survived of N. Without --date it re-seeds the ERP (--scale,"
                + " default 0.01), starts a fresh lake and runs the seeded day and the next, the clean run; with --date D"
                + " the lake's last run, a successful run of D, is the clean run."})
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WHAT", description = "What to benchmark: ingest, analytics, chain, history or faults.")
    String what;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Options.Date.class,
            description = "analytics: the snapshot date (default: the ERP's clock). faults: the date to kill the runs"
                + " of, on the lake as it is (its last run a successful run of that date).")
    java.time.LocalDate date;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000", description = "Rows of the big table (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--scale", paramLabel = "S", description = "chain, history: scale factor (default: 1); faults:"
            + " (default: 0.01).")
    Double scale;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30",
            description = "history: how many days after the initial load (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "20", description = "faults: how many kills (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--at", paramLabel = "ACTION", split = ",", description = "faults: kill only in these actions"
            + " of the clean run (for example curated-build,kpis; default: any of them).")
    List<String> at = List.of();

    @Option(names = "--seed", paramLabel = "N", description = "faults: the random seed of the kill points (default: a new"
            + " one, printed, to repeat a campaign).")
    Long seed;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!List.of("ingest", "analytics", "chain", "history", "faults").contains(what)) {
            throw new IllegalArgumentException("unknown benchmark '" + what
                    + "' (available: ingest, analytics, chain, history, faults)");
        }
        LakeContext ctx = new LakeContext();
        if ("history".equals(what)) {
            if (days < 2) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--days must be at least 2");
            }
            return HistoryBenchmark.run(ctx, spec, scale == null ? 1 : scale, days);
        }
        if ("chain".equals(what)) {
            return chain(ctx);
        }
        if ("faults".equals(what)) {
            return faults(ctx);
        }
        MariaDbEndpoint db = ctx.localDatabase(null);
        if ("analytics".equals(what)) {
            return analytics(ctx, db);
        }
        Path config = ImportCommand.writeLocalConfig(ctx, db);
        Path log = ctx.home.logs().resolve("bench-ingest.log");
        ctx.err.println("Benchmark logs: " + log);
        return StageJvm.run("ingestion", "org.campuslake.ingest.IngestBenchmark",
                List.of("-Xmx1g", "-Djava.io.tmpdir=" + ctx.home.tmp()),
                List.of("--config", config.toString(), "--admin-user", EmbeddedMariaDb.ADMIN_USER,
                        "--admin-password-file", db.passwordFile(EmbeddedMariaDb.ADMIN_USER).toString(),
                        "--rows", Long.toString(rows)), log);
    }

    private Integer analytics(LakeContext ctx, MariaDbEndpoint db) throws Exception {
        java.time.LocalDate d = date;
        if (d == null) {
            try (java.sql.Connection c = db.connect(EmbeddedMariaDb.ETL_USER, null)) {
                d = org.campuslake.seed.SimulationInfo.read(c).orElseThrow(() -> new IllegalArgumentException(
                        "the ERP is not seeded: run ./lake seed, import and hive first, or give --date")).clock();
            }
        }
        org.campuslake.local.ServicesState s = ctx.services.running().orElseThrow();
        Path config = AnalyticsCommand.writeLocalConfig(ctx.home, db, s.metastorePort(), "parquet");
        Path log = ctx.home.logs().resolve("bench-analytics.log");
        ctx.err.println("Benchmark logs: " + log);
        List<String> jvm = new java.util.ArrayList<>(HiveCommand.SPARK_OPENS);
        jvm.addAll(List.of("-Xmx2g", "-Djava.io.tmpdir=" + ctx.home.tmp()));
        return StageJvm.run(StageJvm.commandWithClasspath(StageJvm.benchClasspath("spark-analytics"),
                "org.campuslake.analytics.AnalyticsBenchmark", jvm, List.of(config.toString(), d.toString())), log);
    }

    private Integer chain(LakeContext ctx) throws Exception {
        double scale = this.scale == null ? 1 : this.scale;
        GeneratorConfig cfg = SeedCommand.config(spec, scale, GeneratorConfig.DEFAULT_SEED, GeneratorConfig.DEFAULT_START);
        ErpDatabase erp = ctx.erpDatabase(null);
        ErpSeeder.Report seeded = new ErpSeeder(erp, ctx.home.tmp(), new ConsoleProgress()).seed(cfg, true);
        ChainRunner.resetLake(ctx);
        LocalDate d = seeded.clock();
        LocalDate next = d.plusDays(1);
        double initial;
        double incremental;
        long peak;
        RunRecord first;
        RunRecord second;
        try (PeakMemory memory = new PeakMemory()) {
            long t0 = System.nanoTime();
            first = ChainRunner.run(ctx, List.of(d), "bench chain: run --date " + d, new ChainProgress(ctx.err), 1);
            initial = (System.nanoTime() - t0) / 1e9;
            if (!first.status.equals("SUCCEEDED")) {
                return RunCommand.report(ctx, first);
            }
            new ErpAdvancer(erp, new ConsoleProgress()).advance(next);
            long t1 = System.nanoTime();
            second = ChainRunner.run(ctx, List.of(next), "bench chain: run --date " + next, new ChainProgress(ctx.err), 1);
            incremental = (System.nanoTime() - t1) / 1e9;
            peak = memory.peakBytes();
            if (!second.status.equals("SUCCEEDED")) {
                return RunCommand.report(ctx, second);
            }
        }

        MariaDbEndpoint db = ctx.localDatabase(null);
        Path result = ctx.home.tmp().resolve("bench-chain-reference.properties");
        Files.deleteIfExists(result);
        Path log = ctx.home.logs().resolve("bench-chain.log");
        int rc = StageJvm.run(StageJvm.commandWithClasspath(StageJvm.benchClasspath("spark-analytics"),
                "org.campuslake.analytics.ChainReference", List.of("-Xmx2g", "-Djava.io.tmpdir=" + ctx.home.tmp()),
                List.of(db.jdbcUrl(null), EmbeddedMariaDb.ADMIN_USER, db.passwordFile(EmbeddedMariaDb.ADMIN_USER).toString(),
                        PseudonymSalt.ensure(ctx.home).resolve("salt.txt").toString(),
                        ctx.home.tmp().resolve("bench-chain-export").toAbsolutePath().toString(), next.toString(),
                        result.toString())), log);
        if (rc != 0) {
            throw new IllegalStateException("the reference failed (exit code " + rc + "; see " + log + ")");
        }
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(result)) {
            p.load(in);
        }
        double reference = Double.parseDouble(p.getProperty("reference.seconds"));
        ctx.out.println();
        ctx.out.printf(Locale.ROOT, "Chain benchmark, SF%s, %d cores%n", scale, Runtime.getRuntime().availableProcessors());
        ctx.out.printf(Locale.ROOT, "  initial full load, lake run --date %s  %8.1f s  %s%n", d, initial, summary(first));
        ctx.out.printf(Locale.ROOT, "  incremental day,   lake run --date %s  %8.1f s  %s%n", next, incremental, summary(second));
        ctx.out.printf(Locale.ROOT, "  reference (INTO OUTFILE + DuckDB)          %8.1f s%n", reference);
        ctx.out.printf(Locale.ROOT, "  chain / reference        %6.2f (initial), %.2f (incremental)   target <= 10%n",
                initial / reference, incremental / reference);
        ctx.out.printf(Locale.ROOT, "  incremental / initial    %6.2f   target <= 0.25%n", incremental / initial);
        ctx.out.printf(Locale.ROOT, "  peak memory of the chain %6.2f GB (this JVM and every action process, summed;"
                + " MariaDB not included)   target <= 3 GB%n", peak / 1e9);
        return 0;
    }

    private Integer faults(LakeContext ctx) throws Exception {
        if (runs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1");
        }
        long s = seed != null ? seed : new java.util.Random().nextLong();
        ctx.err.println("Kill points from seed " + s + " (--seed " + s + " repeats them)");
        RunRecord clean;
        if (date == null) {
            GeneratorConfig cfg = SeedCommand.config(spec, scale == null ? 0.01 : scale, GeneratorConfig.DEFAULT_SEED,
                    GeneratorConfig.DEFAULT_START);
            ErpDatabase erp = ctx.erpDatabase(null);
            LocalDate d = new ErpSeeder(erp, ctx.home.tmp(), new ConsoleProgress()).seed(cfg, true).clock();
            ChainRunner.resetLake(ctx);
            RunRecord first = ChainRunner.run(ctx, List.of(d), "bench faults: run --date " + d, new ChainProgress(ctx.err), 1);
            if (!first.status.equals("SUCCEEDED")) {
                return RunCommand.report(ctx, first);
            }
            date = d.plusDays(1);
            new ErpAdvancer(erp, new ConsoleProgress()).advance(date);
            clean = ChainRunner.run(ctx, List.of(date), "bench faults: run --date " + date, new ChainProgress(ctx.err), 1);
            if (!clean.status.equals("SUCCEEDED")) {
                return RunCommand.report(ctx, clean);
            }
        } else {
            if (scale != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scale re-seeds: not with --date");
            }
            List<RunRecord> history = new org.campuslake.oozie.run.RunHistory(ctx.home.root()).list();
            clean = history.isEmpty() ? null : history.get(0);
            if (clean == null || !clean.effectiveStatus().equals("SUCCEEDED") || clean.actions.isEmpty()
                    || !clean.actions.stream().allMatch(a -> a.nominalTime.startsWith(date.plusDays(1).toString()))) {
                throw new IllegalArgumentException("the lake's last run is not a successful run of " + date
                        + " alone: run ./lake run --date " + date + " first (it is the clean run the reruns must equal)");
            }
        }
        return new FaultCampaign(ctx, date, s).run(clean, runs, at);
    }

    private static String summary(RunRecord r) {
        StringBuilder sb = new StringBuilder();
        for (RunRecord.CoordAction a : r.actions) {
            sb.append(sb.length() == 0 ? "" : ", ").append(a.coordinator.replace("campus-lake-", "")).append(' ')
                    .append(a.seconds == null ? "?" : String.format(Locale.ROOT, "%.0f s", a.seconds)).append(' ')
                    .append(RunsCommand.counters(a));
        }
        return sb.toString();
    }
}
