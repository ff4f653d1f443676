package org.campuslake.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.LakeLayout;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.TableSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake's side of the conservation, counted from partition files as the validation step leaves them. */
class ConservationTest {
    private static final LocalDate D1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate D2 = D1.plusDays(1);
    private static final LocalDate D3 = D1.plusDays(2);

    @TempDir
    java.nio.file.Path dir;

    private FileSystem fs;
    private LakeLayout layout;
    private final TableSpec audiences = Catalog.builtIn().table("audiences");

    @BeforeEach
    void lake() throws IOException {
        fs = FileSystem.getLocal(new Configuration());
        layout = new LakeLayout(dir.toUri().toString());
        // D1: three valid rows, an orphan quarantined (4), a forgotten contact (9) left out at import.
        raw(D1, "1", "2", "3");
        quarantine(D1, "4");
        landing(D1, "9");
        // D2: 3 changed, 5 new, 1's change rejected, 6 rejected; the source lost 2, 4 (never valid) and 9 (erased).
        raw(D2, "3", "5");
        quarantine(D2, "1", "6");
        landing(D2);
        tombstones(D2, "2", "4", "9");
    }

    @Test
    void eachKeyIsCountedOnceWhereItIs() throws IOException {
        Conservation.Inventory d1 = new Conservation(fs, layout).inventory(audiences, D1);
        assertThat(new long[] {d1.raw, d1.quarantined, d1.erased, d1.deleted}).containsExactly(3, 1, 1, 0);

        Conservation.Inventory d2 = new Conservation(fs, layout).inventory(audiences, D2);
        // raw: 1, 3, 5 (2 deleted); quarantined only: 6 (1 is valid in raw, 4 deleted); erased: none left (9 deleted)
        assertThat(new long[] {d2.raw, d2.quarantined, d2.erased, d2.deleted}).containsExactly(3, 1, 0, 3);
    }

    @Test
    void aKeyTheSourceHasAgainAfterItsTombstoneIsLiveAgain() throws IOException {
        raw(D3, "2");
        landing(D3);
        Conservation.Inventory d3 = new Conservation(fs, layout).inventory(audiences, D3);
        assertThat(d3.raw).isEqualTo(4);
        assertThat(d3.deleted).isZero(); // the day's own tombstones only
    }

    @Test
    void theTermsGoToTheStepOutputUnderTheTableAndNameItsCuratedTable() throws IOException {
        Properties out = new Properties();
        new Conservation(fs, layout).inventory(audiences, D2).store("audiences", audiences.curatedTable(), out);
        assertThat(out).containsEntry("conservation.audiences.raw", "3")
                .containsEntry("conservation.audiences.quarantined", "1")
                .containsEntry("conservation.audiences.curated_table", "contacts");
    }

    private void raw(LocalDate d, String... keys) throws IOException {
        Path p = layout.raw("audiences", d);
        write(new Path(p, LakeLayout.COLUMNS), "audience_id\nevent_id\nfirst_name\n");
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            // an escaped newline inside a value stays inside its record
            sb.append(k).append('\001').append("7").append('\001').append(EscapedText.field("Ann\nB")).append('\n');
        }
        write(new Path(p, "part-m-00000"), sb.toString());
    }

    private void quarantine(LocalDate d, String... keys) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            sb.append("ORPHAN_REFERENCE\tevent_id=99: no events.event_id 99\t").append(k).append('\001').append("99")
                    .append('\001').append("Tab\there").append('\n');
        }
        write(new Path(layout.quarantine("audiences", d), "part-r-00000"), sb.toString());
    }

    private void landing(LocalDate d, String... erased) throws IOException {
        Path p = layout.landing("audiences", d);
        write(new Path(p, LakeLayout.COLUMNS), "audience_id\nevent_id\nfirst_name\n");
        if (erased.length > 0) {
            write(new Path(p, LakeLayout.ERASED), String.join("\n", erased) + "\n");
        }
    }

    private void tombstones(LocalDate d, String... keys) throws IOException {
        write(new Path(layout.deleted("audiences", d), "part-00000"), String.join("\n", keys) + "\n");
    }

    private void write(Path file, String text) throws IOException {
        java.nio.file.Path f = java.nio.file.Paths.get(file.toUri());
        Files.createDirectories(f.getParent());
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
    }
}
