package org.campuslake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.LocalDate;
import org.campuslake.analytics.SummaryOracle;
import org.campuslake.dashboard.DashboardServer;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.LakeHome;
import org.campuslake.local.MariaDbEndpoint;
import org.campuslake.local.Secrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole product end to end, as a user runs it: {@code lake demo} seeds SF0.01 and runs the Oozie bundle from
 * the real XML with the local runner for the seeded day; then two more days of ERP activity, each run with
 * {@code lake run --date}. After each date every KPI of the summary database must equal the SQL oracle of the
 * analytics module (recomputed on the ERP); runs of the second date killed with kill -9 ({@code lake bench faults})
 * and rerun must leave what the clean run left.
 */
class ChainIT {
    private static final LocalDate D1 = LocalDate.of(2026, 8, 31); // the seed's last day
    private static LakeProcess lake;
    private static MariaDbEndpoint db;

    @BeforeAll
    static void setUp() throws Exception {
        lake = new LakeProcess("chain-home");
    }

    @AfterAll
    static void tearDown() throws Exception {
        lake.run(120, "down");
    }

    private static void checkSummary(LocalDate d) throws Exception {
        String salt = Files.readString(lake.home.resolve("secrets/pseudonym-salt/salt.txt"), StandardCharsets.UTF_8).strip();
        try (Connection erp = db.connect(EmbeddedMariaDb.ETL_USER, "erp");
             Connection summary = db.connect(EmbeddedMariaDb.ADMIN_USER, "summary")) {
            SummaryOracle.check(erp, summary, salt, d, 5, 10);
        }
    }

    private static String dump() throws Exception {
        try (Connection summary = db.connect(EmbeddedMariaDb.ADMIN_USER, "summary")) {
            return SummaryOracle.dump(summary);
        }
    }

    /** The page's figures against SQL on the KPI tables themselves (not the views the dashboard reads). */
    private static void dashboardShowsTheSummary(DashboardCheck dash, LocalDate d, Integer campus) throws Exception {
        String join = " JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version";
        String ofCampus = campus == null ? "" : " AND k.campus_key = " + campus;
        String live = " FROM summary.kpi_student k" + join + " WHERE k.snapshot_date = ?" + ofCampus;
        try (Connection c = db.connect(EmbeddedMariaDb.ADMIN_USER, "summary")) {
            double active = DashboardCheck.scalar(c, "SELECT COUNT(*)" + live + " AND k.status = 'active'", d);
            assertThat(active).isPositive();
            assertThat(dash.figure("on_rolls")).isEqualTo(active);
            assertThat(dash.figure("students")).isEqualTo(DashboardCheck.scalar(c, "SELECT COUNT(*)" + live, d));
            assertThat(dash.figure("dropout_rate")).isCloseTo(DashboardCheck.scalar(c,
                    "SELECT AVG(k.status = 'dropped_out')" + live, d), org.assertj.core.data.Offset.offset(1e-4));
            assertThat(dash.figure("average_grade")).isCloseTo(DashboardCheck.scalar(c,
                    "SELECT AVG(k.average_grade)" + live, d), org.assertj.core.data.Offset.offset(1e-6));
            // The scorecard table: the latest academic year of the KPI table, one row per campus, same enrolments.
            java.util.List<java.util.List<String>> rows = dash.table("table-scorecard");
            String latestYear = " FROM summary.kpi_campus_scorecard k" + join + " WHERE k.snapshot_date = ?"
                    + " AND k.academic_year = (SELECT MAX(academic_year) FROM summary.kpi_campus_scorecard"
                    + " WHERE snapshot_date = ?)" + ofCampus;
            double campuses = DashboardCheck.scalar(c, "SELECT COUNT(*)" + latestYear, d, d);
            assertThat(rows).hasSize((int) campuses);
            double enrolled = DashboardCheck.scalar(c, "SELECT SUM(k.enrolled)" + latestYear, d, d);
            assertThat(rows.stream().mapToInt(r -> Integer.parseInt(r.get(1).replace(",", ""))).sum()).isEqualTo((int) enrolled);
            if (campus == null) {
                // The first top performer shown is rank 1 of the first region, by the start of its key only.
                java.util.List<String> top = dash.table("table-top").get(0);
                assertThat(top.get(2)).isEqualTo("1");
                String key = top.get(3).replace("…", "");
                assertThat(key).hasSize(12);
                assertThat(DashboardCheck.scalar(c, "SELECT COUNT(*) FROM summary.kpi_top_performer k" + join
                        + " WHERE k.snapshot_date = ? AND k.scope = 'region' AND k.scope_value = ? AND k.rank_in_scope = 1"
                        + " AND k.student_key LIKE ?", d, top.get(1), key + "%")).isEqualTo(1);
            }
        }
    }

