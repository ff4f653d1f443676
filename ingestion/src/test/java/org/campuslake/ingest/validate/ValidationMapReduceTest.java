package org.campuslake.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.campuslake.ingest.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation mapper and reducer with MRUnit: every reject reason, duplicates, routing and counters. */
class ValidationMapReduceTest {
    private static final String GOOD = RecordValidatorTest.GOOD;

    @TempDir
    static Path keys;

    private static Configuration conf() throws IOException {
        Configuration c = new Configuration();
        c.set(ValidationMapper.CONF_CATALOG, Catalog.builtIn().yaml());
        c.set(ValidationMapper.CONF_TABLE, "grades");
        c.setStrings(ValidationMapper.CONF_COLUMNS, RecordValidatorTest.GRADE_COLUMNS.toArray(new String[0]));
        // The keys the referenced tables have (students, subjects), as the job hands them to its tasks.
        c.set(ReferencedKeys.CONF_PREFIX + "student_id", keyFile("students", "70", "71"));
        c.set(ReferencedKeys.CONF_PREFIX + "subject_id", keyFile("subjects", "16"));
        return c;
    }

    private static String keyFile(String name, String... values) throws IOException {
        Path f = keys.resolve(name);
        Files.write(f, Arrays.asList(values), StandardCharsets.UTF_8);
        return f.toUri().toString();
    }

    /** One bad record per mapper-side reason. */
    static final String[][] BAD = {
        {"FIELD_COUNT", "8\001broken"},
        {"NULL_NOT_ALLOWED", GOOD.replace("\00170\001", "\001\\N\001").replaceFirst("^7", "9")},
        {"BAD_NUMBER", GOOD.replace("\00170\001", "\001x\001").replaceFirst("^7", "10")},
        {"BAD_DECIMAL", GOOD.replace("82.50", "eighty").replaceFirst("^7", "11")},
        {"BAD_DATE", GOOD.replace("2025-09-01\001", "0001-01-01\001").replaceFirst("^7", "12")},
        {"BAD_TIMESTAMP", GOOD.replace("2025-09-01 18:57:23.0", "soon").replaceFirst("^7", "13")},
        {"OUT_OF_RANGE", GOOD.replace("82.50", "150.00").replaceFirst("^7", "14")},
        {"NOT_ALLOWED_VALUE", GOOD.replace("quiz", "homework").replaceFirst("^7", "15")},
        {"EMPTY", GOOD.replace("quiz", " ").replaceFirst("^7", "16")},
        {"TOO_LONG", GOOD.replace("quiz", "quizquizquizquiz").replaceFirst("^7", "17")},
        {"ORPHAN_REFERENCE", GOOD.replace("\00170\001", "\00199999\001").replaceFirst("^7", "18")},
    };

    @Test
    void mapperTagsValidAndRejectedRecordsByKey() throws Exception {
        MapDriver<LongWritable, Text, Text, Text> d = MapDriver.newMapDriver(new ValidationMapper()).withConfiguration(conf());
        d.withInput(new LongWritable(0), new Text(GOOD));
        for (int i = 0; i < BAD.length; i++) {
            d.withInput(new LongWritable(100 + i), new Text(BAD[i][1]));
        }
        List<Pair<Text, Text>> out = d.run();
        assertThat(out).hasSize(1 + BAD.length);
        assertThat(out.get(0).getFirst().toString()).isEqualTo("7");
        assertThat(ValidationRecord.parse(out.get(0).getSecond().toString()).valid).isTrue();
        // The field-count reject has no readable key: it is keyed by its offset.
        assertThat(out.get(1).getFirst().toString()).isEqualTo("!offset:100");
        List<String> reasons = new ArrayList<String>();
        for (Pair<Text, Text> p : out.subList(1, out.size())) {
            ValidationRecord r = ValidationRecord.parse(p.getSecond().toString());
            assertThat(r.valid).isFalse();
            reasons.add(r.reason);
        }
        List<String> expected = new ArrayList<String>();
        for (String[] b : BAD) {
            expected.add(b[0]);
        }
        assertThat(reasons).containsExactlyElementsOf(expected);
        assertThat(d.getCounters().findCounter(ValidationMapper.COUNTERS, "INPUT").getValue()).isEqualTo(1 + BAD.length);
        // Every reason but the reducer's own is exercised here.
        EnumSet<RejectReason> covered = EnumSet.noneOf(RejectReason.class);
        for (String r : reasons) {
            covered.add(RejectReason.valueOf(r));
        }
        assertThat(EnumSet.complementOf(covered)).containsExactlyInAnyOrder(RejectReason.DUPLICATE_KEY,
                RejectReason.CROSS_FIELD); // the reducer's, and the students' rule below
        assertThat(ValidationRecord.parse(out.get(BAD.length).getSecond().toString()).detail)
                .isEqualTo("student_id=99999: no students.student_id 99999");
    }

