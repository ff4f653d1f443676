package org.campuslake.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = {"List the quarantined rows of the local lake by table, ingest date and reason, with samples"
            + " (the key and the offending value; the whole records stay in the quarantine files).",
            "What each reason means: docs/ingestion.md; what to do about it: docs/operations.md."})
final class QuarantineCommand implements Callable<Integer> {
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Options.Date.class,
            description = "Only this ingest date (default: every date).")
    LocalDate date;

    @Option(names = "--table", paramLabel = "T", description = "Only this table (repeatable; default: every table).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--samples", paramLabel = "N", defaultValue = "3", description = "Samples per reason (default: 3).")
    int samples;

    @Override
    public Integer call() throws Exception {
        LakeContext ctx = new LakeContext();
        // The lake's files only: no database needed.
        Path lake = ctx.home.root().resolve("lake").toAbsolutePath();
        List<String> args = new ArrayList<>(List.of("--lake-root", lake.toUri().toString(), "--samples",
                Integer.toString(samples)));
        if (date != null) {
            args.addAll(List.of("--date", date.toString()));
        }
        for (String t : tables) {
            args.addAll(List.of("--table", t));
        }
        return StageJvm.runInteractive("ingestion", "org.campuslake.ingest.validate.QuarantineReport",
                List.of("-Xmx512m"), args);
    }
}
