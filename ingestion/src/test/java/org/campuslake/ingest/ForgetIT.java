package org.campuslake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.erase.ErasureRegister;
import org.campuslake.ingest.erase.ForgetMain;
import org.junit.jupiter.api.Test;

/**
 * Erasure on real Sqoop, MapReduce and MariaDB: after ForgetMain, no file of the lake holds the student's
 * identifiers or a record naming them (landing, raw, quarantine); a rerun of an old date and the next date's
 * import, with the student still in the ERP, do not bring them back, and the reconciliation does not "repair" them.
 */
class ForgetIT {
    private static final LocalDate D1 = LocalDate.of(2026, 9, 1);

    @Test
    void aForgottenStudentLeavesEveryFileZoneAndNoImportBringsThemBack() throws Exception {
        IngestFixture f = new IngestFixture();
        long s = f.sourceCount("SELECT g.student_id FROM erp.grades g JOIN erp.attendances a ON a.student_id = g.student_id"
                + " GROUP BY g.student_id ORDER BY COUNT(*) DESC LIMIT 1");
        // A contact who enrolled, and a grade the validation quarantines: both name the student.
        f.sql("UPDATE erp.audiences SET student_id = " + s + ", updated_at = '2026-08-30 10:00:00' ORDER BY audience_id LIMIT 1",
                "INSERT INTO erp.grades SELECT MAX(grade_id) + 1, " + s + ", 1, '2026-08-30', 150.00, 'exam',"
                        + " '2026-08-30 10:00:00' FROM erp.grades");
        List<String> identifiers = identifiers(f, s);
        f.ingest(IngestFixture.SEEDED);
        assertThat(filesHolding(f, identifiers)).as("before").isNotEmpty();
        assertThat(recordsNaming(f, s)).as("before").containsKeys("raw/grades", "raw/attendances", "raw/students",
                "landing/grades", "quarantine/grades", "raw/audiences");

        java.nio.file.Path config = f.lakeDir.resolveSibling(f.lakeDir.getFileName() + ".properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            f.props.store(out, null);
        }
        assertThat(forget(config, s)).isZero();
        assertThat(filesHolding(f, identifiers)).as("after forget").isEmpty();
        assertThat(recordsNaming(f, s)).as("after forget").isEmpty();
        ErasureRegister register = ErasureRegister.load(f.fs(), new Path(f.config().erasuresDir()));
        assertThat(register.keys(ErasureRegister.Kind.STUDENT)).containsExactly(s);
        // Forgetting twice changes nothing.
        assertThat(forget(config, s)).isZero();

        // A rerun of the old date, the student still in the ERP: left out at the import, counted, and the day
        // still validates (the landed count is what validation reads).
        ImportResult grades = f.importTable("grades", IngestFixture.SEEDED);
        assertThat(grades.erased).isPositive();
        assertThat(f.validate("grades", IngestFixture.SEEDED).input).isEqualTo(grades.rows);
        assertThat(f.importTable("students", IngestFixture.SEEDED).erased).isEqualTo(1);
        f.validate("students", IngestFixture.SEEDED);

        // The next date: the student changes in the ERP and gets a new grade. Neither arrives, and the
        // whole-table reconciliation counts the erased rows as accounted for, not missing.
        f.sql("UPDATE erp.students SET updated_at = '2026-09-01 10:00:00' WHERE student_id = " + s,
                "INSERT INTO erp.grades SELECT MAX(grade_id) + 1, " + s + ", 1, '2026-09-01', 14.00, 'exam',"
                        + " '2026-09-01 10:00:00' FROM erp.grades");
        for (TableSpec t : IngestFixture.CATALOG.tables()) {
            ImportResult r = f.importTable(t.name(), D1);
            assertThat(r.repaired).as(t.name()).isZero();
            f.validate(t.name(), D1);
        }
        assertThat(filesHolding(f, identifiers)).as("after two more imports").isEmpty();
        assertThat(recordsNaming(f, s)).as("after two more imports").isEmpty();
    }

