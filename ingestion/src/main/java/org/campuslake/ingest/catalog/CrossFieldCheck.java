package org.campuslake.ingest.catalog;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A rule between two columns of a row, as written in the catalog ({@code left_date >= join_date}): it holds when
 * either value is NULL, otherwise the two typed values must compare as the operator says.
 */
public final class CrossFieldCheck implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String left;
    private final String op;
    private final String right;
    private final ColumnType type;

    public CrossFieldCheck(String left, String op, String right, ColumnType type) {
        this.left = left;
        this.op = op;
        this.right = right;
        this.type = type;
    }

    public String left() { return left; }
    public String right() { return right; }

    /** The rule as the catalog writes it. */
    public String text() {
        return left + " " + op + " " + right;
    }

    /**
     * Whether the rule holds for these text values ({@code \N} is NULL). Values that do not parse are the column
     * checks' business; they run first.
     */
    public boolean holds(String a, String b, String nullText) {
        if (nullText.equals(a) || nullText.equals(b)) {
            return true;
        }
        int c = compare(a, b);
        switch (op) {
            case "<": return c < 0;
            case "<=": return c <= 0;
            case ">": return c > 0;
            case ">=": return c >= 0;
            case "=": return c == 0;
            case "!=": return c != 0;
            default: throw new IllegalStateException(op);
        }
    }

    private int compare(String a, String b) {
        switch (type) {
            case INT:
            case BIGINT:
                return Long.compare(Long.parseLong(a), Long.parseLong(b));
            case DECIMAL:
                return new BigDecimal(a).compareTo(new BigDecimal(b));
            case DATE:
                return LocalDate.parse(a).compareTo(LocalDate.parse(b));
            default:
                // strings, and timestamps in Sqoop's one fixed format, compare as text
                return a.compareTo(b);
        }
    }
}
