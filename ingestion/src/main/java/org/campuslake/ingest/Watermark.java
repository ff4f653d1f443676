package org.campuslake.ingest;

import java.time.LocalDate;
import java.util.Properties;
import org.campuslake.ingest.catalog.ImportMode;

/**
 * The import window of one (table, ingest date): what was imported, so that a rerun of the same date imports
 * the same window, and the next date starts where this one ended. {@code lower} is exclusive, {@code upper}
 * inclusive; both null for full snapshots.
 */
public final class Watermark {
    public final String table;
    public final LocalDate date;
    public final ImportMode mode;
    public final String lower;
    public final String upper;
    public final long rows;
    public final String columns;
    public final String drift;
    /** Rows of {@link #rows} the whole-table reconciliation re-imported, and keys it found deleted at the source. */
    public long repaired;
    public long deleted;
    /** Records of erased people (lake forget) the import left out: not in {@link #rows}. */
    public long erased;
    /** Rows whose values Sqoop changed (text landing: a newline or \001 inside a value became a space). */
    public long normalised;

    public Watermark(String table, LocalDate date, ImportMode mode, String lower, String upper, long rows,
                     String columns, String drift) {
        this.table = table;
        this.date = date;
        this.mode = mode;
        this.lower = lower;
        this.upper = upper;
        this.rows = rows;
        this.columns = columns;
        this.drift = drift;
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("table", table);
        p.setProperty("ingest_date", date.toString());
        p.setProperty("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
        if (lower != null) {
            p.setProperty("lower", lower);
        }
        if (upper != null) {
            p.setProperty("upper", upper);
        }
        p.setProperty("rows", Long.toString(rows));
        p.setProperty("columns", columns);
        p.setProperty("drift", drift == null ? "" : drift);
        p.setProperty("repaired", Long.toString(repaired));
        p.setProperty("deleted", Long.toString(deleted));
        p.setProperty("erased", Long.toString(erased));
        p.setProperty("values.normalised", Long.toString(normalised));
        return p;
    }

    static Watermark fromProperties(Properties p) {
        return new Watermark(p.getProperty("table"), LocalDate.parse(p.getProperty("ingest_date")),
                ImportMode.valueOf(p.getProperty("mode").toUpperCase(java.util.Locale.ROOT)), p.getProperty("lower"),
                p.getProperty("upper"), Long.parseLong(p.getProperty("rows", "0")), p.getProperty("columns", ""),
                p.getProperty("drift", "")).reconciled(Long.parseLong(p.getProperty("repaired", "0")),
                Long.parseLong(p.getProperty("deleted", "0"))).erased(Long.parseLong(p.getProperty("erased", "0")))
                .normalised(Long.parseLong(p.getProperty("values.normalised", "0")));
    }

    Watermark normalised(long rows) {
        this.normalised = rows;
        return this;
    }

    Watermark erased(long rows) {
        this.erased = rows;
        return this;
    }

    Watermark reconciled(long repairedRows, long deletedKeys) {
        this.repaired = repairedRows;
        this.deleted = deletedKeys;
        return this;
    }
}
