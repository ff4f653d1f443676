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
                + " cost of a 10-row table."})
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WHAT", description = "What to benchmark: ingest.")
    String what;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000", description = "Rows of the big table (default: ${DEFAULT-VALUE}).")
    long rows;

    @Override
    public Integer call() throws Exception {
        if (!"ingest".equals(what)) {
            throw new IllegalArgumentException("unknown benchmark '" + what + "' (available: ingest)");
        }
        LakeContext ctx = new LakeContext();
        MariaDbEndpoint db = ctx.localDatabase(null);
        Path config = ImportCommand.writeLocalConfig(ctx, db);
        Path log = ctx.home.logs().resolve("bench-ingest.log");
        ctx.err.println("Benchmark logs: " + log);
        return StageJvm.run("ingestion", "org.campuslake.ingest.IngestBenchmark",
                List.of("-Xmx1g", "-Djava.io.tmpdir=" + ctx.home.tmp()),
                List.of("--config", config.toString(), "--admin-user", EmbeddedMariaDb.ADMIN_USER,
                        "--admin-password-file", db.passwordFile(EmbeddedMariaDb.ADMIN_USER).toString(),
                        "--rows", Long.toString(rows)), log);
    }
}
