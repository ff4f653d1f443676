package org.campuslake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The `./lake` launcher as a user runs it: real processes, a real background MariaDB, exit codes and messages. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LakeCommandIT {
    private static LakeProcess lake;
    private static Path home;
    private static int port;

    @BeforeAll
    static void setUp() throws IOException {
        lake = new LakeProcess("it-home");
        home = lake.home;
        port = lake.port;
    }

    @AfterAll
    static void tearDown() throws Exception {
        lake("down");
    }

    static LakeProcess.Run lake(String... args) throws IOException, InterruptedException {
        return lake.run(300, args);
    }

    private static String password() throws IOException {
        return Files.readString(home.resolve("secrets/etl.password"), StandardCharsets.UTF_8).strip();
    }

    @Test
    @Order(1)
    void helpOnEveryCommandAndStatusWhenStopped() throws Exception {
        for (String[] args : new String[][] {{"--help"}, {"up", "--help"}, {"down", "--help"}, {"status", "--help"},
            {"seed", "--help"}, {"erp", "advance", "--help"}, {"demo", "--help"}, {"import", "--help"},
            {"bench", "--help"}, {"hive", "--help"}, {"beeline", "--help"}, {"analytics", "--help"},
            {"bi", "pbids", "--help"}, {"validate", "--help"}, {"run", "--help"}, {"runs", "--help"},
            {"deploy", "--help"}}) {
            LakeProcess.Run r = lake(args);
            assertThat(r.exit()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).contains("Usage: lake");
        }
        LakeProcess.Run status = lake("status");
        assertThat(status.exit()).isEqualTo(3);
        assertThat(status.out()).contains("not running");
    }

    @Test
    @Order(2)
    void badArgumentsGiveOneClearLineAndExitTwoWithoutStartingAnything() throws Exception {
        String[][] cases = {
            {"seed", "--scale", "0"}, {"seed", "--scale", "-1"}, {"seed", "--scale", "abc"},
            {"seed", "--start", "2025-02-30"}, {"erp", "advance", "--to", "tomorrow"}, {"erp", "advance"},
            {"seed", "--force", "--if-empty"}, {"deploy"}, {"deploy", "--env", "prod"}, {"nonsense"}};
        for (String[] args : cases) {
            LakeProcess.Run r = lake(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(String.join(" ", args) + ": " + r.err()).hasSize(1);
            assertThat(r.err()).startsWith("lake");
        }
        assertThat(lake("seed", "--scale", "0").err()).contains("scale factor must be a number > 0");
        assertThat(lake("seed", "--start", "2025-02-30").err()).contains("not a valid date (expected YYYY-MM-DD)");
        assertThat(lake("deploy", "--env", "prod").err()).contains("unknown environment 'prod' (known: vagrant, cluster)");
        assertThat(lake("status").exit()).isEqualTo(3);

        // The cluster deploy, as a dry run: every command printed, nothing run (there is no VM here).
        LakeProcess.Run deploy = lake("deploy", "--env", "vagrant", "--dry-run");
        assertThat(deploy.exit()).as(deploy.out() + deploy.err()).isZero();
        assertThat(deploy.out()).contains("+ mvn -B -q").contains("--if-empty --db-url jdbc:mysql://127.0.0.1:13306/")
                .contains("vagrant ssh edge").contains("hdfs dfs -chmod 0400 /user/etl/secrets/etl.password")
                .contains("/env/vagrant/job.properties -run");
        // The cluster on this machine: the same on-cluster.sh with its own environment, and no schedule submitted.
        LakeProcess.Run local = lake("deploy", "--env", "cluster", "--dry-run");
        assertThat(local.exit()).as(local.out() + local.err()).isZero();
        assertThat(local.out() + local.err()).contains("/env/cluster/ingest.properties")
                .contains("hdfs dfs -chmod 0400 /user/etl/secrets/etl.password").contains("no bundle submitted")
                .doesNotContain("-run");

        // The Oozie applications: the project's own validate; a broken one is reported as file:line:col.
        LakeProcess.Run valid = lake("validate");
        assertThat(valid.exit()).as(valid.out() + valid.err()).isZero();
        assertThat(valid.out()).contains("OK    ").contains("ingest/workflow.xml").contains("all valid");
        Path broken = LakeProcess.LAKE.getParent().resolve("oozie-workflows/src/test/resources/invalid/bad-target.xml");
        LakeProcess.Run invalid = lake("validate", broken.toString());
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.out()).contains(broken + ":25:20: action 'import-b' goes to unknown node 'chek'");
    }

    @Test
    @Order(3)
    void upPrintsConnectionDetailsButNeverThePassword() throws Exception {
        LakeProcess.Run up = lake("up", "--no-thrift");
        assertThat(up.exit()).as(up.err()).isZero();
        assertThat(up.err()).contains("Starting local services");
        assertThat(up.out()).contains("jdbc:mysql://127.0.0.1:" + port + "/summary").contains("user       etl")
                .contains(home.resolve("secrets/etl.password").toString());
        String password = password();
        assertThat(up.out() + up.err()).doesNotContain(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secrets/etl.password"))))
                .isEqualTo("r--------");
        // No password on any command line: not the daemon's, not the database server's.
        for (ProcessHandle ph : ProcessHandle.allProcesses().toList()) {
            String line = ph.info().commandLine().orElse("");
            assertThat(line).doesNotContain(password);
        }
        LakeProcess.Run again = lake("up", "--no-thrift");
        assertThat(again.exit()).isZero();
        assertThat(again.err()).doesNotContain("Starting local services");
    }

    @Test
    @Order(4)
    void seedAdvanceAndTheirRefusals() throws Exception {
        LakeProcess.Run seed = lake("seed", "--scale", "0.01");
        assertThat(seed.exit()).as(seed.err()).isZero();
        assertThat(seed.out()).contains("Seeded the ERP (scale 0.01, seed 42").contains("erp.attendances");
        LakeProcess.Run again = lake("seed");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("lake seed: the ERP is already seeded (scale 0.01, seed 42, clock"
                + " 2026-08-31); use --force to replace it");

        LakeProcess.Run ifEmpty = lake("seed", "--if-empty");
        assertThat(ifEmpty.exit()).as(ifEmpty.err()).isZero();
        assertThat(ifEmpty.out()).contains("The ERP is already seeded (scale 0.01, seed 42, clock 2026-08-31): kept.");

        LakeProcess.Run adv = lake("erp", "advance", "--to", "2026-09-02");
        assertThat(adv.exit()).as(adv.err()).isZero();
        assertThat(adv.out()).contains("Advanced the ERP 2026-09-01 to 2026-09-02 (2 days)");
        LakeProcess.Run noop = lake("erp", "advance", "--to", "2026-09-01");
        assertThat(noop.exit()).isZero();
        assertThat(noop.out()).contains("already at 2026-09-02; nothing to do");
    }

    @Test
    @Order(5)
    void importLandsAndValidatesTheDayAndSaysWhatItDid() throws Exception {
        // The grades and lessons, and the tables they refer to (validation checks the references against them).
        LakeProcess.Run r = lake("import", "--date", "2026-09-02", "--table", "campuses", "--table", "subjects",
                "--table", "professors", "--table", "students", "--table", "grades", "--table", "lessons");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("erp.grades").contains("imported").contains("validated").contains("0 failed");
        assertThat(home.resolve("lake/raw/erp/grades/ingest_date=2026-09-02/_SUCCESS")).exists();
        assertThat(home.resolve("lake/state/ingest/erp/lessons/ingest_date=2026-09-02.properties")).exists();
        // Framework logs go to the log file, not the terminal; no password anywhere in them.
        Path log = home.resolve("logs/import-2026-09-02.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).contains("Sqoop").doesNotContain(password());
        assertThat(r.out()).doesNotContain("INFO");

        LakeProcess.Run quarantine = lake("quarantine", "--date", "2026-09-02");
        assertThat(quarantine.exit()).as(quarantine.out() + quarantine.err()).isZero();
        assertThat(quarantine.out()).contains("No quarantined rows in ").contains("ingest date 2026-09-02");

        LakeProcess.Run unknown = lake("import", "--date", "2026-09-02", "--table", "nope");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.out()).contains("unknown table 'nope'");
        assertThat(lake("import", "--date", "2026-13-01").exit()).isEqualTo(2);
    }

    @Test
    @Order(6)
    void analystsQueryCuratedTablesWithBeelineAndJdbc() throws Exception {
        Path hql = LakeProcess.LAKE.getParent().resolve("hive-ddl/src/main/hql");
        LakeProcess.Run hive = lake("hive", "-f", hql.resolve("010_raw_tables.hql").toString(), "-f", hql.resolve("020_raw_partitions.hql").toString(),
                "-f", hql.resolve("100_curated_tables.hql").toString(), "-f", hql.resolve("110_curated_build.hql").toString(),
                "-f", hql.resolve("200_analytics_views.hql").toString(), "--hivevar", "ingest_date=2026-09-02");
        assertThat(hive.exit()).as(hive.out() + hive.err()).isZero();
        LakeProcess.Run undefined = lake("hive", "-e", "SELECT '${hivevar:nope}'");
        assertThat(undefined.exit()).isEqualTo(2);
        assertThat(undefined.out()).contains("undefined variable(s) [nope]");

        LakeProcess.Run beeline = lake("beeline", "-e", "SELECT COUNT(*) AS grades FROM curated.grades");
        assertThat(beeline.exit()).as(beeline.out() + beeline.err()).isZero();
        assertThat(beeline.out()).contains("| grades").containsPattern("\\| +\\d+ +\\|");
        LakeProcess.Run bad = lake("beeline", "-e", "SELECT no_such_column FROM curated.grades");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.out() + bad.err()).contains("no_such_column").doesNotContain("\tat org.apache");

        // A JDBC client (as a BI tool) through the same Thrift server.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:hive2://127.0.0.1:" + lake.thriftPort + "/default",
                System.getProperty("user.name"), "");
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) AS n, COUNT(DISTINCT grade_id) AS k FROM curated.grades")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isPositive().isEqualTo(rs.getLong(2));
        }
        assertThat(lake("status").out()).contains("Spark Thrift Server: running on 127.0.0.1:" + lake.thriftPort);
    }

    @Test
    @Order(7)
    void kpisArePublishedAndPowerBiGetsAConnectionFile() throws Exception {
        LakeProcess.Run analytics = lake("analytics", "--date", "2026-09-02");
        assertThat(analytics.exit()).as(analytics.out() + analytics.err()).isZero();
        assertThat(analytics.out()).contains("published snapshot 2026-09-02: 13 KPI tables").contains("kpi_student");
        assertThat(lake("analytics", "--date", "2026-09-02", "--source", "hdfs").exit()).isEqualTo(2);

        Path pbids = home.resolve("bi/summary.pbids"); // a folder that does not exist yet
        LakeProcess.Run bi = lake("bi", "pbids", "-o", pbids.toString());
        assertThat(bi.exit()).as(bi.out() + bi.err()).isZero();
        assertThat(bi.out()).contains("user bi_reader").contains(home.resolve("secrets/bi_reader.password").toString());
        String json = Files.readString(pbids);
        assertThat(json).contains("\"protocol\": \"mysql\"").contains("\"server\": \"127.0.0.1:" + port + "\"")
                .contains("\"database\": \"summary\"").doesNotContain(password())
                .doesNotContain(Files.readString(home.resolve("secrets/bi_reader.password")));
        assertThat(lake("bi", "pbids", "--mode", "Live").exit()).isEqualTo(2);
        LakeProcess.Run unwritable = lake("bi", "pbids", "-o", "/proc/campus-lake.pbids");
        assertThat(unwritable.exit()).isEqualTo(2);
        assertThat(unwritable.err()).contains("cannot write /proc/campus-lake.pbids");
        for (Path log : Files.list(home.resolve("logs")).toList()) {
            if (Files.isRegularFile(log)) {
                assertThat(new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1)).as(log.toString())
                        .doesNotContain(password());
            }
        }
    }

    @Test
    @Order(8)
    void dataSurvivesDownAndUp() throws Exception {
        LakeProcess.Run down = lake("down");
        assertThat(down.exit()).isZero();
        assertThat(down.out()).contains("stopped");
        assertThat(lake("status").exit()).isEqualTo(3);
        assertThat(ProcessHandle.allProcesses().map(ph -> ph.info().commandLine().orElse(""))
                .filter(l -> l.contains(home.toString()))).isEmpty();
        LakeProcess.Run status = lake("up", "--no-thrift");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("seeded (scale 0.01, seed 42), clock 2026-09-02");
    }

    @Test
    @Order(9)
    void anUnreachableDatabaseIsOneLineAndExitOne() throws Exception {
        Path pw = home.resolve("remote.password");
        Files.writeString(pw, "whatever\n");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        LakeProcess.Run r = lake("seed", "--db-url", "jdbc:mysql://127.0.0.1:" + closed + "/", "--db-password-file", pw.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("cannot reach the database at jdbc:mysql://127.0.0.1:" + closed);
        LakeProcess.Run noFile = lake("seed", "--db-url", "jdbc:mysql://127.0.0.1:" + closed + "/");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("--db-password-file");
    }

    @Test
    @Order(10)
    void demoOnALakeThatHoldsDataStartsItOver() throws Exception {
        // This home has an imported lake, Hive tables and a published 2026-09-02 snapshot from the tests above.
        LakeProcess.Run demo = lake.run(600, "demo", "--days", "0");
        assertThat(demo.exit()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains("Seeded the ERP").contains("Demo done")
                .contains("Summary database, snapshots published: 2026-08-31 (").doesNotContain("2026-09-02 (");
        assertThat(home.resolve("lake/raw/erp/grades/ingest_date=2026-09-02")).doesNotExist();
        assertThat(home.resolve("lake/raw/erp/grades/ingest_date=2026-08-31/_SUCCESS")).exists();
    }

    @Test
    @Order(11)
    void aLabCheckFailsOnItsStartAndPassesOnceTheLabIsDone() throws Exception {
        // The demo above left one date through the chain: lab 2 starts from it without running anything.
        LakeProcess.Run list = lake("lab", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("2  The raw zone and Hive external tables", "docs/labs/02-raw-zone-and-external-tables.md");
        LakeProcess.Run start = lake("lab", "start", "2");
        assertThat(start.exit()).as(start.out() + start.err()).isZero();
        assertThat(start.out()).contains("Lab 2 (The raw zone and Hive external tables) is ready")
                .contains(home.resolve("lake").toAbsolutePath().toUri().toString().replaceAll("/$", ""));
        assertThat(start.err()).doesNotContain("running the chain");

        LakeProcess.Run fresh = lake("lab", "check", "2");
        assertThat(fresh.exit()).as(fresh.out() + fresh.err()).isEqualTo(1);
        assertThat(fresh.out()).contains("not yet  the database lab02 exists", "hint: Create it (step 1)");
        // The sheet's runnable blocks, as a student types them (its lab start first, its step 1's CREATE DATABASE).
        runTheSheet(2);
        assertThat(lake("lab", "check", "2").out()).contains("done     the database lab02 exists", "not yet  lab02.students exists");

        // The table made, its partitions not registered yet: the check names the next step.
        String solution = Files.readString(Path.of(LakeCommandIT.class.getResource("/labs/02-solution.hql").toURI()));
        Path tableOnly = home.resolve("lab02-table-only.hql");
        Files.writeString(tableOnly, solution.substring(0, solution.indexOf("MSCK")));
        LakeProcess.Run made = lake("beeline", "-f", tableOnly.toString());
        assertThat(made.exit()).as(made.out() + made.err()).isZero();
        LakeProcess.Run half = lake("lab", "check", "2");
        assertThat(half.exit()).as(half.out() + half.err()).isEqualTo(1);
        assertThat(half.out()).contains("done     lab02.students is an external table",
                "done     lab02.students has the ERP's columns", "not yet  every ingest date of the raw zone is a partition",
                "MSCK REPAIR TABLE lab02.students");

        LakeProcess.Run repaired = lake("beeline", "-e", solution.substring(solution.indexOf("MSCK")));
        assertThat(repaired.exit()).as(repaired.out() + repaired.err()).isZero();
        LakeProcess.Run done = lake("lab", "check", "2");
        assertThat(done.exit()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).contains("done     lab02.students reads the same rows and NULLs as raw.students")
                .contains("Lab 2 is done.").doesNotContain("not yet");

        // Starting again takes the work away (and only the student's: the raw zone is still there).
        assertThat(lake("lab", "start", "2").exit()).isZero();
        assertThat(lake("lab", "check", "2").exit()).isEqualTo(1);
        assertThat(home.resolve("lake/raw/erp/students/ingest_date=2026-08-31")).isDirectory();
        LakeProcess.Run unknown = lake("lab", "check", "9");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no lab 9; the labs are " + org.campuslake.labs.Labs.ALL.stream()
                .map(l -> l.number()).toList());
    }

    @Test
    @Order(12)
    void labFourStartsFromTwoDatesAndChecksTheStudentsCuratedTable() throws Exception {
        // The lake has one date: lab 4 needs a second (contacts with two versions), which its start runs.
        LakeProcess.Run start = lake.run(900, "lab", "start", "4");
        assertThat(start.exit()).as(start.out() + start.err()).isZero();
        assertThat(start.err()).contains("the ERP lived 2026-09-01", "Running the chain for 2026-09-01");
        assertThat(start.out()).contains("Lab 4 (Curated tables and GDPR) is ready");
        LakeProcess.Run again = lake("lab", "start", "4");
        assertThat(again.exit()).isZero();
        assertThat(again.err()).as("a second start runs nothing").doesNotContain("Running the chain");

        LakeProcess.Run fresh = lake("lab", "check", "4");
        assertThat(fresh.exit()).as(fresh.out() + fresh.err()).isEqualTo(1);
        assertThat(fresh.out()).contains("not yet  the database lab04 exists");
        runTheSheet(4);

        // A first try: every column of raw, the id kept, text files: the check names the identifiers and the format.
        LakeProcess.Run copy = lake("beeline", "-e", "CREATE TABLE lab04.contacts STORED AS TEXTFILE AS SELECT * FROM raw.audiences");
        assertThat(copy.exit()).as(copy.out() + copy.err()).isZero();
        LakeProcess.Run leaky = lake("lab", "check", "4");
        assertThat(leaky.exit()).isEqualTo(1);
        assertThat(leaky.out()).contains("not yet  lab04.contacts holds no direct identifier",
                "[audience_id, email, first_name, last_name, phone, student_id]",
                "not yet  lab04.contacts is stored as Parquet", "not yet  lab04.contacts is partitioned by birth_year");

        // The reference solution without its ROW_NUMBER: the older versions stay, and the check says so.
        String solution = Files.readString(Path.of(LakeCommandIT.class.getResource("/labs/04-solution.hql").toURI()));
        assertThat(lake("beeline", "-e", "DROP TABLE lab04.contacts").exit()).isZero();
        Path everyVersion = home.resolve("lab04-every-version.hql");
        Files.writeString(everyVersion, solution.replace("WHERE t.rn = 1 AND", "WHERE"));
        LakeProcess.Run made = lake("beeline", "-f", everyVersion.toString());
        assertThat(made.exit()).as(made.out() + made.err()).isZero();
        LakeProcess.Run dup = lake("lab", "check", "4");
        assertThat(dup.exit()).isEqualTo(1);
        assertThat(dup.out()).contains("done     lab04.contacts is stored as Parquet",
                "done     every contact_key is the project's key of that contact", "not yet  one row per contact",
                "not yet  each enrolled contact has the student_key of their student")
                .containsPattern("[1-9][0-9]* rows are older versions");

        Path full = home.resolve("lab04-solution.hql");
        Files.writeString(full, solution.replace("CREATE TABLE lab04.contacts", "DROP TABLE IF EXISTS lab04.contacts;\nCREATE TABLE lab04.contacts"));
        LakeProcess.Run solved = lake("beeline", "-f", full.toString());
        assertThat(solved.exit()).as(solved.out() + solved.err()).isZero();
        LakeProcess.Run done = lake("lab", "check", "4");
        assertThat(done.exit()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).contains("done     each contact is in their latest version", "Lab 4 is done.")
                .doesNotContain("not yet");
        assertThat(lake("lab", "start", "4").exit()).isZero();
        assertThat(lake("lab", "check", "4").exit()).isEqualTo(1);
    }

    @Test
    @Order(13)
    void labEightComparesTheStudentsViewWithThePublishedKpi() throws Exception {
        LakeProcess.Run start = lake("lab", "start", "8");
        assertThat(start.exit()).as(start.out() + start.err()).isZero();
        assertThat(start.err()).doesNotContain("Running the chain");
        assertThat(lake("lab", "check", "8").out()).contains("not yet  the database lab08 exists");
        runTheSheet(8);
        assertThat(home.resolve("campus-lake-summary.pbids")).isRegularFile();

        // A table rather than a view, and a rate not rounded: both named.
        LakeProcess.Run table = lake("beeline", "-e", "CREATE TABLE lab08.dropouts_by_campus AS SELECT campus_id,"
                + " COUNT(*) AS students, SUM(IF(status = 'dropped_out', 1, 0)) AS dropouts,"
                + " SUM(IF(status = 'dropped_out', 1, 0)) / COUNT(*) AS dropout_rate FROM curated.students GROUP BY campus_id");
        assertThat(table.exit()).as(table.out() + table.err()).isZero();
        LakeProcess.Run wrong = lake("lab", "check", "8");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.out()).contains("not yet  lab08.dropouts_by_campus is a view",
                "done     students and dropouts per campus are the published ones",
                "not yet  the dropout rates are the published ones", "ROUND(x, 4)");

        String solution = Files.readString(Path.of(LakeCommandIT.class.getResource("/labs/08-solution.hql").toURI()));
        Path file = home.resolve("lab08-solution.hql");
        Files.writeString(file, "DROP TABLE lab08.dropouts_by_campus;\n" + solution);
        LakeProcess.Run solved = lake("beeline", "-f", file.toString());
        assertThat(solved.exit()).as(solved.out() + solved.err()).isZero();
        LakeProcess.Run done = lake("lab", "check", "8");
        assertThat(done.exit()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).contains("done     the dropout rates are the published ones", "Lab 8 is done.")
                .doesNotContain("not yet");
    }

    @Test
    @Order(14)
    void labOneChecksTheStudentsSqoopImportsAndSavedJob() throws Exception {
        LakeProcess.Run start = lake("lab", "start", "1");
        assertThat(start.exit()).as(start.out() + start.err()).isZero();
        assertThat(start.err()).doesNotContain("Running the chain");
        LakeProcess.Run fresh = lake("lab", "check", "1");
        assertThat(fresh.exit()).isEqualTo(1);
        assertThat(fresh.out()).contains("not yet  lab01/campuses holds a full import of erp.campuses");
        runTheSheet(1);
        assertThat(home.resolve("home/lab01/campuses/_SUCCESS")).isRegularFile();
        assertThat(home.resolve("campuses.java")).doesNotExist(); // Sqoop's generated class lands in the home, not here
        assertThat(lake("lab", "check", "1").out()).contains("done     lab01/campuses",
                "not yet  lab01/students is in the raw zone's text format");

        // Sqoop's default text: commas, and NULL as the word null, which the check names.
        LakeProcess.Run plain = lake("sqoop", "import", "--table", "students", "--target-dir", "lab01/students", "-m", "1");
        assertThat(plain.exit()).as(plain.out() + plain.err()).isZero();
        assertThat(lake("lab", "check", "1").out()).contains("field(s) when split on \\001");

        String solution = Files.readString(Path.of(LakeCommandIT.class.getResource("/labs/01-solution.sh").toURI()));
        LakeProcess.Run solved = lake.shell(900, "rm -r .lake/home/lab01\n" + solution);
        assertThat(solved.exit()).as(solved.out() + solved.err()).isZero();
        LakeProcess.Run done = lake("lab", "check", "1");
        assertThat(done.exit()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).contains("done     the saved job keeps no password", "Lab 1 is done.").doesNotContain("not yet");
        assertThat(Files.readString(home.resolve("sqoop/metastore.db.script"))).contains("lab01_lessons")
                .doesNotContain(Files.readString(home.resolve("secrets/etl.password")).strip());

        assertThat(lake("lab", "start", "1").exit()).isZero();
        assertThat(home.resolve("home/lab01")).doesNotExist();
        assertThat(lake("lab", "check", "1").out()).contains("not yet  the saved job lab01_lessons");
    }

    @Test
    @Order(15)
    void labThreeChecksTheChangedRuleTheRerunAndTheStudentsMrUnitTest() throws Exception {
        LakeProcess.Run start = lake.run(900, "lab", "start", "3"); // on its own, it runs the chain's first date
        assertThat(start.exit()).as(start.out() + start.err()).isZero();
        assertThat(start.out()).contains("3 quarantined {NOT_ALLOWED_VALUE=3}");
        LakeProcess.Run fresh = lake("lab", "check", "3");
        assertThat(fresh.exit()).isEqualTo(1);
        assertThat(fresh.out()).contains("not yet  your contract", "add retake to its values");
        runTheSheet(3); // the date rerun with the project's contract: the incident's three grades quarantined
        assertThat(Files.readString(home.resolve("lake/state/validation/erp/grades/ingest_date=2026-08-31.properties")))
                .contains("rejected.NOT_ALLOWED_VALUE=3");
        assertThat(lake("lab", "check", "3").out()).contains("holds 0 and its quarantine 3");

        // A change that lets more through than the lab asks is named.
        Path contract = home.resolve("home/lab03/erp-tables.yaml");
        Files.writeString(contract, Files.readString(contract).replace("values: [exam, project, quiz, oral]",
                "values: [exam, project, quiz, oral, retake, homework]"));
        assertThat(lake("lab", "check", "3").out()).contains("add retake and change nothing else");

        String solution = Files.readString(Path.of(LakeCommandIT.class.getResource("/labs/03-solution.sh").toURI()));
        LakeProcess.Run solved = lake.shell(900, solution);
        assertThat(solved.exit()).as(solved.out() + solved.err()).isZero();
        assertThat(solved.out()).contains(" valid, 0 quarantined");
        LakeProcess.Run half = lake("lab", "check", "3");
        assertThat(half.out()).contains("done     your contract", "done     the 3 retakes of 2026-08-31 are in raw",
                "done     the validation of 2026-08-31 counted no reject", "not yet  an MRUnit test of the new rule");

        // The student's MRUnit test, in the project's test sources while it runs (then taken away again).
        Path project = LakeProcess.LAKE.getParent();
        Path test = project.resolve("ingestion/src/test/java/org/campuslake/ingest/validate/RetakeRuleTest.java");
        Path classes = project.resolve("ingestion/target/test-classes/org/campuslake/ingest/validate");
        Path report = project.resolve("ingestion/target/surefire-reports/TEST-org.campuslake.ingest.validate.RetakeRuleTest.xml");
        try {
            Files.copy(Path.of(LakeCommandIT.class.getResource("/labs/03-solution/RetakeRuleTest.java").toURI()), test,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            LakeProcess.Run mvn = lake.shell(900, "mvn -B -q -o -pl ingestion -am test -Dtest=RetakeRuleTest"
                    + " -Dsurefire.failIfNoSpecifiedTests=false");
            assertThat(mvn.exit()).as(mvn.out() + mvn.err()).isZero();
            LakeProcess.Run done = lake("lab", "check", "3");
            assertThat(done.exit()).as(done.out() + done.err()).isZero();
            assertThat(done.out()).contains("(org.campuslake.ingest.validate.RetakeRuleTest, 1 test(s))", "Lab 3 is done.")
                    .doesNotContain("not yet");
        } finally {
            Files.deleteIfExists(test);
            Files.deleteIfExists(report);
            Files.deleteIfExists(classes.resolve("RetakeRuleTest.class"));
        }
        assertThat(lake("lab", "start", "3").exit()).isZero();
        assertThat(lake("lab", "check", "3").out()).contains("not yet  your contract");
    }

    @Test
    @Order(16)
    void labSixAddsAnActionToACopyOfTheIngestWorkflowAndRunsADateWithIt() throws Exception {
        LakeProcess.Run start = lake.run(900, "lab", "start", "6");
        assertThat(start.exit()).as(start.out() + start.err()).isZero();
        Path copy = home.resolve("home/lab06/apps/ingest/workflow.xml");
        assertThat(copy).isRegularFile();
        assertThat(home.resolve("home/lab06/apps/ingest/lib")).isDirectory();
        LakeProcess.Run fresh = lake("lab", "check", "6");
        assertThat(fresh.exit()).isEqualTo(1);
        assertThat(fresh.out()).contains("done     your copy of the applications validates",
                "not yet  the ingest workflow has a shell action day-report", "has no action named day-report");
        runTheSheet(6);

        // Half done: the action is there but mark-ready still ends the workflow, which the validator calls unreachable.
        String original = Files.readString(copy);
        Files.writeString(copy, original.replace("  <kill name=\"rejects-too-high\">", "  <action name=\"day-report\">\n"
                + "    <shell xmlns=\"uri:oozie:shell-action:1.0\"><exec>echo</exec><capture-output/></shell>\n"
                + "    <ok to=\"end\"/>\n    <error to=\"fail\"/>\n  </action>\n  <kill name=\"rejects-too-high\">"));
        LakeProcess.Run half = lake("lab", "check", "6");
        assertThat(half.out()).contains("not yet  your copy of the applications validates", "day-report",
                "mark-ready goes on to 'end', not to day-report");
        LakeProcess.Run refused = lake("run", "--date", "2026-09-01", "--apps", home.resolve("home/lab06/apps").toString());
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("the applications do not validate");
        Files.writeString(copy, original);

        String solution = Files.readString(Path.of(LakeCommandIT.class.getResource("/labs/06-solution.sh").toURI()));
        LakeProcess.Run solved = lake.shell(900, solution);
        assertThat(solved.exit()).as(solved.out() + solved.err()).isZero();
        assertThat(solved.out()).contains("all valid", ": SUCCEEDED");
        LakeProcess.Run done = lake("lab", "check", "6");
        assertThat(done.exit()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).containsPattern("rows\\.reported=[1-9]").contains("Lab 6 is done.").doesNotContain("not yet");
        // The project's own applications did not change: the next plain run deploys them again.
        assertThat(Files.readString(LakeProcess.LAKE.getParent().resolve("oozie-workflows/target/apps/ingest/workflow.xml")))
                .doesNotContain("day-report");

        assertThat(lake("lab", "start", "6").exit()).isZero();
        assertThat(Files.readString(copy)).doesNotContain("day-report");
        assertThat(lake("lab", "check", "6").out()).contains("not yet  the ingest workflow has a shell action day-report");
    }

    @Test
    @Order(17)
    void labSevenBackfillsTwoDaysAndTheMissingOneWaitsForItsDoneFlags() throws Exception {
        // The lake has published 2026-08-31 and 2026-09-01: the lab's days are the two after, which the ERP lives.
        LakeProcess.Run start = lake.run(900, "lab", "start", "7");
        assertThat(start.exit()).as(start.out() + start.err()).isZero();
        assertThat(start.err()).doesNotContain("Running the chain").contains("The ERP lived up to 2026-09-03");
        assertThat(Files.readAllLines(home.resolve("home/lab07/days"))).containsExactly("2026-09-02", "2026-09-03");
        List<String> incident = Files.readAllLines(home.resolve("home/lab07/incident"));
        assertThat(incident).hasSizeGreaterThan(10);
        LakeProcess.Run fresh = lake("lab", "check", "7");
        assertThat(fresh.exit()).isEqualTo(1);
        assertThat(fresh.out()).contains("not yet  one run backfilled 2026-09-02 and 2026-09-03",
                "./lake run --from 2026-09-02 --to 2026-09-03");
        assertThat(lake("lab", "start", "7").exit()).isZero(); // again: the same days, the incident not made twice
        assertThat(Files.readAllLines(home.resolve("home/lab07/incident"))).isEqualTo(incident);

        runTheSheet(7); // its backfill: the second day stops on its reject ratio, its analytics waits
        assertThat(home.resolve("lake/raw/erp/grades/ingest_date=2026-09-02/_SUCCESS")).isRegularFile();
        assertThat(home.resolve("lake/raw/erp/grades/ingest_date=2026-09-03/_SUCCESS")).doesNotExist();
        LakeProcess.Run half = lake("lab", "check", "7");
        assertThat(half.out()).contains("done     one run backfilled 2026-09-02 and 2026-09-03",
                "done     in that run, the analytics of 2026-09-03 waited for its input events",
                "not yet  2026-09-03 went through", "./lake run --date 2026-09-03 --accept-rejects");

        String solution = Files.readString(Path.of(LakeCommandIT.class.getResource("/labs/07-solution.sh").toURI()));
        LakeProcess.Run solved = lake.shell(900, solution);
        assertThat(solved.exit()).as(solved.out() + solved.err()).isZero();
        LakeProcess.Run done = lake("lab", "check", "7");
        assertThat(done.exit()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).contains("(" + incident.size() + " grades)", "Lab 7 is done.").doesNotContain("not yet");

        // Started again, the lab moves on to the next two days.
        assertThat(lake("lab", "start", "7").exit()).isZero();
        assertThat(Files.readAllLines(home.resolve("home/lab07/days"))).containsExactly("2026-09-04", "2026-09-05");
        assertThat(lake("lab", "check", "7").out()).contains("not yet  one run backfilled 2026-09-04 and 2026-09-05");
    }

    /** Runs the sheet's runnable blocks in order, as a student types them: each must succeed. */
    private static void runTheSheet(int number) throws Exception {
        org.campuslake.labs.Lab lab = org.campuslake.labs.Labs.get(number).orElseThrow();
        for (org.campuslake.labs.LabSheet.Block b : org.campuslake.labs.LabSheet.runnable(Path.of("..").resolve(lab.sheet()))) {
            LakeProcess.Run r;
            if (b.language().equals("bash")) {
                r = lake.shell(900, b.text());
            } else {
                Path f = home.resolve("sheet-" + number + "-" + b.line() + ".sql");
                Files.writeString(f, b.text());
                r = lake("beeline", "-f", f.toString());
            }
            assertThat(r.exit()).as("%s:%d%n%s%n%s%s", lab.sheet(), b.line(), b.text(), r.out(), r.err()).isZero();
        }
    }
}
