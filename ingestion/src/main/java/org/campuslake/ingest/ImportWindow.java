package org.campuslake.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.campuslake.ingest.catalog.ImportMode;
import org.campuslake.ingest.catalog.TableSpec;

/**
 * The rows one import takes: an explicit, bounded window, so that a rerun of an old date reads the same rows
 * (Sqoop's own incremental modes take "now" as the upper bound).
 */
public final class ImportWindow {
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public final String lower;
    public final String upper;
    /** SQL condition for Sqoop's --where and for the reconciliation count; null for a full snapshot. */
    public final String where;
    public final boolean reused;

    private ImportWindow(String lower, String upper, String where, boolean reused) {
        this.lower = lower;
        this.upper = upper;
        this.where = where;
        this.reused = reused;
    }

    /** A window as a plan recorded it. */
    static ImportWindow restore(String lower, String upper, String where, boolean reused) {
        return new ImportWindow(lower, upper, where, reused);
    }

    public static ImportWindow full() {
        return new ImportWindow(null, null, null, false);
    }

    /*
     * The conditions never contain '<' or '&': Oozie puts the plan's output into the sqoop action's XML before it
     * parses it (JA007 "content of elements must consist of well-formed character data"), so an upper bound is
     * written bound-first ("100 >= id", not "id <= 100").
     */

    /** Keys in (lower, upper]; upper is the source's max key when the window was first taken. */
    public static ImportWindow append(TableSpec spec, String lower, String upper, boolean reused) {
        String where;
        if (upper == null) {
            where = "1 = 0"; // empty source table
        } else if (lower == null) {
            where = Long.parseLong(upper) + " >= " + spec.key();
        } else {
            where = spec.key() + " > " + Long.parseLong(lower) + " AND " + Long.parseLong(upper) + " >= " + spec.key();
        }
        return new ImportWindow(lower, upper, where, reused);
    }

    /** updated_at in (lower - overlap, end of D]: rows committed late with an earlier stamp are not missed. */
    public static ImportWindow lastModified(String lower, LocalDate date, int overlapMinutes, boolean reused, String upper) {
        String up = upper != null ? upper : TS.format(date.atTime(23, 59, 59));
        String where = "'" + TS.format(LocalDateTime.parse(up, TS)) + "' >= " + TableSpec.CHECK_COLUMN;
        if (lower != null) {
            String from = TS.format(LocalDateTime.parse(lower, TS).minusMinutes(overlapMinutes));
            where = TableSpec.CHECK_COLUMN + " > '" + from + "' AND " + where;
        }
        return new ImportWindow(lower, up, where, reused);
    }

    public static ImportWindow of(ImportMode mode, TableSpec spec, Watermark w, LocalDate date, int overlap) {
        switch (mode) {
            case APPEND:
                return append(spec, w.lower, w.upper, true);
            case LASTMODIFIED:
                return lastModified(w.lower, date, overlap, true, w.upper);
            default:
                return full();
        }
    }

    @Override
    public String toString() {
        return where == null ? "full table" : where;
    }
}
