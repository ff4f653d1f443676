package org.campuslake.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.campuslake.ingest.catalog.TableSpec;
import org.junit.jupiter.api.Test;

/**
 * The whole-table reconciliation on real Sqoop and a real MariaDB: rows no window takes (a late stamp, a key
 * committed after a larger one was imported, rows written while an import runs) are in the lake after the next
 * day's import; a deleted row lands as a tombstone, once, and a table that does not declare deletes stops.
 */
class ReconciliationIT {
    private static final LocalDate D1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 9, 2);

    @Test
    void rowsNoWindowTookAreRepairedTheNextDayAndDeletesAreCounted() throws Exception {
        IngestFixture f = new IngestFixture();
        f.ingest(IngestFixture.SEEDED);
        long lesson = f.sourceCount("SELECT MAX(lesson_id) FROM erp.lessons");
        // Lesson ids handed out in order but committed out of order: lesson+2 is committed after D1's import took
        // lesson+3 as its upper bound.
        f.sql("INSERT INTO erp.lessons SELECT " + (lesson + 1) + ", subject_id, professor_id, campus_id, promotion,"
                        + " '2026-09-01 09:00:00', 60, 'A1', '2026-09-01 08:00:00' FROM erp.lessons WHERE lesson_id = 1",
                "INSERT INTO erp.lessons SELECT " + (lesson + 3) + ", subject_id, professor_id, campus_id, promotion,"
                        + " '2026-09-01 09:00:00', 60, 'A2', '2026-09-01 08:00:00' FROM erp.lessons WHERE lesson_id = 1");
        f.ingestOnly(D1, "grades", "lessons", "audiences");
        long grade = f.sourceCount("SELECT MAX(grade_id) FROM erp.grades") + 1;
        f.sql("INSERT INTO erp.lessons SELECT " + (lesson + 2) + ", subject_id, professor_id, campus_id, promotion,"
                        + " '2026-09-01 09:00:00', 60, 'A3', '2026-09-01 08:00:00' FROM erp.lessons WHERE lesson_id = 1",
                // committed after D1's import, stamped hours before its upper bound (beyond the overlap)
                "INSERT INTO erp.grades VALUES (" + grade + ", 1, 1, '2026-09-01', 12.50, 'exam', '2026-09-01 20:00:00')",
                "DELETE FROM erp.audiences WHERE audience_id = 2");

        ImportResult grades = f.importTable("grades", D2);
        ImportResult lessons = f.importTable("lessons", D2);
        ImportResult audiences = f.importTable("audiences", D2);
        assertThat(grades.repaired).isEqualTo(1);
        assertThat(lessons.repaired).isEqualTo(1);
        assertThat(audiences.repaired).isZero();
        assertThat(audiences.deleted).isEqualTo(1);
        assertThat(f.validate("grades", D2).valid).isEqualTo(grades.rows);
        assertThat(f.validate("lessons", D2).valid).isEqualTo(lessons.rows);
        assertThat(keys(f.lines(f.layout().raw("grades", D2)))).contains(Long.toString(grade));
        assertThat(keys(f.lines(f.layout().raw("lessons", D2)))).contains(Long.toString(lesson + 2));
        Watermark w = new WatermarkStore(f.fs(), f.layout()).forDate("grades", D2);
        assertThat(w.repaired).isEqualTo(1);
        assertThat(w.rows).isEqualTo(grades.rows);

        // A rerun of the date lands the same rows again, the repaired ones included, and nothing twice.
        List<String> before = f.lines(f.layout().raw("grades", D2));
        assertThat(f.importTable("grades", D2).repaired).isEqualTo(1);
        f.validate("grades", D2);
        assertThat(f.lines(f.layout().raw("grades", D2))).containsExactlyInAnyOrderElementsOf(before);
        // The delete lands as a tombstone, in the landing partition and in raw.audiences_deleted.
        assertThat(Tombstones.read(f.fs(), f.layout().landing("audiences", D2))).containsExactly(2L);
        f.validate("audiences", D2);
        assertThat(f.lines(f.layout().deleted("audiences", D2))).containsExactly("2");

        // And the day after, the lake is whole: nothing left to repair, and the delete is not found again.
        LocalDate d3 = LocalDate.of(2026, 9, 3);
        f.sql("UPDATE erp.grades SET updated_at = '2026-09-03 10:00:00' WHERE grade_id = 1");
        assertThat(f.importTable("grades", d3).repaired).isZero();
        ImportResult again = f.importTable("audiences", d3);
        assertThat(again.deleted).isZero();
        assertThat(Tombstones.read(f.fs(), f.layout().landing("audiences", d3))).isEmpty();

        // A table that does not declare deletes stops its import when it loses a row, and names the key.
        f.sql("DELETE FROM erp.lessons WHERE lesson_id = " + (lesson + 1));
        assertThatThrownBy(() -> f.importTable("lessons", d3)).isInstanceOf(ImportException.class)
                .hasMessageContaining("erp.lessons lost 1 row(s)").hasMessageContaining("lesson_id=" + (lesson + 1))
                .hasMessageContaining("deletes: true");
        assertThat(f.fs().exists(f.layout().landing("lessons", d3))).isFalse();
    }

    @Test
    void rowsWrittenWhileAnImportRunsAreAllInTheLakeAfterTheNextDay() throws Exception {
        IngestFixture f = new IngestFixture();
        f.ingest(IngestFixture.SEEDED);
        final long first = f.sourceCount("SELECT MAX(grade_id) FROM erp.grades") + 1;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger written = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try (Connection c = f.db.erp().open(); Statement s = c.createStatement()) {
                for (int i = 0; !stop.get(); i++) {
                    // A batch job's rows, stamped in the window's past, and the ERP's own edits, stamped now
                    // (after the window): the first kind only the reconciliation finds, the second the next window.
                    s.execute("INSERT INTO erp.grades VALUES (" + (first + i) + ", 1, 1, '2026-09-01', 11.00, 'quiz',"
                            + " '2026-09-01 12:00:00')");
                    s.execute("UPDATE erp.grades SET grade = grade + 0.01, updated_at = '2026-09-02 00:10:00'"
                            + " WHERE grade_id = " + (1 + i % 500));
                    written.incrementAndGet();
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                failed.incrementAndGet();
                throw new RuntimeException(e);
            }
        }, "erp-writer");
        writer.start();
        try {
            f.importTable("grades", D1);
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(failed.get()).isZero();
        assertThat(written.get()).as("rows written during the import").isPositive();
        f.importTable("grades", D2);

        // The newest version of every grade, over every landing partition, is the source's.
        TableSpec spec = IngestFixture.CATALOG.table("grades");
        Map<String, String> source = new HashMap<String, String>();
        try (Connection c = f.db.erp().open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT grade_id, DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i:%s') FROM erp.grades")) {
            while (rs.next()) {
                source.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, String> lake = new HashMap<String, String>();
        int ts = spec.columnNames().indexOf(TableSpec.CHECK_COLUMN);
        for (LocalDate d : new LocalDate[] {IngestFixture.SEEDED, D1, D2}) {
            f.validate("grades", d);
            for (String l : f.lines(f.layout().raw("grades", d))) {
                String[] fields = l.split("\001", -1);
                String prev = lake.get(fields[0]);
                if (prev == null || fields[ts].compareTo(prev) > 0) {
                    lake.put(fields[0], fields[ts]);
                }
            }
        }
        assertThat(lake.keySet()).isEqualTo(source.keySet());
        for (Map.Entry<String, String> e : source.entrySet()) {
            assertThat(lake.get(e.getKey())).as("grade " + e.getKey()).startsWith(e.getValue());
        }
    }

    private static List<String> keys(List<String> lines) {
        List<String> out = new java.util.ArrayList<String>();
        for (String l : lines) {
            out.add(IngestFixture.key(l));
        }
        return out;
    }
}
