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
import org.campuslake.local.MariaDbEndpoint;
import org.campuslake.local.ServicesState;
import org.campuslake.oozie.run.RunRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "forget", mixinStandardHelpOptions = true,
        description = {"Erase one person from the lake (a GDPR erasure request): their records leave the landing,"
            + " raw and quarantine zones (each partition rewritten atomically), curated is rebuilt without them and"
            + " checked, and the summary rows keyed by their pseudonym are deleted in every snapshot.",
            "The person goes into the erasure register (.lake/secrets/erasures/), so no rerun, backfill or later"
                + " import brings them back, even while the ERP still holds them. lake_meta.erasures records the"
                + " erasure: kind, who, when and the counts, no identifier. Running it again for the same person"
                + " finishes an interrupted erasure and changes nothing otherwise.",
            "With --env cluster the same steps run as the forget workflow (oozie-workflows, forget/) on the cluster's"
                + " Oozie server: its register is in HDFS beside the password files."})
final class ForgetCommand implements Callable<Integer> {
    static final class Subject {
        @Option(names = "--student", paramLabel = "ID", required = true, description = "ERP students.student_id")
        Long student;

        @Option(names = "--contact", paramLabel = "ID", required = true, description = "ERP audiences.audience_id")
        Long contact;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    @Option(names = "--env", paramLabel = "ENV", defaultValue = "local",
            description = "local (default: the local lake) or cluster (the cluster of `lake cluster up`, after `lake"
                + " deploy --env cluster`: the forget workflow on its Oozie server, the same steps as local).")
    String env;

    @Option(names = "--timeout-minutes", paramLabel = "M", defaultValue = "60",
            description = "With --env cluster: kill the workflow after this long (default: ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Override
    public Integer call() throws Exception {
        String kind = subject.student != null ? "student" : "contact";
        long id = subject.student != null ? subject.student : subject.contact;
        LakeContext ctx = new LakeContext();
        if (env.equals("cluster")) {
            return cluster(ctx, kind, id);
        }
        if (!env.equals("local")) {
            throw new IllegalArgumentException("unknown environment '" + env + "' (known: local, cluster)");
        }
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

        String curatedDate = files.getProperty("curated.date", "");
        LocalDate curated = curatedDate.isEmpty() ? null : LocalDate.parse(curatedDate);
        if (curated != null) {
            ServicesState s = ctx.services.running().orElseThrow();
            Path hql = HiveCommand.hqlDir();
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

        // The summary: the same step as the cluster's forget workflow (ForgetSummary), on the local analytics settings.
        Path analytics = AnalyticsCommand.writeLocalConfig(ctx.home, db,
                ctx.services.running().map(ServicesState::metastorePort).orElse(0), "metastore");
        Path summaryOutput = ctx.home.run().resolve("forget-summary-output.properties");
        Files.deleteIfExists(summaryOutput);
        Path summaryLog = ctx.home.logs().resolve("forget-summary.log");
        List<String> args = new ArrayList<>(List.of("--config", analytics.toString(),
                "--salt-dir", PseudonymSalt.ensure(ctx.home).toString(), "--" + kind, Long.toString(id),
                "--rows-landing", Long.toString(landing), "--rows-raw", Long.toString(raw),
                "--rows-quarantine", Long.toString(quarantine), "--requested-by", System.getProperty("user.name")));
        if (curated != null) {
            args.addAll(List.of("--curated-as-of", curated.toString()));
        }
        int src = StageJvm.run("ingestion", "org.campuslake.ingest.erase.ForgetSummary",
                List.of("-Xmx256m", "-Doozie.action.output.properties=" + summaryOutput), args, summaryLog);
        if (src != 0) {
            ctx.out.println("lake forget: erasing the summary rows failed (exit " + src + "); see " + summaryLog
                    + ". The lake's files and curated are erased; run the same command again.");
            return 1;
        }
        return 0;
    }

    /** The forget workflow on the cluster's Oozie server: the same steps, as actions (oozie-workflows, forget/). */
    private int cluster(LakeContext ctx, String kind, long id) throws Exception {
        ClusterEnv cluster = ClusterEnv.load(ctx);
        RunRecord r = cluster.forget(ctx, kind, id, timeoutMinutes);
        RunRecord.CoordAction wf = r.actions.get(0);
        if (!r.status.equals("SUCCEEDED")) {
            ctx.out.println("lake forget: the forget workflow " + wf.workflowId + " ended " + wf.status
                    + (wf.error == null ? "" : ": " + wf.error) + "\nThe person is in the register as far as it got:"
                    + " run the same command again once the cause is fixed (lake runs " + r.id + ").");
            return 1;
        }
        Map<String, Map<String, String>> data = cluster.actionData(wf.workflowId);
        Map<String, String> files = data.getOrDefault("erase-files", Map.of());
        Map<String, String> summary = data.getOrDefault("erase-summary", Map.of());
        ctx.out.printf("Erased from the cluster lake's files: %s landing, %s raw, %s quarantined record(s)%n",
                files.get("rows.landing"), files.get("rows.raw"), files.get("rows.quarantine"));
        String curated = files.getOrDefault("curated.date", "");
        ctx.out.println(curated.isEmpty() ? "Curated: nothing curated yet"
                : "Curated: rebuilt as of " + curated + "; no curated table holds their pseudonymous key");
        ctx.out.printf("Summary: %s row(s) keyed by their pseudonym deleted, every snapshot%n", summary.get("rows.summary"));
        ctx.out.println("Recorded as lake_meta.erasures #" + summary.get("erasure.id") + " on the cluster (no identifier);"
                + " run " + r.id + " in lake runs");
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
}