    /** A filter chosen in the page changes every panel and the URL; a shared URL shows the same; bad input is refused. */
    private static void dashboardFiltersAndRefusals(DashboardCheck dash, LocalDate d) throws Exception {
        int campus;
        int otherRegion;
        java.util.List<String> otherRegionCampuses = new java.util.ArrayList<>(java.util.List.of(""));
        try (Connection c = db.connect(EmbeddedMariaDb.BI_USER, "summary")) {
            campus = (int) DashboardCheck.scalar(c, "SELECT MIN(`Campus Key`) FROM summary.bi_campus");
            otherRegion = (int) DashboardCheck.scalar(c, "SELECT MIN(`Region Key`) FROM summary.bi_campus WHERE `Region Key`"
                    + " <> (SELECT `Region Key` FROM summary.bi_campus WHERE `Campus Key` = ?)", campus);
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT `Campus Key` FROM summary.bi_campus"
                    + " WHERE `Region Key` = ? ORDER BY `Campus`")) {
                ps.setInt(1, otherRegion);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        otherRegionCampuses.add(rs.getString(1));
                    }
                }
            }
        }
        double all = dash.figure("students");
        dash.choose("campus", String.valueOf(campus));
        assertThat(dash.currentUrl()).contains("campus=" + campus);
        assertThat(dash.figure("students")).isLessThan(all);
        dashboardShowsTheSummary(dash, d, campus);
        dash.everyPanelRenders();
        // The URL of an older date and that campus: the same figures a second visitor gets.
        assertThat(dash.open("?date=" + D1 + "&campus=" + campus)).isEqualTo(D1.toString());
        dashboardShowsTheSummary(dash, D1, campus);
        // Another region: the campus list narrows to that region's campuses, and the campus of the first one is let go.
        dash.choose("region", String.valueOf(otherRegion));
        assertThat(dash.options("campus")).containsExactlyElementsOf(otherRegionCampuses);
        assertThat(dash.currentUrl()).contains("region=" + otherRegion).doesNotContain("campus=");
        dash.everyPanelRenders();

        for (String bad : new String[] {"campus=abc", "campus=999999", "date=2001-01-01", "date=yesterday",
                "region=1%27%20OR%201=1", "colour=red", "campus=1&campus=2", "campus=" + campus + "&region=" + otherRegion}) {
            java.net.http.HttpResponse<String> r = dash.get("api/panels?" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).as(bad).startsWith("{\"error\":").doesNotContain("SQL").doesNotContain("Exception")
                    .doesNotContain("at org.");
        }
        dash.go("?campus=abc");
        assertThat(dash.errorText()).contains("campus must be a campus key");
    }

    private static LakeProcess.Run run(LocalDate d) throws Exception {
        LakeProcess.Run r = lake.run(900, "run", "--date", d.toString());
        assertThat(r.exit()).as("lake run --date %s%n%s%s", d, r.out(), r.err()).isZero();
        assertThat(r.out()).contains(": SUCCEEDED").contains("campus-lake-ingest").contains("campus-lake-analytics");
        return r;
    }

    /**
     * A day whose grades are too often out of range: the chain stops at the reject-ratio decision, the operator reads
     * the quarantine, accepts the rejects and the day goes on without them, recorded. The bad rows are then taken
     * out of the ERP, so the oracle (recomputed on the ERP) and the summary (built without them) can be compared.
     */
    private static void acceptedRejects(LocalDate d) throws Exception {
        String stamp = "'" + d + " 10:00:00'";
        try (Connection erp = db.connect(EmbeddedMariaDb.ADMIN_USER, "erp"); java.sql.Statement st = erp.createStatement()) {
            st.execute("SET SESSION sql_mode = ''");
            st.execute("INSERT INTO grades SELECT grade_id + 10000000, student_id, subject_id, graded_on, 150.00, assessment, "
                    + stamp + " FROM grades ORDER BY grade_id LIMIT 40");
        }
        LakeProcess.Run stopped = lake.run(900, "run", "--date", d.toString());
        assertThat(stopped.exit()).as(stopped.out() + stopped.err()).isEqualTo(1);
        assertThat(stopped.out()).contains("reject ratio above the limit in grades");
        LakeProcess.Run q = lake.run(120, "quarantine", "--date", d.toString(), "--table", "grades");
        assertThat(q.exit()).as(q.out() + q.err()).isZero();
        assertThat(q.out()).contains("erp.grades " + d + ": 40 rows").contains("OUT_OF_RANGE").contains("grade=150.00");

        LakeProcess.Run accepted = lake.run(900, "run", "--date", d.toString(), "--accept-rejects");
        assertThat(accepted.exit()).as(accepted.out() + accepted.err()).isZero();
        assertThat(accepted.err()).contains("accept-rejects");
        java.nio.file.Path record = lake.home.resolve("lake/state/ingest/acceptances/ingest_date=" + d + ".properties");
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = Files.newBufferedReader(record)) {
            p.load(r);
        }
        assertThat(p.getProperty("tables")).isEqualTo("grades");
        assertThat(p.getProperty("grades.rejected")).isEqualTo("40");
        assertThat(p.getProperty("rows.accepted")).isEqualTo("40");
        assertThat(p.getProperty("accepted_by")).isEqualTo(System.getProperty("user.name"));
        assertThat(p.getProperty("accepted_at")).isNotBlank();
        try (Connection erp = db.connect(EmbeddedMariaDb.ADMIN_USER, "erp"); java.sql.Statement st = erp.createStatement()) {
            assertThat(st.executeUpdate("DELETE FROM grades WHERE grade_id > 10000000")).isEqualTo(40);
        }
    }

    @Test
    void threeDaysThroughTheBundleMatchTheOracleAndARerunChangesNothing() throws Exception {
        LakeProcess.Run demo = lake.run(900, "demo", "--days", "0");
        assertThat(demo.exit()).as("lake demo%n%s%s", demo.out(), demo.err()).isZero();
        assertThat(demo.out()).contains("Seeded the ERP").contains("Summary database, snapshots published: " + D1)
                .contains("Campus scorecard").contains("./lake beeline").contains("Demo done");
        // Progress on the terminal: every action of both workflows, as it starts and ends.
        assertThat(demo.err()).contains("import-grades").contains("validate").contains("mark-ready")
                .contains("curated-build").contains("kpis").contains("SUCCEEDED");
        db = new MariaDbEndpoint("127.0.0.1", lake.port, new Secrets(new LakeHome(lake.home)));
        checkSummary(D1);

        LocalDate d = D1.plusDays(1);
        LakeProcess.Run adv = lake.run(300, "erp", "advance", "--to", d.toString());
        assertThat(adv.exit()).as(adv.err()).isZero();
        // The dashboard is open on the latest snapshot while the next date runs: it shows the new one by itself.
        assertThat(demo.out()).contains("./lake dashboard");
        if (!DashboardCheck.available()) {
            LakeProcess.Run r = run(d);
            assertThat(r.out()).containsPattern("rows.imported=[1-9]");
        } else try (DashboardCheck dash = new DashboardCheck(new DashboardServer.Database(db.jdbcUrl("summary"),
                EmbeddedMariaDb.BI_USER, db.passwordFile(EmbeddedMariaDb.BI_USER)))) {
            assertThat(dash.open("")).isEqualTo(D1.toString());
            dash.everyPanelRenders();
            dashboardShowsTheSummary(dash, D1, null);
            LakeProcess.Run r = run(d);
            assertThat(r.out()).containsPattern("rows.imported=[1-9]");
            dash.waitForSnapshot(d.toString());
            dash.everyPanelRenders();
            dashboardShowsTheSummary(dash, d, null);
            dash.screenshot(java.nio.file.Path.of("target", "dashboard.png"));
            dashboardFiltersAndRefusals(dash, d);
        }
        checkSummary(d);

        // A run of that date killed with kill -9 at a random point, the services daemon and its MariaDB with it, then
        // rerun: the curated tables, the summary and the watermarks of the clean run, no duplicate key. (One kill
        // here for CI's time; lake bench faults runs 20, docs/benchmarks.md.)
        LakeProcess.Run faults = lake.run(1800, "bench", "faults", "--date", d.toString(), "--runs", "1", "--seed", "20261204");
        assertThat(faults.exit()).as(faults.out() + faults.err()).isZero();
        assertThat(faults.out()).contains("1 survived of 1").contains("and the services (").contains("kill -9 of the chain (");
        checkSummary(d);

        d = d.plusDays(1);
        adv = lake.run(300, "erp", "advance", "--to", d.toString());
        assertThat(adv.exit()).as(adv.err()).isZero();
        acceptedRejects(d);
        checkSummary(d);
        assertThat(dump()).contains("{snapshot_date=" + D1 + ", ").contains("{snapshot_date=" + d + ", ");

        // The history, newest first: the stopped run and the killed one shown as such (a kill point the run outran
        // is one more successful run), with per-action detail and counters.
        LakeProcess.Run runs = lake.run(120, "runs");
        assertThat(runs.exit()).isZero();
        assertThat(runs.out().lines().filter(l -> l.matches("\\S+\\s+SUCCEEDED\\s.*")).count()).isGreaterThanOrEqualTo(4);
        assertThat(runs.out().lines().filter(l -> l.matches("\\S+\\s+FAILED\\s.*"))).hasSize(1);
        assertThat(runs.out().lines().filter(l -> l.matches("\\S+\\s+DIED\\s.*"))).hasSize(1);
        assertThat(runs.out()).contains("--accept-rejects");
        String newest = runs.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        LakeProcess.Run detail = lake.run(120, "runs", newest);
        assertThat(detail.out()).contains("run --date " + d).contains("import-lessons").contains("rows.published");
        // Every source row of the day is in curated, in quarantine or erased: counted by three steps.
        assertThat(detail.out()).contains("conservation, data of " + d).contains("  grades ").doesNotContain("DOES NOT HOLD");

        forgetAStudent(d);
    }

    /**
     * An erasure request: after lake forget, no file of the lake holds the student's identifiers, no curated table
     * and no summary table their pseudonymous key; a rerun of an old date, the student still in the ERP, brings
     * nothing back.
     */
    private static void forgetAStudent(LocalDate last) throws Exception {
        long student;
        java.util.List<String> identifiers = new java.util.ArrayList<>();
        try (Connection erp = db.connect(EmbeddedMariaDb.ETL_USER, "erp"); java.sql.Statement st = erp.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("SELECT student_id FROM grades GROUP BY student_id"
                    + " ORDER BY COUNT(*) DESC, student_id LIMIT 1")) {
                rs.next();
                student = rs.getLong(1);
            }
            try (java.sql.ResultSet rs = st.executeQuery("SELECT CONCAT(first_name, '\u0001', last_name), school_email,"
                    + " personal_email FROM students WHERE student_id = " + student)) {
                rs.next();
                for (int i = 1; i <= 3; i++) {
                    if (rs.getString(i) != null) {
                        identifiers.add(rs.getString(i));
                    }
                }
            }
        }
        String salt = Files.readString(lake.home.resolve("secrets/pseudonym-salt/salt.txt"), StandardCharsets.UTF_8).strip();
        String key = org.campuslake.ingest.erase.SummaryEraser.pseudonym(salt, "student", student);
        assertThat(filesHolding(identifiers)).as("before").isNotEmpty();
        assertThat(summaryRows(key)).as("before").isPositive();
        assertThat(curatedRows(key)).as("before").isPositive();

        LakeProcess.Run forget = lake.run(900, "forget", "--student", Long.toString(student));
        assertThat(forget.exit()).as(forget.out() + forget.err()).isZero();
        assertThat(forget.out()).contains("raw").contains("no curated table holds their pseudonymous key")
                .contains("Recorded as lake_meta.erasures #1");
        assertThat(forget.out() + forget.err()).doesNotContain(key).doesNotContain(identifiers.get(1));
        assertThat(filesHolding(identifiers)).as("after forget").isEmpty();
        assertThat(summaryRows(key)).as("after forget").isZero();
        assertThat(curatedRows(key)).as("after forget").isZero();
        try (Connection meta = db.connect(EmbeddedMariaDb.ADMIN_USER, "lake_meta"); java.sql.Statement st = meta.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT * FROM erasures")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("subject_kind")).isEqualTo("student");
            assertThat(rs.getLong("rows_raw")).isPositive();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                assertThat(String.valueOf(rs.getString(i))).isNotEqualTo(key).isNotIn(identifiers);
            }
        }

        // A backfill of the first date, the student still in the ERP: imported, left out, and nothing comes back.
        run(D1);
        assertThat(filesHolding(identifiers)).as("after a rerun of " + D1).isEmpty();
        assertThat(summaryRows(key)).as("after a rerun of " + D1).isZero();
        assertThat(curatedRows(key)).as("after a rerun of " + D1).isZero();
        // The student is still in the ERP: the conservation of that backfill counts them as erased, and no source
        // row is missing. Known and documented (operations.md): the backfill rebuilds a partitioned curated table
        // (lessons, attendances, grades) only in the months its rows touch, so later dates' months stay and those
        // lines say "too many in the lake" until the newest date is run again.
        LakeProcess.Run runs = lake.run(120, "runs", "-n", "1");
        String id = runs.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        LakeProcess.Run detail = lake.run(120, "runs", id);
        assertThat(detail.out()).contains("conservation, data of " + D1).doesNotContain("unaccounted for")
                .containsPattern("\n  campuses\\s.*  holds")
                .containsPattern("\n  students\\s+[\\d,]+\\s+[\\d,]+\\s+[\\d,]+\\s+1\\s+[\\d,]+  holds");
    }

    /** Files of the lake (every zone, curated included) whose bytes contain one of the identifiers. */
    private static java.util.List<String> filesHolding(java.util.List<String> identifiers) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = Files.walk(lake.home.resolve("lake"))) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) files.filter(Files::isRegularFile)::iterator) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                for (String id : identifiers) {
                    if (text.contains(id)) {
                        out.add(p + " holds " + id);
                    }
                }
            }
        }
        return out;
    }

    private static long summaryRows(String key) throws Exception {
        try (Connection c = db.connect(EmbeddedMariaDb.ADMIN_USER, "summary")) {
            return org.campuslake.ingest.erase.SummaryEraser.count(c, "student", key);
        }
    }

    /** Curated rows keyed by the pseudonym, every table that has a student key (through Beeline, as an analyst). */
    private static long curatedRows(String key) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT SUM(n) AS keyed FROM (");
        String[] tables = {"students", "contacts", "apprenticeships", "attendances", "grades"};
        for (int i = 0; i < tables.length; i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT COUNT(*) AS n FROM curated.").append(tables[i])
                    .append(" WHERE student_key = '").append(key).append("'");
        }
        sql.append(") t");
        LakeProcess.Run q = lake.run(300, "beeline", "-e", sql.toString());
        assertThat(q.exit()).as(q.out() + q.err()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\|\\s+(\\d+)\\s+\\|").matcher(q.out());
        assertThat(m.find()).as(q.out()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
