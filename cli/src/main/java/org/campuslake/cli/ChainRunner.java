package org.campuslake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.campuslake.local.MariaDbEndpoint;
import org.campuslake.local.ServicesState;
import org.campuslake.oozie.run.BundleRunner;
import org.campuslake.oozie.run.LocalEnvironment;
import org.campuslake.oozie.run.RunListener;
import org.campuslake.oozie.run.RunRecord;
import org.campuslake.oozie.validate.AppValidator;
import org.campuslake.oozie.validate.Problem;

/**
 * Runs the project's Oozie bundle on this machine: deploys the built applications into the lake home (as
 * {@code lake deploy} puts them on HDFS), writes the local configuration files they name, checks them, and hands
 * them to the local runner with the local {@code job.properties} and this machine's launchers.
 */
final class ChainRunner {
    private ChainRunner() {}

    /** Nominal time of the run for data date D: the coordinators' action at D+1 00:00 processes D. */
    static ZonedDateTime nominalTime(LocalDate dataDate) {
        return dataDate.plusDays(1).atStartOfDay(ZoneOffset.UTC);
    }

    static RunRecord run(LakeContext ctx, List<LocalDate> dates, String command, RunListener listener, int maxWorkflows)
            throws Exception {
        return run(ctx, dates, command, listener, maxWorkflows, Map.of());
    }

    /** @param overrides job properties of this run only (acceptRejects=true), over the environment's */
    static RunRecord run(LakeContext ctx, List<LocalDate> dates, String command, RunListener listener, int maxWorkflows,
                         Map<String, String> overrides) throws Exception {
        return run(ctx, dates, command, listener, maxWorkflows, overrides, built());
    }

