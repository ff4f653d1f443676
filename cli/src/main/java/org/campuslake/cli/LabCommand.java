package org.campuslake.cli;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.campuslake.labs.Finding;
import org.campuslake.labs.Lab;
import org.campuslake.labs.LabLake;
import org.campuslake.labs.Labs;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.MariaDbEndpoint;
import org.campuslake.oozie.run.RunRecord;
import org.campuslake.seed.ErpAdvancer;
import org.campuslake.seed.ErpSeeder;
import org.campuslake.seed.SimulationInfo;
import org.campuslake.seed.gen.GeneratorConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"The classroom labs (docs/labs/): list them, put the lake in a lab's starting state, and check"
            + " a student's result from the lake itself."},
        subcommands = {LabCommand.ListLabs.class, LabCommand.Start.class, LabCommand.Check.class})
final class LabCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What start and check both take: the lab, and which lake. */
    static final class Args {
        @Parameters(paramLabel = "N", description = "The lab's number.")
        int number;

        @CommandLine.Option(names = "--env", paramLabel = "local|cluster", defaultValue = "local",
                description = "The lake: local (default) or cluster (the cluster on this machine, lake cluster up).")
        String env;

        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec spec;

        Lab lab() {
            return Labs.get(number).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "no lab " + number + "; the labs are " + Labs.ALL.stream().map(l -> String.valueOf(l.number())).toList()
                            + " (lake lab list)"));
        }

        boolean cluster() {
            if (!env.equals("local") && !env.equals("cluster")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--env is local or cluster, not '" + env + "'");
            }
            return env.equals("cluster");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The labs, in their order.")
    static final class ListLabs implements Callable<Integer> {
        @Override
        public Integer call() {
            LakeContext ctx = new LakeContext();
            for (Lab l : Labs.ALL) {
                ctx.out.printf(Locale.ROOT, "  %d  %-45s %3d min   %s%n", l.number(), l.title(), l.minutes(), l.sheet());
            }
            ctx.out.println("Start one with: ./lake lab start N; check your work with: ./lake lab check N");
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Puts the local lake in the lab's starting state: the services, an ERP (the default seed"
                + " when it is empty), a first date through the chain when none was run, and none of this lab's"
                + " earlier work. Running it again is safe; what is already there is kept."})
    static final class Start implements Callable<Integer> {
        @CommandLine.Mixin
        Args args;

        @Override
        public Integer call() throws Exception {
            Lab lab = args.lab();
            LakeContext ctx = new LakeContext();
            if (args.cluster()) {
                refuseOnCluster(lab);
                ClusterLab lake = new ClusterLab(ClusterEnv.load(ctx));
                int published = snapshots(lake.env.connect("summary")).size();
                if (published < lab.datesNeeded()) {
                    throw new IllegalStateException("lab " + lab.number() + " needs " + lab.datesNeeded() + " dates"
                            + " through the chain and the cluster's lake has " + published + ": run them first (sudo"
                            + " ./lake demo --cluster --days " + (lab.datesNeeded() - 1) + "), then start the lab again");
                }
                lab.reset(lake);
                ready(ctx, lab, lake, "sudo ./lake cluster exec -- edge etl beeline -u jdbc:hive2://master:10000/default"
                        + " -n etl --hivevar lake_root=" + lake.lakeRoot());
                return 0;
            }
            LocalLab lake = LocalLab.open(ctx);
            if (lab.needs().contains(Lab.Need.SEEDED_ERP) || lab.datesNeeded() > 0) {
                LocalDate clock = seededClock(ctx, lake.db);
                List<LocalDate> published = snapshots(lake.db.connect(EmbeddedMariaDb.ETL_USER, "summary"));
                while (published.size() < lab.datesNeeded()) {
                    // The next date after the newest published one; the ERP lives that day first if it has not yet.
                    LocalDate next = published.isEmpty() ? clock : published.get(published.size() - 1).plusDays(1);
                    if (clock.isBefore(next)) {
                        ErpAdvancer.Report a = new ErpAdvancer(ctx.erpDatabase(null), new ConsoleProgress()).advance(next);
                        ctx.err.printf("Lab %d needs %d dates: the ERP lived %s (%,d rows inserted, %,d updated)%n",
                                lab.number(), lab.datesNeeded(), next, a.inserted(), a.updated());
                        clock = next;
                    }
                    ctx.err.println("Running the chain for " + next + " (about 2 minutes)");
                    RunRecord r = ChainRunner.run(ctx, List.of(next), "lab start " + lab.number(), new ChainProgress(ctx.err), 1);
                    if (!r.status.equals("SUCCEEDED")) {
                        throw new IllegalStateException("the chain for " + next + " ended " + r.status + " (./lake runs "
                                + r.id + " says why); lab " + lab.number() + " needs " + lab.datesNeeded() + " dates through it");
                    }
                    published = snapshots(lake.db.connect(EmbeddedMariaDb.ETL_USER, "summary"));
                }
            }
            lab.reset(lake);
            ready(ctx, lab, lake, "./lake beeline (it sets ${lake_root})");
            return 0;
        }

        private static void ready(LakeContext ctx, Lab lab, LabLake lake, String beeline) {
            ctx.out.println("Lab " + lab.number() + " (" + lab.title() + ") is ready: follow " + lab.sheet() + ".");
            ctx.out.println("  The lake's root, for Hive's LOCATION: " + lake.lakeRoot());
            ctx.out.println("  Beeline: " + beeline);
            ctx.out.println("  When you are done: ./lake lab check " + lab.number()
                    + (lake.kind().equals("cluster") ? " --env cluster" : ""));
        }

        /** The ERP's clock, seeding the default ERP when it has none (an ERP that is there is kept). */
        private static LocalDate seededClock(LakeContext ctx, MariaDbEndpoint db) throws Exception {
            Optional<SimulationInfo> info;
            try (Connection c = db.connect(EmbeddedMariaDb.ETL_USER, "erp")) {
                info = SimulationInfo.read(c);
            }
            if (info.isPresent()) {
                return info.get().clock();
            }
            ctx.err.println("The ERP is empty: seeding the default one (scale 0.01, seed " + GeneratorConfig.DEFAULT_SEED + ")");
            GeneratorConfig cfg = new GeneratorConfig(0.01, GeneratorConfig.DEFAULT_SEED, GeneratorConfig.DEFAULT_START);
            ErpSeeder.Report seeded = new ErpSeeder(extra -> db.connect(EmbeddedMariaDb.ETL_USER, null, extra),
                    ctx.home.tmp(), new ConsoleProgress()).seed(cfg, false);
            SeedCommand.print(ctx, seeded);
            // A new ERP makes the lake's watermarks meaningless: the lake starts over, as lake demo does.
            ChainRunner.resetLake(ctx);
            return seeded.clock();
        }

        /** The published snapshot dates, oldest first. */
        private static List<LocalDate> snapshots(Connection summary) throws SQLException {
            List<LocalDate> out = new java.util.ArrayList<>();
            try (Connection c = summary; Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT snapshot_date FROM snapshot ORDER BY snapshot_date")) {
                while (rs.next()) {
                    out.add(rs.getObject(1, LocalDate.class));
                }
            }
            return out;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks the lab's result from the real lake (tables, partitions, files, runs) and says what"
                + " is missing or wrong, with a hint. Exit code 0 when everything is done, 1 otherwise."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Mixin
        Args args;

        @Override
        public Integer call() throws Exception {
            Lab lab = args.lab();
            LakeContext ctx = new LakeContext();
            if (args.cluster()) {
                refuseOnCluster(lab);
            }
            LabLake lake = args.cluster() ? new ClusterLab(ClusterEnv.load(ctx)) : LocalLab.open(ctx);
            List<Finding> findings = lab.check(lake);
            long done = findings.stream().filter(Finding::done).count();
            ctx.out.println("Lab " + lab.number() + ", " + lab.title() + ":");
            for (Finding f : findings) {
                ctx.out.println((f.done() ? "  done     " : "  not yet  ") + f.what());
                if (!f.done()) {
                    ctx.out.println("           hint: " + f.hint());
                }
            }
            boolean all = done == findings.size();
            ctx.out.println(all ? "Lab " + lab.number() + " is done." : "Lab " + lab.number() + ": " + done + " of "
                    + findings.size() + " checks done so far; the first 'not yet' is the next step.");
            return all ? 0 : 1;
        }
    }

    static void refuseOnCluster(Lab lab) {
        if (lab.notOnCluster() != null) {
            throw new IllegalArgumentException("lab " + lab.number() + " does not run on the cluster on this machine: "
                    + lab.notOnCluster());
        }
    }

    /** The cluster on this machine, as a lab sees it: Beeline on its HiveServer2 as etl, the lake in its HDFS. */
    static final class ClusterLab implements LabLake {
        final ClusterEnv env;

        private final String root;

        ClusterLab(ClusterEnv env) throws IOException {
            this.env = env;
            this.root = ClusterEnv.jobProperties().get("nameNode") + "/lake";
        }

        @Override
        public String kind() {
            return "cluster";
        }

        @Override
        public String lakeRoot() {
            return root;
        }

        @Override
        public Map<String, List<String>> hive(Map<String, String> statements) throws HiveException {
            return LocalLab.beeline(env.hiveJdbcUrl(), "etl", statements);
        }

        @Override
        public List<String> summary(String sql) throws SQLException {
            return LocalLab.rows(env.connect("summary"), sql);
        }

        @Override
        public List<String> erp(String sql) throws SQLException {
            return LocalLab.rows(env.connect("erp"), sql);
        }

        // The labs that read files or saved Sqoop jobs (lab 1) say notOnCluster: start and check refuse them first.
        @Override
        public Map<String, List<String>> files(String dir) {
            throw new UnsupportedOperationException("files of the user's HDFS home");
        }

        @Override
        public void delete(String dir) {
            throw new UnsupportedOperationException("files of the user's HDFS home");
        }

        @Override
        public Map<String, List<String>> lakeFiles(String dir) {
            throw new UnsupportedOperationException("files of the lake's HDFS");
        }

        @Override
        public void write(String file, String text) {
            throw new UnsupportedOperationException("files of the user's HDFS home");
        }

        @Override
        public int erpUpdate(String sql) throws SQLException {
            return LocalLab.update(env.connect("erp"), sql);
        }

        @Override
        public void reimport(String table, String date) {
            throw new UnsupportedOperationException("lake import");
        }

        @Override
        public java.nio.file.Path project() {
            return StageJvm.repo();
        }

        @Override
        public Map<String, String> sqoopJob(String name) {
            throw new UnsupportedOperationException("saved Sqoop jobs");
        }

        @Override
        public void deleteSqoopJob(String name) {
            throw new UnsupportedOperationException("saved Sqoop jobs");
        }

        @Override
        public void erpAdvance(String date) {
            throw new UnsupportedOperationException("lake erp advance on the cluster's ERP");
        }

        @Override
        public List<RunRecord> runs() {
            throw new UnsupportedOperationException("the run history of a lab on the cluster");
        }

        @Override
        public void copyApps(String dir) {
            throw new UnsupportedOperationException("a copy of the applications in the user's HDFS home");
        }

        @Override
        public List<String> validateApps(String dir) {
            throw new UnsupportedOperationException("a copy of the applications in the user's HDFS home");
        }
    }

    /** The local lake, as a lab sees it: Beeline on the local Spark Thrift Server, the lake under .lake/lake. */
    static final class LocalLab implements LabLake {
        final MariaDbEndpoint db;
        private final LakeContext ctx;
        private final String url;
        private final String root;

        private LocalLab(LakeContext ctx, MariaDbEndpoint db, String url, String root) {
            this.ctx = ctx;
            this.db = db;
            this.url = url;
            this.root = root;
        }

        static LocalLab open(LakeContext ctx) throws Exception {
            MariaDbEndpoint db = ctx.localDatabase(null);
            long port = new ThriftService(ctx).ensureRunning(ctx.services.running().orElseThrow());
            return new LocalLab(ctx, db, ThriftService.jdbcUrl(port), HiveCommand.lakeRoot(ctx));
        }

        @Override
        public List<String> erp(String sql) throws SQLException {
            return rows(db.connect(EmbeddedMariaDb.ETL_USER, "erp"), sql);
        }

        @Override
        public Map<String, List<String>> files(String dir) throws IOException {
            return dataFiles(SqoopCommand.homeDir(ctx).resolve(dir));
        }

        @Override
        public Map<String, List<String>> lakeFiles(String dir) throws IOException {
            return dataFiles(ctx.home.root().resolve("lake").resolve(dir));
        }

        @Override
        public void write(String file, String text) throws IOException {
            java.nio.file.Path f = SqoopCommand.homeDir(ctx).resolve(file);
            java.nio.file.Files.createDirectories(f.getParent());
            java.nio.file.Files.writeString(f, text);
        }

        @Override
        public int erpUpdate(String sql) throws SQLException {
            return update(db.connect(EmbeddedMariaDb.ETL_USER, "erp"), sql);
        }

        @Override
        public void reimport(String table, String date) throws Exception {
            int rc = ImportCommand.run(ctx, db, LocalDate.parse(date), List.of(table), null, false);
            if (rc != 0) {
                throw new IllegalStateException("the import of erp." + table + " for " + date + " ended with exit code "
                        + rc + " (see " + ctx.home.logs().resolve("import-" + date + ".log") + ")");
            }
        }

        @Override
        public java.nio.file.Path project() {
            return StageJvm.repo();
        }

        static int update(Connection connection, String sql) throws SQLException {
            try (Connection c = connection; Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        }

        private static Map<String, List<String>> dataFiles(java.nio.file.Path folder) throws IOException {
            Map<String, List<String>> out = new java.util.TreeMap<>();
            if (!java.nio.file.Files.isDirectory(folder)) {
                return out;
            }
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
                for (java.nio.file.Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (java.nio.file.Files.isRegularFile(f) && !name.startsWith("_") && !name.startsWith(".")) {
                        out.put(name, java.nio.file.Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
            return out;
        }

        @Override
        public void delete(String dir) throws IOException {
            ChainRunner.deleteTree(SqoopCommand.homeDir(ctx).resolve(dir));
        }

        @Override
        public Map<String, String> sqoopJob(String name) throws Exception {
            return SqoopCommand.savedJob(ctx, name);
        }

        @Override
        public void deleteSqoopJob(String name) throws Exception {
            if (!sqoopJob(name).isEmpty()) {
                List<String> delete = List.of("job", "--delete", name);
                SqoopCommand.capture(ctx, delete).orFail(delete, ctx);
            }
        }

        @Override
        public void erpAdvance(String date) throws Exception {
            ErpAdvancer.Report a = new ErpAdvancer(ctx.erpDatabase(null), new ConsoleProgress()).advance(LocalDate.parse(date));
            if (a.inserted() + a.updated() > 0) {
                ctx.err.printf("The ERP lived up to %s (%,d rows inserted, %,d updated)%n", date, a.inserted(), a.updated());
            }
        }

        @Override
        public void copyApps(String dir) throws IOException {
            ChainRunner.copyTree(ChainRunner.built(), SqoopCommand.homeDir(ctx).resolve(dir));
        }

        @Override
        public List<String> validateApps(String dir) throws IOException {
            return ValidateCommand.problems(SqoopCommand.homeDir(ctx).resolve(dir));
        }

        @Override
        public List<RunRecord> runs() throws IOException {
            List<RunRecord> newestFirst = new org.campuslake.oozie.run.RunHistory(ctx.home.root()).list();
            java.util.Collections.reverse(newestFirst);
            return newestFirst;
        }

        @Override
        public String kind() {
            return "local";
        }

        @Override
        public String lakeRoot() {
            return root;
        }

        @Override
        public Map<String, List<String>> hive(Map<String, String> statements) throws HiveException {
            return beeline(url, System.getProperty("user.name"), statements);
        }

        @Override
        public List<String> summary(String sql) throws SQLException {
            return rows(db.connect(EmbeddedMariaDb.BI_USER, "summary"), sql);
        }

        static List<String> rows(Connection connection, String sql) throws SQLException {
            List<String> out = new java.util.ArrayList<>();
            try (Connection c = connection; Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(i > 1 ? "\t" : "").append(rs.getString(i) == null ? "NULL" : rs.getString(i));
                    }
                    out.add(row.toString());
                }
            }
            return out;
        }

        static Map<String, List<String>> beeline(String url, String user, Map<String, String> statements)
                throws HiveException {
            try {
                return BeelineQuery.results(url, user, statements);
            } catch (IOException e) {
                throw new HiveException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HiveException("interrupted", e);
            }
        }
    }
}