    @Test
    void aRuleBetweenColumnsAndAMissingCampusQuarantineAStudentWithTheirOwnReason() throws Exception {
        Configuration c = new Configuration();
        c.set(ValidationMapper.CONF_CATALOG, Catalog.builtIn().yaml());
        c.set(ValidationMapper.CONF_TABLE, "students");
        c.setStrings(ValidationMapper.CONF_COLUMNS, RecordValidatorTest.STUDENTS.columnNames().toArray(new String[0]));
        c.set(ReferencedKeys.CONF_PREFIX + "campus_id", keyFile("campuses", "1", "2"));
        String good = RecordValidatorTest.STUDENT;
        String leftBeforeJoin = good.replace("\\N\0011\001", "2025-06-30\0011\001").replaceFirst("^1", "2");
        String noCampus = good.replace("\\N\0011\001", "\\N\0019\001").replaceFirst("^1", "3");
        String graduated = good.replace("\\N\0011\001", "2028-06-30\0012\001").replaceFirst("^1", "4");
        List<Pair<Text, Text>> out = MapDriver.newMapDriver(new ValidationMapper()).withConfiguration(c)
                .withInput(new LongWritable(0), new Text(good))
                .withInput(new LongWritable(1), new Text(leftBeforeJoin))
                .withInput(new LongWritable(2), new Text(noCampus))
                .withInput(new LongWritable(3), new Text(graduated))
                .run();
        assertThat(ValidationRecord.parse(out.get(0).getSecond().toString()).valid).isTrue();
        ValidationRecord rule = ValidationRecord.parse(out.get(1).getSecond().toString());
        assertThat(rule.reason).isEqualTo("CROSS_FIELD");
        assertThat(rule.detail).isEqualTo("left_date >= join_date: left_date=2025-06-30, join_date=2025-09-01");
        ValidationRecord orphan = ValidationRecord.parse(out.get(2).getSecond().toString());
        assertThat(orphan.reason).isEqualTo("ORPHAN_REFERENCE");
        assertThat(orphan.detail).isEqualTo("campus_id=9: no campuses.campus_id 9");
        assertThat(ValidationRecord.parse(out.get(3).getSecond().toString()).valid).isTrue();
    }

    @Test
    void aDayValidatesEachTableAfterTheTablesItRefersTo() {
        List<List<String>> names = new ArrayList<List<String>>();
        for (List<org.campuslake.ingest.catalog.TableSpec> wave : ValidationJob.waves(Catalog.builtIn().tables())) {
            List<String> n = new ArrayList<String>();
            for (org.campuslake.ingest.catalog.TableSpec t : wave) {
                n.add(t.name());
            }
            names.add(n);
        }
        assertThat(names).containsExactly(Arrays.asList("campuses", "subjects", "companies"),
                Arrays.asList("professors", "students", "events"),
                Arrays.asList("audiences", "apprenticeships", "lessons", "grades"),
                Arrays.asList("attendances"));
        // A table whose references are not in the list goes first: it reads what the lake already has.
        assertThat(ValidationJob.waves(Arrays.asList(Catalog.builtIn().table("grades")))).hasSize(1);
    }

    @Test
    void aJobThatNamesNoKeysForAReferenceFailsAndSaysWhich() throws Exception {
        Configuration c = conf();
        c.unset(ReferencedKeys.CONF_PREFIX + "subject_id");
        MapDriver<LongWritable, Text, Text, Text> d = MapDriver.newMapDriver(new ValidationMapper()).withConfiguration(c)
                .withInput(new LongWritable(0), new Text(GOOD));
        org.assertj.core.api.Assertions.assertThatThrownBy(d::run).hasMessageContaining(
                "erp.grades.subject_id references subjects.subject_id, but the job names no key file for it");
    }

    @Test
    void reducerKeepsTheNewestOfDuplicateKeysAndQuarantinesTheRest() throws Exception {
        String older = GOOD;
        String newer = GOOD.replace("82.50", "84.00").replace("18:57:23.0", "20:00:00.0");
        ReduceDriver<Text, Text, Text, Text> d = ReduceDriver.newReduceDriver(new ValidationReducer()).withConfiguration(conf());
        d.withInput(new Text("7"), Arrays.asList(new Text(ValidationRecord.valid(older)), new Text(ValidationRecord.valid(newer))));
        d.withOutput(ValidationReducer.VALID, new Text(newer));
        d.withOutput(ValidationReducer.QUARANTINE, new Text("DUPLICATE_KEY\tkey=7\t" + older));
        d.runTest();
        assertThat(d.getCounters().findCounter(ValidationMapper.COUNTERS, "VALID").getValue()).isEqualTo(1);
        assertThat(d.getCounters().findCounter(ValidationMapper.COUNTERS, "REJECT_DUPLICATE_KEY").getValue()).isEqualTo(1);
    }

    @Test
    void reducerRoutesRejectsWithTheirReasonAndDetail() throws Exception {
        String bad = GOOD.replace("82.50", "150.00");
        ReduceDriver<Text, Text, Text, Text> d = ReduceDriver.newReduceDriver(new ValidationReducer()).withConfiguration(conf());
        d.withInput(new Text("7"), Arrays.asList(
                new Text(ValidationRecord.reject(RejectReason.OUT_OF_RANGE, "grade=150.00", bad)),
                new Text(ValidationRecord.valid(GOOD))));
        d.withOutput(ValidationReducer.QUARANTINE, new Text("OUT_OF_RANGE\tgrade=150.00\t" + bad));
        d.withOutput(ValidationReducer.VALID, new Text(GOOD));
        d.runTest();
        assertThat(d.getCounters().findCounter(ValidationMapper.COUNTERS, "REJECTED").getValue()).isEqualTo(1);
        assertThat(d.getCounters().findCounter(ValidationMapper.COUNTERS, "REJECT_OUT_OF_RANGE").getValue()).isEqualTo(1);
    }

    @Test
    void aRecordMayContainTheTagSeparatorsWithoutConfusingTheReducer() {
        String weird = GOOD.replace("quiz", "qu\002iz");
        ValidationRecord r = ValidationRecord.parse(ValidationRecord.reject(RejectReason.NOT_ALLOWED_VALUE, "assessment=x", weird));
        assertThat(r.record).isEqualTo(weird);
        assertThat(r.detail).isEqualTo("assessment=x");
    }
}
