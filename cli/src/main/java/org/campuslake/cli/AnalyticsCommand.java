package org.campuslake.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
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

    /** The local environment's analytics settings: Spark on local[*] with the shared metastore, the summary DB. */
    static Path writeLocalConfig(LakeHome home, MariaDbEndpoint db, int metastorePort, String source) throws IOException {
        Properties p = new Properties();
        p.setProperty("lake.root", home.root().resolve("lake").toUri().toString());
        p.setProperty("analytics.source", source);
        p.setProperty("summary.jdbc.url", db.jdbcUrl("summary"));
        p.setProperty("summary.user", EmbeddedMariaDb.ETL_USER);
        p.setProperty("summary.password.file", db.passwordFile(EmbeddedMariaDb.ETL_USER).toString());
        p.setProperty("spark.master", "local[*]");
        p.setProperty("spark.ui.enabled", "false");
        p.setProperty("spark.driver.host", "127.0.0.1");
        p.setProperty("spark.driver.bindAddress", "127.0.0.1");
        p.setProperty("spark.sql.shuffle.partitions", "4");
        p.setProperty("spark.sql.warehouse.dir", home.root().resolve("warehouse").toUri().toString());
        p.setProperty("spark.hadoop.javax.jdo.option.ConnectionURL",
                "jdbc:derby://127.0.0.1:" + metastorePort + "/metastore_db;create=true");
        p.setProperty("spark.hadoop.javax.jdo.option.ConnectionDriverName", "org.apache.derby.jdbc.ClientDriver");
        p.setProperty("spark.hadoop.hive.metastore.schema.verification", "false");
        Path file = home.run().resolve("analytics-local.properties");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "Campus Lake analytics, local environment (written by lake analytics)");
        }
        return file;
    }
}
