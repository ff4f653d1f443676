package org.campuslake.ingest;

import java.time.LocalDate;
import java.util.List;
import org.campuslake.ingest.catalog.ImportMode;

/** What one table's import did. */
public final class ImportResult {
    public final String table;
    public final LocalDate date;
    public final ImportMode mode;
    public final ImportWindow window;
    public final long rows;
    public final List<String> drift;
    public final double seconds;
    public final boolean cachedRecordClass;

    ImportResult(String table, LocalDate date, ImportMode mode, ImportWindow window, long rows, List<String> drift,
                 double seconds, boolean cachedRecordClass) {
        this.table = table;
        this.date = date;
        this.mode = mode;
        this.window = window;
        this.rows = rows;
        this.drift = drift;
        this.seconds = seconds;
        this.cachedRecordClass = cachedRecordClass;
    }
}