    /**
     * The summary step (ForgetSummary, as the forget workflow's last action and lake forget run it): every row keyed
     * by the person's pseudonym leaves every table of summary and summary_stage with a key column, a table added
     * later included; other people's rows stay; the erasure is recorded with its counts and no identifier.
     */
    @Test
    void theSummaryStepDeletesEveryRowKeyedByThePseudonymAndRecordsTheErasureWithoutIdentifiers() throws Exception {
        IngestFixture f = new IngestFixture();
        java.nio.file.Path dir = Files.createTempDirectory(f.lakeDir.getParent(), "forget-summary");
        java.nio.file.Path saltDir = Files.createDirectories(dir.resolve("salt"));
        Files.write(saltDir.resolve("salt.txt"), "s3cret-salt\n".getBytes(StandardCharsets.UTF_8));
        String mine = org.campuslake.ingest.erase.SummaryEraser.pseudonym("s3cret-salt", "student", 4242);
        String other = org.campuslake.ingest.erase.SummaryEraser.pseudonym("s3cret-salt", "student", 4243);
        try (Connection c = f.db.admin(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS summary_stage.kpi_later (student_key CHAR(64), v INT)");
            st.execute("DELETE FROM summary_stage.kpi_later");
            st.execute("INSERT INTO summary_stage.kpi_later VALUES ('" + mine + "', 1), ('" + mine + "', 2), ('"
                    + other + "', 3)");
        }
        java.util.Properties settings = new java.util.Properties();
        settings.setProperty(IngestConfig.SUMMARY_JDBC_URL, f.db.endpoint.jdbcUrl("summary"));
        settings.setProperty(IngestConfig.SUMMARY_USER, org.campuslake.local.EmbeddedMariaDb.ETL_USER);
        settings.setProperty(IngestConfig.SUMMARY_PASSWORD_FILE,
                f.db.endpoint.passwordFile(org.campuslake.local.EmbeddedMariaDb.ETL_USER).toString());
        java.nio.file.Path config = dir.resolve("analytics.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            settings.store(out, null);
        }
        java.nio.file.Path output = dir.resolve("output.properties");
        String[] args = {"--config", config.toString(), "--salt-dir", saltDir.toString(), "--student", "4242",
            "--rows-landing", "3", "--rows-raw", "5", "--rows-quarantine", "1", "--curated-as-of", "2026-09-01",
            "--requested-by", "dpo"};
        System.setProperty("oozie.action.output.properties", output.toString());
        int rc;
        try {
            rc = org.campuslake.ingest.stage.Stage.launch(new org.campuslake.ingest.erase.ForgetSummary(), args,
                    System.out, System.err);
        } finally {
            System.clearProperty("oozie.action.output.properties");
        }
        assertThat(rc).isZero();
        java.util.Properties out = new java.util.Properties();
        try (java.io.InputStream in = Files.newInputStream(output)) {
            out.load(in);
        }
        assertThat(out.getProperty("rows.summary")).isEqualTo("2");
        try (Connection c = f.db.admin(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT student_key, v FROM summary_stage.kpi_later")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(other);
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = st.executeQuery("SELECT subject_kind, requested_by, rows_landing, rows_raw,"
                    + " rows_quarantine, rows_summary, curated_as_of FROM lake_meta.erasures WHERE erasure_id = "
                    + out.getProperty("erasure.id"))) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getInt(4) + " "
                        + rs.getInt(5) + " " + rs.getInt(6) + " " + rs.getDate(7)).isEqualTo("student dpo 3 5 1 2 2026-09-01");
            }
            st.execute("DROP TABLE summary_stage.kpi_later");
        }
        // A bad argument is a usage error (2), before anything is deleted.
        args[7] = "x";
        assertThat(org.campuslake.ingest.stage.Stage.launch(new org.campuslake.ingest.erase.ForgetSummary(), args,
                System.out, System.err)).isEqualTo(2);
    }

    private static int forget(java.nio.file.Path config, long student) throws Exception {
        return org.campuslake.ingest.stage.Stage.launch(new ForgetMain(),
                new String[] {"--config", config.toString(), "--student", Long.toString(student)}, System.out, System.err);
    }

    /** The student's direct identifiers, as the ERP has them. */
    private static List<String> identifiers(IngestFixture f, long s) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = f.db.erp().open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT CONCAT(first_name, '\u0001', last_name), school_email, personal_email"
                     + " FROM erp.students WHERE student_id = " + s)) {
            assertThat(rs.next()).isTrue();
            for (int i = 1; i <= 3; i++) {
                if (rs.getString(i) != null) {
                    out.add(rs.getString(i));
                }
            }
        }
        return out;
    }

    /** Every file under the lake root whose bytes contain one of the identifiers. */
    private static List<String> filesHolding(IngestFixture f, List<String> identifiers) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(f.lakeDir)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) files.filter(Files::isRegularFile)::iterator) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                for (String id : identifiers) {
                    if (text.contains(id)) {
                        out.add(f.lakeDir.relativize(p) + " holds " + id);
                    }
                }
            }
        }
        return out;
    }

    /** zone/table to the number of records, in every partition, whose person columns name the student. */
    private static Map<String, Integer> recordsNaming(IngestFixture f, long s) throws IOException {
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (Map.Entry<String, List<String>> e : ErasureRegister.Kind.STUDENT.columns(IngestFixture.CATALOG).entrySet()) {
            TableSpec spec = IngestFixture.CATALOG.table(e.getKey());
            for (String zone : new String[] {"landing", "raw", "quarantine"}) {
                Path table = new Path(f.layout().root(), zone + "/erp/" + spec.name());
                if (!f.fs().exists(table)) {
                    continue;
                }
                for (FileStatus p : f.fs().listStatus(table)) {
                    if (!p.getPath().getName().startsWith("ingest_date=")) {
                        continue;
                    }
                    for (String line : f.lines(p.getPath())) {
                        if (names(spec, e.getValue(), zone.equals("quarantine") ? afterTwoTabs(line) : line, s)) {
                            out.merge(zone + "/" + spec.name(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean names(TableSpec spec, List<String> columns, String record, long s) {
        for (String c : columns) {
            if (record.startsWith("{")) { // an Avro record as JSON
                if (record.matches(".*\"" + c + "\": " + s + "[,}].*")) {
                    return true;
                }
            } else {
                String[] fields = record.split("\u0001", -1);
                int i = spec.columnNames().indexOf(c);
                if (i < fields.length && fields[i].equals(Long.toString(s))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String afterTwoTabs(String line) {
        int t = line.indexOf('\t');
        t = t < 0 ? -1 : line.indexOf('\t', t + 1);
        return t < 0 ? "" : line.substring(t + 1);
    }
}
