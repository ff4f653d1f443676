package org.campuslake.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.validate.ValidationResult;
import org.junit.jupiter.api.Test;

/** Real Sqoop 1.4.7 (Hadoop local mode) against a real MariaDB holding a seeded ERP. */
class SqoopImportIT {
    private static final LocalDate D1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 9, 2);

    @Test
    void aFirstImportLandsEveryTableWholeAndValidatesIt() throws Exception {
        IngestFixture f = new IngestFixture();
        List<ValidationResult> results = f.ingest(IngestFixture.SEEDED);
        LakeLayout lake = f.layout();
        FileSystem fs = f.fs();
        for (ValidationResult v : results) {
            long source = f.sourceCount("SELECT COUNT(*) FROM erp." + v.table);
            assertThat(v.input).as(v.table).isEqualTo(source).isPositive();
            assertThat(v.valid).as(v.table).isEqualTo(source);
            assertThat(v.rejected).as(v.table).isZero();
            assertThat(fs.exists(new Path(lake.landing(v.table, IngestFixture.SEEDED), LakeLayout.SUCCESS))).isTrue();
            // published but not ready: the done flag waits for the whole day's reject-ratio decision
            assertThat(fs.exists(new Path(lake.raw(v.table, IngestFixture.SEEDED), LakeLayout.SUCCESS))).isFalse();
            assertThat(f.lines(lake.raw(v.table, IngestFixture.SEEDED))).hasSize((int) source);
            assertThat(f.lines(lake.quarantine(v.table, IngestFixture.SEEDED))).isEmpty();
            assertThat(new WatermarkStore(fs, lake).forDate(v.table, IngestFixture.SEEDED).rows).isEqualTo(source);
        }
        // NULLs land as \N, and the fields are separated by \001.
        assertThat(f.lines(lake.raw("students", IngestFixture.SEEDED))).anySatisfy(l -> assertThat(l).contains("\001\\N\001"));
    }

    @Test
    void incrementalImportsTakeEachChangeAndRerunsGiveIdenticalPartitions() throws Exception {
        IngestFixture f = new IngestFixture();
        f.ingest(IngestFixture.SEEDED);
        f.db.advancer().advance(D2);
        f.ingest(D1);
        f.ingest(D2);
        LakeLayout lake = f.layout();
        LocalDate[] dates = {IngestFixture.SEEDED, D1, D2};

        // append: every lesson exactly once over the partitions
        List<String> lessonKeys = new ArrayList<String>();
        for (LocalDate d : dates) {
            for (String l : f.lines(lake.raw("lessons", d))) { // raw is text whatever the landing format
                lessonKeys.add(IngestFixture.key(l));
            }
        }
        assertThat(lessonKeys).doesNotHaveDuplicates().hasSize((int) f.sourceCount("SELECT COUNT(*) FROM erp.lessons"));
        assertThat(f.lines(lake.raw("lessons", D1))).isNotEmpty();

        // lastmodified: the newest version of every row is in the lake, whatever day it changed
        for (String table : new String[] {"attendances", "grades", "students", "audiences", "apprenticeships"}) {
            TableSpec spec = IngestFixture.CATALOG.table(table);
            int ts = spec.columnNames().indexOf(TableSpec.CHECK_COLUMN);
            Map<String, String> latest = new HashMap<String, String>();
            for (LocalDate d : dates) {
                for (String l : f.lines(lake.raw(table, d))) {
                    String[] fields = l.split("\001", -1);
                    String prev = latest.get(fields[0]);
                    if (prev == null || fields[ts].compareTo(prev) > 0) {
                        latest.put(fields[0], fields[ts]);
                    }
                }
            }
            Map<String, String> source = new HashMap<String, String>();
            try (Connection c = f.db.erp().open(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + spec.key() + ", DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i:%s') FROM erp." + table)) {
                while (rs.next()) {
                    source.put(rs.getString(1), rs.getString(2));
                }
            }
            assertThat(latest.keySet()).as(table).isEqualTo(source.keySet());
            for (Map.Entry<String, String> e : source.entrySet()) {
                assertThat(latest.get(e.getKey())).as(table + " " + e.getKey()).startsWith(e.getValue());
            }
        }
        // Contacts who enrolled on D1 were updated (student_id set) and travel in D1's partition.
        assertThat(f.lines(lake.raw("audiences", D1))).anySatisfy(l -> assertThat(l.split("\001")[8]).isNotEqualTo("\\N"));

        // A rerun of D1 after D2 takes D1's recorded window: same files, same watermark, nothing duplicated.
        Map<String, List<String>> before = snapshot(f, D1, D2);
        f.ingest(D1);
        assertThat(snapshot(f, D1, D2)).isEqualTo(before);
    }

    private static Map<String, List<String>> snapshot(IngestFixture f, LocalDate... dates) throws Exception {
        Map<String, List<String>> out = new HashMap<String, List<String>>();
        LakeLayout lake = f.layout();
        for (TableSpec t : IngestFixture.CATALOG.tables()) {
            for (LocalDate d : dates) {
                out.put("landing/" + t.name() + "/" + d, f.lines(lake.landing(t.name(), d)));
                out.put("raw/" + t.name() + "/" + d, f.lines(lake.raw(t.name(), d)));
                Watermark w = new WatermarkStore(f.fs(), lake).forDate(t.name(), d);
                List<String> wm = new ArrayList<String>();
                wm.add(w.lower + ".." + w.upper + ":" + w.rows);
                out.put("watermark/" + t.name() + "/" + d, wm);
            }
        }
        return out;
    }

    @Test
    void avroAndTextLandingsValidateToTheSameRawRecords() throws Exception {
        IngestFixture f = new IngestFixture();
        TableSpec avro = IngestFixture.CATALOG.table("grades");
        assertThat(avro.format()).isEqualTo("avro");
        f.importTable("grades", IngestFixture.SEEDED);
        // Grades refer to students and subjects: without them in the lake, validation refuses, and says what to do.
        assertThatThrownBy(() -> f.validate("grades", IngestFixture.SEEDED)).hasMessageContaining(
                "has no validated partition up to 2026-08-31").hasMessageContaining("import and validate it first");
        f.ingestOnly(IngestFixture.SEEDED, "campuses", "subjects", "students");
        f.validate("grades", IngestFixture.SEEDED);
        List<String> fromAvro = f.lines(f.layout().raw("grades", IngestFixture.SEEDED));
        FileSystem fs = f.fs();
        Path landing = f.layout().landing("grades", IngestFixture.SEEDED);
        Path avroFile = null;
        for (FileStatus st : fs.listStatus(landing)) {
            if (st.getPath().getName().endsWith(".avro")) {
                avroFile = st.getPath();
            }
        }
        assertThat(avroFile).as("an Avro data file in " + landing).isNotNull();
        try (org.apache.avro.file.DataFileStream<Object> in = new org.apache.avro.file.DataFileStream<Object>(
                fs.open(avroFile), new org.apache.avro.generic.GenericDatumReader<Object>())) {
            assertThat(in.getSchema().getField("grade").schema().toString()).contains("\"logicalType\":\"decimal\"");
        }

        org.campuslake.ingest.catalog.Catalog text = org.campuslake.ingest.catalog.Catalog.parse(
                IngestFixture.CATALOG.yaml().replaceAll("(?m)^    format: avro.*\n", ""), "text variant");
        assertThat(text.table("grades").format()).isEqualTo("text");
        f.props.setProperty(IngestConfig.LAKE_ROOT, f.lakeDir.resolveSibling(f.lakeDir.getFileName() + "-text").toUri().toString());
        f.ingestOnly(IngestFixture.SEEDED, "campuses", "subjects", "students");
        SqoopImporter importer = f.importer();
        importer.importTable(text.table("grades"), IngestFixture.SEEDED);
        new org.campuslake.ingest.validate.ValidationJob(f.config(), text, importer.hadoopConf())
                .validate(text.table("grades"), IngestFixture.SEEDED);
        List<String> fromText = f.lines(f.layout().raw("grades", IngestFixture.SEEDED));
        assertThat(fromText).hasSize((int) f.sourceCount("SELECT COUNT(*) FROM erp.grades"));
        assertThat(fromAvro).containsExactlyInAnyOrderElementsOf(fromText);
    }

    @Test
    void aKillBetweenDataAndSuccessLeavesNothingVisibleAndTheNextRunRecovers() throws Exception {
        IngestFixture f = new IngestFixture();
        f.importTable("grades", IngestFixture.SEEDED);
        f.db.advancer().advance(D1);
        LakeLayout lake = f.layout();
        FileSystem fs = f.fs();
        Path partition = lake.landing("grades", D1);

        f.props.setProperty(IngestConfig.FAULT, "before-publish");
        assertThatThrownBy(() -> f.importTable("grades", D1)).hasMessageContaining("fault injected at before-publish");
        assertThat(fs.exists(partition)).isFalse();
        assertThat(new WatermarkStore(fs, lake).forDate("grades", D1)).isNull();
        assertThat(hidden(fs, partition)).isNotEmpty(); // the killed run's data, invisible to Hive and MapReduce

        f.props.remove(IngestConfig.FAULT);
        ImportResult r = f.importTable("grades", D1);
        assertThat(fs.exists(new Path(partition, LakeLayout.SUCCESS))).isTrue();
        assertThat(hidden(fs, partition)).isEmpty();
        assertThat(r.rows).isEqualTo(f.sourceCount("SELECT COUNT(*) FROM erp.grades WHERE updated_at > '2026-08-31 23:29:59'"
                + " AND updated_at <= '2026-09-01 23:59:59'")).isPositive();

        // Killed after publishing but before the watermark: the rerun takes the same window again.
        List<String> published = f.lines(partition);
        f.props.setProperty(IngestConfig.FAULT, "before-watermark");
        assertThatThrownBy(() -> f.importTable("grades", D1)).hasMessageContaining("before-watermark");
        f.props.remove(IngestConfig.FAULT);
        f.importTable("grades", D1);
        assertThat(f.lines(partition)).isEqualTo(published);
    }

    private static List<String> hidden(FileSystem fs, Path partition) throws Exception {
        List<String> out = new ArrayList<String>();
        for (FileStatus st : fs.listStatus(partition.getParent())) {
            if (st.getPath().getName().startsWith("_")) {
                out.add(st.getPath().getName());
            }
        }
        return out;
    }

    @Test
    void malformedRowsAreQuarantinedWithTheirReasonAndNothingIsLost() throws Exception {
        IngestFixture f = new IngestFixture();
        f.ingest(IngestFixture.SEEDED);
        String stamp = "'2026-09-01 10:00:00'";
        f.sql("SET SESSION sql_mode = ''",
                "INSERT INTO erp.grades SELECT MAX(grade_id) + 1, 1, 1, '2026-09-01', 150.00, 'exam', " + stamp + " FROM erp.grades",
                "UPDATE erp.attendances SET status = 'late', updated_at = " + stamp + " WHERE attendance_id = 5",
                "UPDATE erp.students SET birth_date = '0000-00-00', updated_at = " + stamp + " WHERE student_id = 3",
                "UPDATE erp.professors SET last_name = '  ' WHERE professor_id = 1",
                "UPDATE erp.campuses SET capacity = -5 WHERE campus_id = 2",
                "UPDATE erp.companies SET name = CONCAT('Acme', CHAR(10), 'SA', CHAR(1), 'x') WHERE company_id = 1",
                // What an ERP with weaker constraints lets through: a rule between columns broken, and orphans.
                "UPDATE erp.apprenticeships SET end_date = DATE_SUB(start_date, INTERVAL 1 DAY), updated_at = " + stamp
                        + " WHERE apprenticeship_id = 1",
                "SET SESSION foreign_key_checks = 0",
                "UPDATE erp.audiences SET student_id = 999999, updated_at = " + stamp + " WHERE audience_id = 1",
                "INSERT INTO erp.lessons SELECT MAX(lesson_id) + 1, 1, 99999, 1, 2027, '2026-09-01 09:00:00', 60, 'A1', "
                        + stamp + " FROM erp.lessons",
                "SET SESSION foreign_key_checks = 1");
        Map<String, String> expected = new HashMap<String, String>();
        expected.put("grades", "OUT_OF_RANGE");
        expected.put("attendances", "NOT_ALLOWED_VALUE");
        expected.put("students", "BAD_DATE");
        expected.put("professors", "EMPTY");
        expected.put("campuses", "OUT_OF_RANGE");
        expected.put("apprenticeships", "CROSS_FIELD");
        expected.put("audiences", "ORPHAN_REFERENCE");
        expected.put("lessons", "ORPHAN_REFERENCE");
        for (String table : new String[] {"grades", "attendances", "students", "professors", "campuses", "companies",
                "apprenticeships", "audiences", "lessons"}) {
            f.importTable(table, D1);
            ValidationResult v = f.validate(table, D1);
            assertThat(v.valid + v.rejected).as(table).isEqualTo(v.input);
            List<String> quarantined = f.lines(f.layout().quarantine(table, D1));
            assertThat(quarantined).as(table).hasSize((int) v.rejected);
            if (expected.containsKey(table)) {
                assertThat(v.rejected).as(table).isEqualTo(1);
                assertThat(v.byReason).as(table).containsEntry(expected.get(table), 1L);
                assertThat(quarantined.get(0)).startsWith(expected.get(table) + "\t");
            } else {
                assertThat(v.rejected).as(table).isZero();
            }
            if (IngestFixture.CATALOG.table(table).mode() == org.campuslake.ingest.catalog.ImportMode.FULL) {
                assertThat(v.input).isEqualTo(f.sourceCount("SELECT COUNT(*) FROM erp." + table));
            }
        }
        // Delimiters and newlines inside a value do not break the record, and are kept (escaped in raw).
        assertThat(f.lines(f.layout().raw("companies", D1))).anySatisfy(l -> {
            assertThat(l).startsWith("1\001Acme\\nSA\\\001x\001").doesNotContain("\n");
            assertThat(org.campuslake.ingest.validate.EscapedText.split(l)[1]).isEqualTo("Acme\nSA\001x");
        });
        assertThat(f.lines(f.layout().quarantine("students", D1)).get(0)).contains("birth_date=0001-01-01");
        assertThat(f.lines(f.layout().quarantine("audiences", D1)).get(0))
                .startsWith("ORPHAN_REFERENCE\tstudent_id=999999: no students.student_id 999999\t1\001");
        assertThat(f.lines(f.layout().quarantine("lessons", D1)).get(0)).contains("professor_id=99999: no professors");
        assertThat(f.lines(f.layout().quarantine("apprenticeships", D1)).get(0))
                .startsWith("CROSS_FIELD\tend_date >= start_date: end_date=");
    }

    @Test
    void schemaChangesFailTheTableButNewColumnsAreImportedAndReported() throws Exception {
        IngestFixture f = new IngestFixture();
        FileSystem fs = f.fs();
        LakeLayout lake = f.layout();
        f.sql("RENAME TABLE erp.events TO erp.events_gone");
        try {
            assertThatThrownBy(() -> f.importTable("events", IngestFixture.SEEDED))
                    .isInstanceOf(ImportException.class).hasMessageContaining("table erp.events does not exist in the source");
        } finally {
            f.sql("RENAME TABLE erp.events_gone TO erp.events");
        }
        assertThat(fs.exists(lake.landing("events", IngestFixture.SEEDED))).isFalse();
        assertThat(new WatermarkStore(fs, lake).forDate("events", IngestFixture.SEEDED)).isNull();

        f.sql("ALTER TABLE erp.subjects MODIFY credits VARCHAR(10) NOT NULL");
        try {
            assertThatThrownBy(() -> f.importTable("subjects", IngestFixture.SEEDED))
                    .hasMessageContaining("erp.subjects.credits is VARCHAR in the source, but the catalog expects int");
        } finally {
            f.sql("ALTER TABLE erp.subjects MODIFY credits TINYINT NOT NULL");
        }
        assertThat(fs.exists(lake.landing("subjects", IngestFixture.SEEDED))).isFalse();

        f.sql("ALTER TABLE erp.campuses ADD COLUMN motto VARCHAR(40) NULL");
        try {
            ImportResult r = f.importTable("campuses", IngestFixture.SEEDED);
            assertThat(r.drift).containsExactly("motto VARCHAR");
            ValidationResult v = f.validate("campuses", IngestFixture.SEEDED);
            assertThat(v.valid).isEqualTo(r.rows).isPositive();
            assertThat(new WatermarkStore(fs, lake).forDate("campuses", IngestFixture.SEEDED).drift).isEqualTo("motto VARCHAR");
            assertThat(f.lines(lake.raw("campuses", IngestFixture.SEEDED)).get(0).split("\001", -1)).hasSize(8);
        } finally {
            f.sql("ALTER TABLE erp.campuses DROP COLUMN motto");
        }
    }

    @Test
    void anUnreachableSourceAndABadPasswordFileFailClearly() throws Exception {
        IngestFixture f = new IngestFixture();
        f.props.setProperty(IngestConfig.JDBC_URL, "jdbc:mysql://127.0.0.1:1/erp?connectTimeout=2000");
        assertThatThrownBy(() -> f.importTable("grades", IngestFixture.SEEDED))
                .isInstanceOf(ImportException.class).hasMessageContaining("cannot reach the ERP at jdbc:mysql://127.0.0.1:1/erp");
        assertThat(f.fs().exists(f.layout().landingTable("grades"))).isFalse();

        java.nio.file.Path pw = f.lakeDir.resolveSibling(f.lakeDir.getFileName() + ".password");
        java.nio.file.Files.write(pw, "secret\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        f.props.setProperty(IngestConfig.PASSWORD_FILE, pw.toString());
        assertThatThrownBy(f::importer).hasMessageContaining("ends with a newline");
        Set<String> unused = new HashSet<String>();
        assertThat(unused).isEmpty();
    }
}
