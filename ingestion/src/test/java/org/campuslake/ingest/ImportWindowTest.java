package org.campuslake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.TableSpec;
import org.junit.jupiter.api.Test;

class ImportWindowTest {
    private static final Catalog CATALOG = Catalog.builtIn();

    @Test
    void appendTakesKeysAboveTheWatermarkUpToTheMaxSeenAtFirstImport() {
        TableSpec lessons = CATALOG.table("lessons");
        assertThat(ImportWindow.append(lessons, null, "100", false).where).isEqualTo("100 >= lesson_id");
        assertThat(ImportWindow.append(lessons, "100", "250", false).where).isEqualTo("lesson_id > 100 AND 250 >= lesson_id");
        assertThat(ImportWindow.append(lessons, null, null, false).where).isEqualTo("1 = 0");
    }

    @Test
    void lastModifiedOverlapsThePreviousWindowAndEndsWithTheDay() {
        ImportWindow first = ImportWindow.lastModified(null, LocalDate.of(2026, 9, 1), 30, false, null);
        assertThat(first.where).isEqualTo("'2026-09-01 23:59:59' >= updated_at");
        assertThat(first.upper).isEqualTo("2026-09-01 23:59:59");
        ImportWindow next = ImportWindow.lastModified(first.upper, LocalDate.of(2026, 9, 2), 30, false, null);
        assertThat(next.where).isEqualTo("updated_at > '2026-09-01 23:29:59' AND '2026-09-02 23:59:59' >= updated_at");
    }

    @Test
    void aRerunReusesTheRecordedWindow() {
        TableSpec grades = CATALOG.table("grades");
        Watermark w = new Watermark("grades", LocalDate.of(2026, 9, 2), grades.mode(), "2026-09-01 23:59:59",
                "2026-09-02 23:59:59", 13, "", "");
        ImportWindow again = ImportWindow.of(grades.mode(), grades, w, LocalDate.of(2026, 9, 2), 30);
        assertThat(again.reused).isTrue();
        assertThat(again.where).isEqualTo("updated_at > '2026-09-01 23:29:59' AND '2026-09-02 23:59:59' >= updated_at");
    }

    @Test
    void sqoopGetsThePasswordFileNeverThePasswordAndGenericOptionsFirst() {
        TableSpec attendances = CATALOG.table("attendances");
        List<String> a = SqoopArguments.importArgs("jdbc:mysql://h/erp", "etl", "file:///s/etl.password", attendances,
                attendances.columnNames(), ImportWindow.full(), "/t", 2, "job", "/out", "/bin", null);
        assertThat(a.subList(0, 3)).containsExactly("import", "-D", "mapreduce.job.name=job");
        assertThat(a).containsSubsequence("--password-file", "file:///s/etl.password").doesNotContain("--password");
        assertThat(a).containsSubsequence("--null-string", "\\\\N").containsSubsequence("--bindir", "/bin")
                .contains("--as-textfile").doesNotContain("--jar-file", "--where", "--as-avrodatafile");
        List<String> cached = SqoopArguments.importArgs("jdbc:mysql://h/erp", "etl", "file:///s/p", attendances,
                attendances.columnNames(), ImportWindow.append(CATALOG.table("lessons"), "1", "2", false), "/t", 2, "job",
                "/out", "/bin", "/cache/erp_attendances.jar");
        assertThat(cached).containsSubsequence("--jar-file", "/cache/erp_attendances.jar").doesNotContain("--bindir")
                .containsSubsequence("--where", "lesson_id > 1 AND 2 >= lesson_id");
        assertThat(SqoopImporter.sqoopUrl("jdbc:mysql://h/erp?a=b")).isEqualTo("jdbc:mysql://h/erp?a=b&zeroDateTimeBehavior=ROUND");
        assertThat(SqoopImporter.passwordFileUri("/s/p")).isEqualTo("file:///s/p");
    }

    @Test
    void avroLandingsAskForDecimalLogicalTypesAndGetTheirOwnRecordClass() {
        TableSpec grades = CATALOG.table("grades");
        List<String> a = SqoopArguments.importArgs("jdbc:mysql://h/erp", "etl", "file:///s/p", grades,
                grades.columnNames(), ImportWindow.full(), "/t", 2, "job", "/out", "/bin", null);
        assertThat(a.subList(0, 5)).containsExactly("import", "-D", "mapreduce.job.name=job", "-D",
                "sqoop.avro.logical_types.decimal.enable=true");
        assertThat(a).contains("--as-avrodatafile").doesNotContain("--as-textfile", "--fields-terminated-by");
        assertThat(SqoopArguments.formatSignature("avro")).isNotEqualTo(SqoopArguments.formatSignature("text"));
    }
}