    /** @param source the applications to run: the project's build, or a copy a user changed (lake run --apps) */
    static RunRecord run(LakeContext ctx, List<LocalDate> dates, String command, RunListener listener, int maxWorkflows,
                         Map<String, String> overrides, Path source) throws Exception {
        MariaDbEndpoint db = ctx.localDatabase(null);
        ServicesState s = ctx.services.running().orElseThrow();
        ImportCommand.writeLocalConfig(ctx, db);
        AnalyticsCommand.writeLocalConfig(ctx.home, db, s.metastorePort(), "metastore");
        PseudonymSalt.ensure(ctx.home);
        Path apps = deploy(source, ctx.home.root().resolve("apps"));
        deploySchema(ctx, s, apps);

        Map<String, String> props = new LinkedHashMap<>();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(apps.resolve("env/local/job.properties"))) {
            p.load(in);
        }
        p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k)));
        props.put("lakeHome", ctx.home.root().toAbsolutePath().toString());
        props.put("dbPort", Integer.toString(db.port()));
        props.put("metastorePort", Integer.toString(s.metastorePort()));
        // The hive2 actions connect to it, as they do to HiveServer2 on a cluster (started once, then kept running).
        props.put("thriftPort", Long.toString(new ThriftService(ctx).ensureRunning(s)));
        props.putAll(overrides);

        List<ZonedDateTime> times = new ArrayList<>();
        for (LocalDate d : dates) {
            times.add(nominalTime(d));
        }
        return new BundleRunner(environment(ctx, s), props, listener, maxWorkflows)
                .run(apps.resolve("bundle/bundle.xml"), times, command);
    }

    /** What the cluster's sharelib and Spark installation give, from this build's module classpaths. */
    static LocalEnvironment environment(LakeContext ctx, ServicesState s) throws IOException {
        Path tmp = ctx.home.tmp().toAbsolutePath();
        Files.createDirectories(tmp);
        List<String> hadoopJvm = new ArrayList<>(StageJvm.OPENS);
        // Short-lived launcher JVMs (seconds of work each): C1 only and the serial collector start faster on 2 cores.
        hadoopJvm.addAll(List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + tmp));
        // A Spark JVM is also a Hadoop client: it needs both opens lists (java.net among them).
        List<String> sparkJvm = new ArrayList<>(StageJvm.OPENS);
        sparkJvm.addAll(HiveCommand.sparkJvm(ctx.home));
        // The application's lib/ brings the ingestion and KPI jars; the launchers bring what a cluster provides.
        String ingestionDeps = StageJvm.dependencies("ingestion");
        // The sharelib's mains: Sqoop through the ingestion module's Sqoop runner (Hadoop local mode), hive2 through
        // Beeline, as Oozie's Hive2Main, on the Spark Thrift Server (the job properties' hiveJdbcUrl).
        Map<String, LocalEnvironment.Launcher> launchers = Map.of(
                "java", new LocalEnvironment.Launcher(null, ingestionDeps, hadoopJvm, List.of()),
                "sqoop", new LocalEnvironment.Launcher("org.campuslake.ingest.SqoopActionMain", ingestionDeps,
                        hadoopJvm, List.of()),
                "hive2", new LocalEnvironment.Launcher("org.apache.hive.beeline.BeeLine", StageJvm.classpath("beeline"),
                        hadoopJvm, List.of()),
                "spark", new LocalEnvironment.Launcher(null, StageJvm.dependencies("spark-analytics"), sparkJvm,
                        List.of()));
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, String> hadoop = Map.of(
                "hadoop.tmp.dir", tmp.resolve("hadoop").toString(),
                "mapreduce.local.map.tasks.maximum", Integer.toString(Math.max(1, cores)),
                "mapreduce.client.completion.pollinterval", "50",
                "mapreduce.client.progressmonitor.pollinterval", "50");
        int retrySeconds = Integer.parseInt(System.getenv().getOrDefault("LAKE_RETRY_SECONDS", "5"));
        // Class-data archives of the launcher JVMs (AppCDS: see docs/oozie.md); LAKE_CDS=0 turns them off.
        Path archives = "0".equals(System.getenv("LAKE_CDS")) ? null : ctx.home.root().toAbsolutePath().resolve("cds");
        return new LocalEnvironment(ctx.home.root().toAbsolutePath(),
                Path.of(System.getProperty("java.home"), "bin", "java"), launchers, hadoop, Math.max(1, cores),
                retrySeconds, 65536, archives);
    }

    /**
     * The Hive databases, tables and views the workflows fill (010, 100, 200; all CREATE ... IF NOT EXISTS), as
     * {@code lake deploy} creates them on a cluster with Beeline: run again only when the scripts changed.
     */
    static void deploySchema(LakeContext ctx, ServicesState s, Path apps) throws Exception {
        List<String> scripts = List.of("010_raw_tables.hql", "100_curated_tables.hql", "200_analytics_views.hql");
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (String f : scripts) {
            sha.update(Files.readAllBytes(apps.resolve("hql").resolve(f)));
        }
        String digest = java.util.HexFormat.of().formatHex(sha.digest());
        Path marker = ctx.home.run().resolve("hive-schema.sha256");
        if (Files.exists(marker) && Files.readString(marker).strip().equals(digest)) {
            return;
        }
        List<String> args = new ArrayList<>();
        for (String f : scripts) {
            args.addAll(List.of("-f", apps.resolve("hql").resolve(f).toString()));
        }
        hive(ctx, s, args, "hive-schema.log", "creating the Hive databases, tables and views (010, 100, 200)");
        Files.writeString(marker, digest + "\n");
    }

    /**
     * Starts the lake over (the demo and the chain benchmark re-seed the ERP, which makes the lake's watermarks
     * meaningless): deletes the lake's files, drops the Hive databases that pointed into them (the next run
     * creates them again) and removes every published snapshot from the summary database. The ERP, the secrets
     * and the run history stay.
     */
    static void resetLake(LakeContext ctx) throws Exception {
        MariaDbEndpoint db = ctx.localDatabase(null);
        ServicesState s = ctx.services.running().orElseThrow();
        Path lake = ctx.home.root().resolve("lake");
        Path marker = ctx.home.run().resolve("hive-schema.sha256");
        // Hive tables may point into the lake whoever created them (lake run, lake hive): drop them with it.
        boolean drop = Files.exists(marker) || Files.exists(lake);
        deleteTree(lake);
        if (drop) {
            List<String> args = new ArrayList<>();
            for (String database : List.of("analytics", "curated", "raw")) {
                args.addAll(List.of("-e", "DROP DATABASE IF EXISTS " + database + " CASCADE"));
            }
            hive(ctx, s, args, "hive-reset.log", "dropping the Hive databases");
            Files.deleteIfExists(marker);
        }
        try (java.sql.Connection c = db.connect(org.campuslake.local.EmbeddedMariaDb.ADMIN_USER, "summary");
             java.sql.Statement st = c.createStatement()) {
            List<String> facts = new ArrayList<>();
            try (java.sql.ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.columns"
                    + " WHERE table_schema = 'summary' AND column_name = 'snapshot_date' AND table_name LIKE 'kpi\\_%'")) {
                while (rs.next()) {
                    facts.add(rs.getString(1));
                }
            }
            c.setAutoCommit(false);
            for (String t : facts) {
                st.executeUpdate("DELETE FROM summary." + t);
            }
            st.executeUpdate("DELETE FROM summary.snapshot");
            c.commit();
        }
    }

    private static void hive(LakeContext ctx, ServicesState s, List<String> scriptArgs, String logName, String what)
            throws Exception {
        Path log = ctx.home.logs().resolve(logName);
        ctx.err.println(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " (log: " + log + ")");
        int rc = HiveCommand.run(ctx, s, scriptArgs, Map.of(), log);
        if (rc != 0) {
            throw new IllegalStateException(what + " failed (exit code " + rc + "; see " + log + ")");
        }
    }

    /** The project's applications as the build packages them. */
    static Path built() {
        return StageJvm.repo().resolve("oozie-workflows/target/apps");
    }

    /**
     * Copies the applications ({@link #built}, or a copy of them) into {@code target}, replacing what an earlier run
     * deployed, after checking every file against the Oozie schemas and the graph rules.
     */
    static Path deploy(Path built, Path target) throws IOException {
        if (!Files.isDirectory(built.resolve("ingest/lib")) || !Files.isDirectory(built.resolve("lib"))) {
            throw new IllegalStateException(built.equals(built()) ? "the Oozie applications are not packaged ("
                    + built.resolve("ingest/lib") + " is missing): run ./lake (it builds what is missing) or mvn package"
                    : built + " does not hold a whole copy of the applications (no ingest/lib or lib/): copy all of "
                    + built());
        }
        validate(built);
        Path staging = target.resolveSibling(target.getFileName() + ".new");
        copyTree(built, staging);
        deleteTree(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Every application file against the Oozie schemas and the graph rules, as the server checks them. */
    static void validate(Path apps) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(apps)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                for (Problem pr : AppValidator.validate(f)) {
                    problems.add(pr.toString());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the applications do not validate:\n  " + String.join("\n  ", problems));
        }
    }

    /** Copies a folder's tree into {@code to}, replacing what was there. */
    static void copyTree(Path from, Path to) throws IOException {
        deleteTree(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }
}
