package org.campuslake.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.MariaDbEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks (they print figures; they are not tests).",
            "ingest: this project's Sqoop import vs SELECT ... INTO OUTFILE of the same 1,000,000 rows, and the fixed"
                + " cost of a 10-row table.",
            "analytics: the Spark KPI job vs the same KPIs as SQL in DuckDB over the same curated Parquet files, and the"
                + " summary publish vs LOAD DATA of the same rows. Needs a curated layer (seed, import, hive) first."})
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WHAT", description = "What to benchmark: ingest or analytics.")
    String what;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Options.Date.class,
            description = "analytics: the snapshot date (default: the ERP's clock).")
    java.time.LocalDate date;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000", description = "Rows of the big table (default: ${DEFAULT-VALUE}).")
    long rows;

    @Override
    public Integer call() throws Exception {
        if (!"ingest".equals(what) && !"analytics".equals(what)) {
            throw new IllegalArgumentException("unknown benchmark '" + what + "' (available: ingest, analytics)");
        }
        LakeContext ctx = new LakeContext();
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
}
