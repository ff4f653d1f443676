package org.campuslake.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.MariaDbEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import the ERP into the lake for one ingest date with Sqoop (Hadoop local mode), then validate"
            + " every landed record (MapReduce): valid ones go to raw/, rejects to quarantine/ with their reason.",
            "Full, append or lastmodified per table, as the catalog says. A rerun of a date imports the same window"
                + " and replaces the date's partitions.",
            "Exit code 4 when a table's reject ratio is above ingest.reject.ratio.max."})
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = Options.Date.class,
            description = "Ingest date: the import takes the ERP's rows up to the end of this day.")
    LocalDate date;

    @Option(names = "--table", paramLabel = "T", description = "Only this table (repeatable; default: every table of the catalog).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--skip-validation", description = "Land the data without running the validation job.")
    boolean skipValidation;

    @Option(names = "--port", paramLabel = "N", description = "Port of the local MariaDB (default: $LAKE_DB_PORT or 3307).")
    Integer port;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Import and validate with this copy of the catalog"
            + " (the tables' contract) instead of the built-in one, to try a change of a rule on a date before it is"
            + " the project's (the setting ingest.catalog).")
    Path catalog;

    @Override
    public Integer call() throws Exception {
        LakeContext ctx = new LakeContext();
        return run(ctx, ctx.localDatabase(port), date, tables, catalog, skipValidation);
    }

    /** lake import: the stage's exit code (1: some tables failed, 4: too many rejects). */
    static int run(LakeContext ctx, MariaDbEndpoint db, LocalDate date, List<String> tables, Path catalog,
                   boolean skipValidation) throws Exception {
        Path config = writeLocalConfig(ctx, db);
        List<String> args = new ArrayList<>();
        if (catalog != null) {
            if (!Files.isRegularFile(catalog)) {
                throw new IllegalArgumentException("--catalog " + catalog + ": no such file");
            }
            args.addAll(List.of("-D", "ingest.catalog=" + catalog.toAbsolutePath()));
        }
        args.addAll(List.of("--config", config.toString(), "--date", date.toString()));
        for (String t : tables) {
            args.add("--table");
            args.add(t);
        }
        if (skipValidation) {
            args.add("--skip-validation");
        }
        Path log = ctx.home.logs().resolve("import-" + date + ".log");
        ctx.err.println("Importing the ERP for " + date + " into " + ctx.home.root().resolve("lake")
                + " (Sqoop and MapReduce logs: " + log + ")");
        int rc = StageJvm.run("ingestion", "org.campuslake.ingest.IngestMain",
                List.of("-Xmx1g", "-Djava.io.tmpdir=" + ctx.home.tmp()), args, log);
        if (rc == 1) {
            ctx.err.println("lake import: some tables failed (see above and " + log + ")");
        }
        return rc;
    }

    /** The local environment's ingestion settings (env/local/ingest.properties) with this machine's facts. */
    static Path writeLocalConfig(LakeContext ctx, MariaDbEndpoint db) throws IOException {
        return LocalEnvironmentFiles.render(ctx.home, db, "ingest.properties", Map.of(),
                ctx.home.run().resolve("ingest-local.properties"));
    }
}
