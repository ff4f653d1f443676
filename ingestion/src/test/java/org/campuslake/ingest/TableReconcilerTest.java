package org.campuslake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.campuslake.ingest.catalog.ColumnContract;
import org.campuslake.ingest.catalog.ImportMode;
import org.campuslake.ingest.catalog.TableSpec;
import org.junit.jupiter.api.Test;

/** The repair import's WHERE clause is built from key lists: its ranges and its reach are what bound the import. */
class TableReconcilerTest {

    private static TableSpec spec(ImportMode mode) {
        return new TableSpec("grades", mode, "grade_id", "grade_id", 1, "text",
                Collections.<ColumnContract>emptyList(), "catalog.yaml", 1);
    }

    @Test
    void consecutiveMissingKeysBecomeOneRangeAndLoneKeysStayEqualities() {
        String where = TableReconciler.repairWhere(spec(ImportMode.LASTMODIFIED),
                new long[] {3, 7, 8, 9, 12, 13}, "2026-09-02 23:59:59");
        assertThat(where).isEqualTo("(grade_id = 3 OR grade_id BETWEEN 7 AND 9 OR grade_id BETWEEN 12 AND 13)"
                + " AND updated_at <= '2026-09-02 23:59:59'");
    }

    @Test
    void anAppendTableIsBoundedByItsKeyNotByAStamp() {
        assertThat(TableReconciler.repairWhere(spec(ImportMode.APPEND), new long[] {5}, "40"))
                .isEqualTo("(grade_id = 5) AND grade_id <= 40");
    }

    @Test
    void theKeyListIsSortedAndAKeyLandedOnSeveralDatesCountsOnce() {
        LongList list = new LongList();
        for (int i = 3000; i >= 0; i--) {
            list.add(i % 1500);
        }
        long[] sorted = list.sorted();
        assertThat(sorted).hasSize(1500);
        assertThat(sorted[0]).isZero();
        assertThat(sorted[1499]).isEqualTo(1499);
    }
}
