package org.campuslake.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.MariaDbEndpoint;
import org.campuslake.local.ServicesState;
import org.campuslake.seed.SummaryErasure;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "forget", mixinStandardHelpOptions = true,
        description = {"Erase one person from the local lake (a GDPR erasure request): their records leave the landing,"
            + " raw and quarantine zones (each partition rewritten atomically), curated is rebuilt without them and"
            + " checked, and the summary rows keyed by their pseudonym are deleted in every snapshot.",
            "The person goes into the erasure register (.lake/secrets/erasures/), so no rerun, backfill or later"
                + " import brings them back, even while the ERP still holds them. lake_meta.erasures records the"
                + " erasure: kind, who, when and the counts, no identifier. Running it again for the same person"
                + " finishes an interrupted erasure and changes nothing otherwise."})
final class ForgetCommand implements Callable<Integer> {
    static final class Subject {
        @Option(names = "--student", paramLabel = "ID", required = true, description = "ERP students.student_id")
        Long student;

        @Option(names = "--contact", paramLabel = "ID", required = true, description = "ERP audiences.audience_id")
        Long contact;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    @Override
    public Integer call() throws Exception {
        String kind = subject.student != null ? "student" : "contact";
        long id = subject.student != null ? subject.student : subject.contact;
        LakeContext ctx = new LakeContext();
        MariaDbEndpoint db = ctx.localDatabase(null);
        Path config = ImportCommand.writeLocalConfig(ctx, db);
        Path output = ctx.home.run().resolve("forget-output.properties");
        Files.deleteIfExists(output);
        Path log = ctx.home.logs().resolve("forget.log");
        ctx.err.println("Erasing the " + kind + " from the lake's files (log: " + log + ")");
        int rc = StageJvm.run("ingestion", "org.campuslake.ingest.erase.ForgetMain",
                List.of("-Xmx1g", "-Djava.io.tmpdir=" + ctx.home.tmp(), "-Doozie.action.output.properties=" + output),
                List.of("--config", config.toString(), "--" + kind, Long.toString(id)), log);
        if (rc != 0 || !Files.exists(output)) {
            ctx.out.println("lake forget: erasing the lake's files failed (exit " + rc + "); see " + log
                    + ". The person is in the register as far as it got: run the same command again.");
            return 1;
        }
        Properties files = new Properties();
        try (var in = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            files.load(in);
        }
        long landing = Long.parseLong(files.getProperty("rows.landing"));
        long raw = Long.parseLong(files.getProperty("rows.raw"));
        long quarantine = Long.parseLong(files.getProperty("rows.quarantine"));

        LocalDate curated = latestReadyDate(ctx.home.root().resolve("lake/raw/erp/students"));
        if (curated != null) {
            ServicesState s = ctx.services.running().orElseThrow();
            Path hql = StageJvm.repo().resolve("hive-ddl/src/main/hql");
            List<String> scripts = new ArrayList<>();
            for (String f : List.of("010_raw_tables.hql", "020_raw_partitions.hql", "100_curated_tables.hql",
                    "110_curated_build.hql", "900_forget_check.hql")) {
                scripts.add("-f");
                scripts.add(hql.resolve(f).toString());
            }
            Path hiveLog = ctx.home.logs().resolve("forget-curated.log");
            ctx.err.println("Rebuilding curated as of " + curated + " without them, then checking every curated table"
                    + " (log: " + hiveLog + ")");
            Files.deleteIfExists(hiveLog);
            int hrc = StageJvm.runLogged(HiveCommand.command(ctx, s, scripts, Map.of("ingest_date", curated.toString(),
                    "kind", kind, "subject_id", Long.toString(id))), hiveLog);
            if (hrc != 0) {
                ctx.out.println("lake forget: the curated rebuild or its check failed (exit " + hrc + "): "
                        + lastLine(hiveLog) + "\nSee " + hiveLog + ". The lake's files are erased; run the same"
                        + " command again once the cause is fixed.");
                return 1;
            }
            ctx.out.println("Curated: rebuilt as of " + curated + "; no curated table holds their pseudonymous key");
        }

        String salt = Files.readString(PseudonymSalt.ensure(ctx.home).resolve("salt.txt"), StandardCharsets.UTF_8).strip();
        String pseudonym = SummaryErasure.pseudonym(salt, kind, id);
        long summary;
        try (var c = db.connect(EmbeddedMariaDb.ADMIN_USER, "summary")) {
            summary = SummaryErasure.erase(c, kind, pseudonym);
            long left = SummaryErasure.count(c, kind, pseudonym);
            if (left != 0) {
                ctx.out.println("lake forget: " + left + " summary row(s) still keyed by them after the delete");
                return 1;
            }
            long erasure = SummaryErasure.record(c, kind, System.getProperty("user.name"), landing, raw, quarantine,
                    summary, curated);
            ctx.out.printf("Summary: %d row(s) keyed by their pseudonym deleted, every snapshot%n", summary);
            ctx.out.println("Recorded as lake_meta.erasures #" + erasure + " (no identifier). Later imports, reruns and"
                    + " backfills leave them out.");
        }
        return 0;
    }

    private static String lastLine(Path log) throws java.io.IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("hive:") || lines.get(i).matches("\\S+\\.hql:\\d+: .*")) { // HiveMain's error
                return lines.get(i).strip();
            }
        }
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }

    /** The newest ingest date whose raw partition is ready: what curated was last built from. */
    static LocalDate latestReadyDate(Path rawTable) throws java.io.IOException {
        if (!Files.isDirectory(rawTable)) {
            return null;
        }
        try (Stream<Path> s = Files.list(rawTable)) {
            return s.filter(p -> p.getFileName().toString().startsWith("ingest_date=") && Files.exists(p.resolve("_SUCCESS")))
                    .map(p -> LocalDate.parse(p.getFileName().toString().substring("ingest_date=".length())))
                    .max(LocalDate::compareTo).orElse(null);
        }
    }
}
