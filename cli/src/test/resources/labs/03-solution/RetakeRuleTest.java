package org.campuslake.ingest.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.campuslake.ingest.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lab 3's reference solution: the validation job with the contract that allows a retake. */
class RetakeRuleTest {
    static final String RETAKE = "1\00170\00116\0012026-08-31\00145.00\001retake\0012026-08-31 17:00:00.0";
    static final String HOMEWORK = RETAKE.replace("retake", "homework").replaceFirst("^1", "2");

    @TempDir
    Path keys;

    @Test
    void aRetakeIsValidAndAnUnknownAssessmentStaysQuarantined() throws Exception {
        Configuration c = new Configuration();
        // The project's contract with the lab's change (a no-op once the project's contract has it).
        c.set(ValidationMapper.CONF_CATALOG, Catalog.builtIn().yaml()
                .replace("values: [exam, project, quiz, oral]", "values: [exam, project, quiz, oral, retake]"));
        c.set(ValidationMapper.CONF_TABLE, "grades");
        c.setStrings(ValidationMapper.CONF_COLUMNS, "grade_id", "student_id", "subject_id", "graded_on", "grade",
                "assessment", "updated_at");
        // The keys the referenced tables hold, as the job hands them to its tasks.
        c.set(ReferencedKeys.CONF_PREFIX + "student_id", keyFile("students", "70"));
        c.set(ReferencedKeys.CONF_PREFIX + "subject_id", keyFile("subjects", "16"));

        MapReduceDriver<LongWritable, Text, Text, Text, Text, Text> d = MapReduceDriver
                .newMapReduceDriver(new ValidationMapper(), new ValidationReducer()).withConfiguration(c)
                .withInput(new LongWritable(0), new Text(RETAKE))
                .withInput(new LongWritable(200), new Text(HOMEWORK));
        List<Pair<Text, Text>> out = d.run();

        assertTrue(out.contains(new Pair<Text, Text>(ValidationReducer.VALID, new Text(RETAKE))), out.toString());
        assertEquals(1, d.getCounters().findCounter(ValidationMapper.COUNTERS, "VALID").getValue());
        assertEquals(1, d.getCounters().findCounter(ValidationMapper.COUNTERS, "REJECT_NOT_ALLOWED_VALUE").getValue());
    }

    private String keyFile(String name, String... values) throws Exception {
        Path f = keys.resolve(name);
        Files.write(f, Arrays.asList(values), StandardCharsets.UTF_8);
        return f.toUri().toString();
    }
}
