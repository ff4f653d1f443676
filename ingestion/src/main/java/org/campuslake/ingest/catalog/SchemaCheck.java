package org.campuslake.ingest.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares a table's contract with the source. A missing table, a missing column or a column whose type changed
 * is an error (the import must not run); a column the catalog does not know is drift (imported and reported).
 */
public final class SchemaCheck {
    private final List<String> errors = new ArrayList<String>();
    private final List<String> drift = new ArrayList<String>();

    private SchemaCheck() {}

    public static SchemaCheck of(TableSpec spec, SourceSchema source, String schema) {
        SchemaCheck check = new SchemaCheck();
        if (source == null) {
            check.errors.add(spec.where() + ": table " + schema + "." + spec.name() + " does not exist in the source");
            return check;
        }
        for (ColumnContract c : spec.columns()) {
            SourceSchema.Column s = source.column(c.name());
            String where = spec.file() + ":" + c.line() + ": " + schema + "." + spec.name() + "." + c.name();
            if (s == null) {
                check.errors.add(where + " is in the catalog but no longer in the source");
            } else if (!c.type().accepts(s.jdbcType)) {
                check.errors.add(where + " is " + s.typeName + " in the source, but the catalog expects "
                        + c.type().name().toLowerCase(Locale.ROOT) + " (column type changed?)");
            }
        }
        for (SourceSchema.Column s : source.columns()) {
            if (spec.column(s.name) == null) {
                check.drift.add(s.name + " " + s.typeName);
            }
        }
        return check;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public List<String> errors() {
        return errors;
    }

    /** New source columns, as "name TYPE". */
    public List<String> drift() {
        return drift;
    }
}
