package org.campuslake.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.ql.parse.ParseDriver;
import org.junit.jupiter.api.Test;

/**
 * Every statement of every script parses with Hive's own HiveQL parser (Hive 2.3's ParseDriver, which Spark
 * ships), not only with Spark's: the closest check available here to running the files through HiveServer2.
 */
class HiveParserTest {
    private static final Map<String, String> VARS = Map.of("lake_root", "hdfs://namenode:8020/campus-lake",
            "ingest_date", "2026-09-01", "salt_dir", "hdfs://namenode:8020/secure/campus-lake/salt", "kind", "student",
            "subject_id", "42");

    @Test
    void everyStatementParsesWithHivesParser() throws Exception {
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        for (Path f : HqlLintTest.scripts()) {
            HiveQlScript script = HiveQlScript.parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8), VARS);
            for (HiveQlScript.Statement st : script.statements()) {
                if (st.sql().regionMatches(true, 0, "SET ", 0, 4)) {
                    continue; // SET is handled by the CLI, not the grammar
                }
                try {
                    new ParseDriver().parse(st.sql());
                    parsed++;
                } catch (Exception e) {
                    failures.add(f + ":" + st.line() + ": " + e.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(parsed).isGreaterThan(30);
    }

    @Test
    void theParserRejectsWhatHiveWouldReject() {
        assertThatThrownBy(() -> new ParseDriver().parse("CREATE TABLE t (a INT) USING parquet")).isNotNull();
    }
}
