package org.campuslake.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.LakeHome;
import org.campuslake.local.MariaDbEndpoint;
import org.campuslake.local.ServicesState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = {"Compute every KPI from the curated layer as of a date with the Spark KPI job (local[*], the"
            + " local Hive metastore), and publish that snapshot to the summary database in one transaction.",
            "Build the curated layer for the date first (lake hive -f 110 ... --hivevar ingest_date=D). A rerun of a"
                + " date replaces that date's snapshot and nothing else."})
final class AnalyticsCommand implements Callable<Integer> {
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = Options.Date.class,
            description = "Snapshot date: the KPIs are computed from the curated data as of this day.")
    LocalDate date;

    @Option(names = "--source", paramLabel = "metastore|parquet", defaultValue = "metastore",
            description = "Read the curated Hive tables (default) or their Parquet files under the lake.")
    String source;

    @Override
    public Integer call() throws Exception {
        if (!source.equals("metastore") && !source.equals("parquet")) {
            throw new IllegalArgumentException("--source must be metastore or parquet");
        }
        LakeContext ctx = new LakeContext();
        MariaDbEndpoint db = ctx.localDatabase(null);
        ServicesState s = ctx.services.running().orElseThrow();
        Path config = writeLocalConfig(ctx.home, db, s.metastorePort(), source);
        Path log = ctx.home.logs().resolve("analytics-" + date + ".log");
        ctx.err.println("Computing the KPIs as of " + date + " and publishing them to the summary database"
                + " (Spark logs: " + log + ")");
        int rc = runJob(ctx.home, config, date, log);
        if (rc != 0) {
            ctx.err.println("lake analytics: the KPI job failed, the summary keeps its previous snapshot (see " + log + ")");
        }
        return rc;
    }

    static int runJob(LakeHome home, Path config, LocalDate date, Path log) throws IOException, InterruptedException {
        return StageJvm.run("spark-analytics", "org.campuslake.analytics.KpiJob", HiveCommand.sparkJvm(home),
                List.of("--config", config.toString(), "--date", date.toString()), log);
    }

    /** The local environment's analytics settings (env/local/analytics.properties) with this machine's facts. */
    static Path writeLocalConfig(LakeHome home, MariaDbEndpoint db, int metastorePort, String source) throws IOException {
        return LocalEnvironmentFiles.render(home, db, "analytics.properties",
                Map.of("metastorePort", Integer.toString(metastorePort), "analyticsSource", source),
                home.run().resolve("analytics-local.properties"));
    }
}
