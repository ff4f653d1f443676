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
    /** The whole-table reconciliation: rows re-imported, keys deleted at the source, rows the next window takes. */
    public long repaired;
    public long deleted;
    public long later;
    /** Records of erased people (lake forget) left out of {@link #rows}. */
    public long erased;
    /** Rows whose values the text landing changed (a newline or \001 inside a value became a space). */
    public long normalised;
    /** The source's rows the lake accounts for after this import: every row but those no window took yet. */
    public long source;

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

    ImportResult reconciled(SqoopImporter.Reconciliation r) {
        this.repaired = r.repaired;
        this.deleted = r.deleted.length;
        this.later = r.later;
        return this;
    }

    ImportResult source(long rows) {
        this.source = rows;
        return this;
    }

    ImportResult normalised(long rows) {
        this.normalised = rows;
        return this;
    }

    ImportResult erased(long rows) {
        this.erased = rows;
        return this;
    }

    /** ", 2 repaired, 1 deleted at the source" or nothing. */
    public String reconciliation() {
        StringBuilder sb = new StringBuilder();
        if (repaired > 0) {
            sb.append(", ").append(repaired).append(" repaired (rows no window had taken)");
        }
        if (deleted > 0) {
            sb.append(", ").append(deleted).append(" deleted at the source");
        }
        if (normalised > 0) {
            sb.append(", ").append(normalised).append(" with values normalised (newline or \\001 replaced by a space)");
        }
        if (erased > 0) {
            sb.append(", ").append(erased).append(" of erased people left out");
        }
        return sb.toString();
    }
}
