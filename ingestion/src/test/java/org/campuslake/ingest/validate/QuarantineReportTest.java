package org.campuslake.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.campuslake.ingest.LakeLayout;
import org.campuslake.ingest.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineReportTest {
    @TempDir
    Path lake;

    @Test
    void listsRejectsByTableDateAndReasonWithTheKeyAndDetailButNotTheRecord() throws Exception {
        Path part = lake.resolve("quarantine/erp/grades/ingest_date=2026-09-01");
        Files.createDirectories(part);
        String orphan = RecordValidatorTest.GOOD.replace("\00170\001", "\00199999\001");
        Files.write(part.resolve("part-r-00000"), Arrays.asList(
                ValidationRecord.quarantineLine("ORPHAN_REFERENCE", "student_id=99999: no students.student_id 99999", orphan),
                ValidationRecord.quarantineLine("OUT_OF_RANGE", "grade=150.00", RecordValidatorTest.GOOD.replaceFirst("^7", "8")),
                ValidationRecord.quarantineLine("OUT_OF_RANGE", "grade=-1.00", RecordValidatorTest.GOOD.replaceFirst("^7", "9"))),
                StandardCharsets.UTF_8);
        Files.createDirectories(lake.resolve("state/validation/erp/grades"));
        Files.write(lake.resolve("state/validation/erp/grades/ingest_date=2026-09-01.properties"),
                Arrays.asList("input=200"), StandardCharsets.UTF_8);
        LakeLayout layout = new LakeLayout(lake.toUri().toString());
        FileSystem fs = FileSystem.getLocal(new Configuration());

        List<QuarantineReport.Partition> parts = QuarantineReport.read(fs, layout, Catalog.builtIn().tables(), null, 1);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).byReason).containsEntry("OUT_OF_RANGE", 2L).containsEntry("ORPHAN_REFERENCE", 1L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuarantineReport.print(parts, layout, null, new PrintStream(out, true, "UTF-8"));
        String text = out.toString("UTF-8");
        assertThat(text).contains("erp.grades 2026-09-01: 3 rows of 200 landed (1.50 %)")
                .contains("OUT_OF_RANGE").contains("key 8: grade=150.00").doesNotContain("key 9")
                .contains("key 7: student_id=99999: no students.student_id 99999")
                .doesNotContain("quiz"); // the record's other values stay in the file
        assertThat(QuarantineReport.read(fs, layout, Catalog.builtIn().tables(), LocalDate.of(2026, 9, 2), 1)).isEmpty();
    }
}
