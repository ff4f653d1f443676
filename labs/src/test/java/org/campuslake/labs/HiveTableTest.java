package org.campuslake.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HiveTableTest {
    /** The rows as the cli's Beeline reader gives them: each line stripped, blank ones left out. */
    private static List<String> rows(String resource) throws Exception {
        return Files.readAllLines(Path.of(HiveTableTest.class.getResource(resource).toURI())).stream()
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void hiveServer2sDescribeFormatted() throws Exception {
        // Captured from HiveServer2 3.1.3 on the cluster on one machine (Beeline, tsv2, no header), 2026-12-07.
        HiveTable t = HiveTable.parse(rows("/describe-formatted-hive-3.1.3.tsv"));
        assertThat(t.type()).isEqualTo("EXTERNAL");
        assertThat(t.location()).isEqualTo("hdfs://master:8020/lake/raw/erp/students");
        assertThat(t.partitions()).isEqualTo(Map.of("ingest_date", "string"));
        assertThat(t.columns().keySet()).containsExactly("student_id", "first_name", "last_name", "school_email",
                "personal_email", "gender", "birth_date", "join_date", "left_date", "campus_id", "promotion",
                "institution_of_origin", "status", "updated_at");
        assertThat(t.columns()).containsEntry("left_date", "date").containsEntry("updated_at", "timestamp");
        assertThat(t.inputFormat()).isEqualTo("org.apache.hadoop.mapred.TextInputFormat");
        assertThat(t.parquet()).isFalse();
    }

    @Test
    void theSameFolderWhateverTheUriSays() {
        assertThat(LabHive.sameFolder("file:/home/x/.lake/lake/raw/erp/students/", "file:///home/x/.lake/lake/raw/erp/students")).isTrue();
        assertThat(LabHive.sameFolder("hdfs://master:8020/lake/raw/erp/students", "hdfs://master/lake/raw/erp/students")).isTrue();
        assertThat(LabHive.sameFolder("hdfs://master:8020/lake/raw/erp/grades", "hdfs://master:8020/lake/raw/erp/students")).isFalse();
        assertThat(LabHive.sameFolder(null, "file:/x")).isFalse();
    }
}
