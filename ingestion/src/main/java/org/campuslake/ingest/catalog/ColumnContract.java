package org.campuslake.ingest.catalog;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;

/** What every landed value of a column must satisfy. Immutable; {@code line} points into the catalog file. */
public final class ColumnContract implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final ColumnType type;
    private final boolean nullable;
    private final String min;
    private final String max;
    private final List<String> values;
    private final int maxLength;
    private final int precision;
    private final int scale;
    private final String references;
    private final int line;

    public ColumnContract(String name, ColumnType type, boolean nullable, String min, String max, List<String> values,
                          int maxLength, int line) {
        this(name, type, nullable, min, max, values, maxLength, 0, 0, line);
    }

    public ColumnContract(String name, ColumnType type, boolean nullable, String min, String max, List<String> values,
                          int maxLength, int precision, int scale, int line) {
        this(name, type, nullable, min, max, values, maxLength, precision, scale, null, line);
    }

    /** @param references the key this column refers to, {@code table.column}, or null */
    public ColumnContract(String name, ColumnType type, boolean nullable, String min, String max, List<String> values,
                          int maxLength, int precision, int scale, String references, int line) {
        this.name = name;
        this.type = type;
        this.nullable = nullable;
        this.min = min;
        this.max = max;
        this.values = values == null ? Collections.<String>emptyList() : Collections.unmodifiableList(values);
        this.maxLength = maxLength;
        this.precision = precision;
        this.scale = scale;
        this.references = references;
        this.line = line;
    }

    public String name() { return name; }
    public ColumnType type() { return type; }
    public boolean nullable() { return nullable; }
    /** Lower bound (inclusive) as written in the catalog, or null. */
    public String min() { return min; }
    /** Upper bound (inclusive) as written in the catalog, or null. */
    public String max() { return max; }
    /** Allowed values (strings only); empty means any. */
    public List<String> values() { return values; }
    /** Maximum length in characters (strings only); 0 means unbounded. */
    public int maxLength() { return maxLength; }
    /** Decimal precision and scale (decimal columns only; 0 when not given). */
    public int precision() { return precision; }
    public int scale() { return scale; }
    /** The key this column refers to ({@code table.column}: the row must exist there), or null. */
    public String references() { return references; }
    /** The referenced table, or null. */
    public String referencedTable() { return references == null ? null : references.substring(0, references.indexOf('.')); }
    public int line() { return line; }
}
