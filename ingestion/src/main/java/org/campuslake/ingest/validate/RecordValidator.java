package org.campuslake.ingest.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.campuslake.ingest.catalog.ColumnContract;
import org.campuslake.ingest.catalog.CrossFieldCheck;
import org.campuslake.ingest.catalog.TableSpec;

/**
 * Checks one landed text record (fields separated by \001, NULL as \N) against a table's contract. Pure logic:
 * the mapper calls it, and it is tested on its own.
 */
public final class RecordValidator {
    public static final char FIELD_SEPARATOR = '\001';
    public static final String NULL = "\\N";
    /** Sqoop prints timestamps as java.sql.Timestamp does: "2025-09-01 08:30:00.0". */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    /** The verdict on one record. */
    public static final class Result {
        public final RejectReason reason;
        public final String detail;
        public final String key;
        public final String[] fields;

        Result(RejectReason reason, String detail, String key, String[] fields) {
            this.reason = reason;
            this.detail = detail;
            this.key = key;
            this.fields = fields;
        }

        public boolean valid() {
            return reason == null;
        }
    }

    private final List<String> landedColumns;
    private final ColumnContract[] contracts;
    private final int keyIndex;
    private final int checkIndex;
    private final List<CrossFieldCheck> checks;
    private final int[][] checkColumns;
    private final List<ColumnContract> references = new ArrayList<ColumnContract>();
    private final List<Integer> referenceIndexes = new ArrayList<Integer>();
    private final List<Set<String>> keysOfReferences = new ArrayList<Set<String>>();

    /** Without the reference checks: the values and the rules between columns only. */
    public RecordValidator(TableSpec spec, List<String> landedColumns) {
        this(spec, landedColumns, Collections.<String, Set<String>>emptyMap());
    }

    /**
     * @param landedColumns  the columns of the landed files, in order ({@code _columns}); columns the catalog does
     *                       not describe (schema drift) are carried, not checked
     * @param referencedKeys per referencing column, the keys its referenced table has (the references of the
     *                       columns not in it are not checked)
     */
    public RecordValidator(TableSpec spec, List<String> landedColumns, Map<String, Set<String>> referencedKeys) {
        this.landedColumns = landedColumns;
        this.contracts = new ColumnContract[landedColumns.size()];
        for (int i = 0; i < contracts.length; i++) {
            contracts[i] = spec.column(landedColumns.get(i));
        }
        this.keyIndex = landedColumns.indexOf(spec.key());
        this.checkIndex = landedColumns.indexOf(TableSpec.CHECK_COLUMN);
        for (ColumnContract c : spec.columns()) {
            if (!landedColumns.contains(c.name())) {
                throw new IllegalArgumentException("the landed files have no column " + c.name() + " (" + spec.where() + ")");
            }
        }
        this.checks = spec.checks();
        this.checkColumns = new int[checks.size()][];
        for (int i = 0; i < checks.size(); i++) {
            checkColumns[i] = new int[] {landedColumns.indexOf(checks.get(i).left()),
                    landedColumns.indexOf(checks.get(i).right())};
        }
        for (ColumnContract c : spec.references()) {
            Set<String> keys = referencedKeys.get(c.name());
            if (keys != null) {
                references.add(c);
                referenceIndexes.add(landedColumns.indexOf(c.name()));
                keysOfReferences.add(keys);
            }
        }
    }

    /** Index of the check column ({@code updated_at}) in the landed record, or -1. */
    public int checkIndex() {
        return checkIndex;
    }

    public Result check(String line) {
        String[] f = split(line);
        if (f.length != landedColumns.size()) {
            return new Result(RejectReason.FIELD_COUNT, f.length + " fields, expected " + landedColumns.size(), null, f);
        }
        String key = f[keyIndex];
        for (int i = 0; i < f.length; i++) {
            ColumnContract c = contracts[i];
            if (c == null) {
                continue;
            }
            RejectReason r = checkValue(c, f[i]);
            if (r != null) {
                return new Result(r, c.name() + "=" + abbreviate(f[i]), key, f);
            }
        }
        for (int i = 0; i < checks.size(); i++) {
            String a = f[checkColumns[i][0]];
            String b = f[checkColumns[i][1]];
            if (!checks.get(i).holds(a == null ? NULL : a, b == null ? NULL : b, NULL)) {
                return new Result(RejectReason.CROSS_FIELD, checks.get(i).text() + ": " + checks.get(i).left() + "="
                        + abbreviate(a) + ", " + checks.get(i).right() + "=" + abbreviate(b), key, f);
            }
        }
        for (int i = 0; i < references.size(); i++) {
            String v = f[referenceIndexes.get(i)];
            if (v != null && !keysOfReferences.get(i).contains(v)) {
                ColumnContract c = references.get(i);
                return new Result(RejectReason.ORPHAN_REFERENCE, c.name() + "=" + abbreviate(v) + ": no "
                        + c.references() + " " + abbreviate(v), key, f);
            }
        }
        return new Result(null, null, key, f);
    }

    static RejectReason checkValue(ColumnContract c, String v) {
        if (v == null) {
            return c.nullable() ? null : RejectReason.NULL_NOT_ALLOWED;
        }
        switch (c.type()) {
            case STRING:
                if (v.trim().isEmpty() && !c.nullable()) {
                    return RejectReason.EMPTY;
                }
                if (c.maxLength() > 0 && v.codePointCount(0, v.length()) > c.maxLength()) {
                    return RejectReason.TOO_LONG;
                }
                if (!c.values().isEmpty() && !c.values().contains(v)) {
                    return RejectReason.NOT_ALLOWED_VALUE;
                }
                return null;
            case INT:
            case BIGINT:
                long n;
                try {
                    n = c.type() == org.campuslake.ingest.catalog.ColumnType.INT ? Integer.parseInt(v) : Long.parseLong(v);
                } catch (NumberFormatException e) {
                    return RejectReason.BAD_NUMBER;
                }
                return (c.min() != null && n < Long.parseLong(c.min())) || (c.max() != null && n > Long.parseLong(c.max()))
                        ? RejectReason.OUT_OF_RANGE : null;
            case DECIMAL:
                BigDecimal d;
                try {
                    d = new BigDecimal(v);
                } catch (NumberFormatException e) {
                    return RejectReason.BAD_DECIMAL;
                }
                return (c.min() != null && d.compareTo(new BigDecimal(c.min())) < 0)
                        || (c.max() != null && d.compareTo(new BigDecimal(c.max())) > 0) ? RejectReason.OUT_OF_RANGE : null;
            case DATE:
                LocalDate date;
                try {
                    date = LocalDate.parse(v, DATE);
                } catch (DateTimeParseException e) {
                    return RejectReason.BAD_DATE;
                }
                if (date.getYear() < 1000) {
                    return RejectReason.BAD_DATE; // a MySQL zero date, rounded to 0001-01-01 by the driver
                }
                return (c.min() != null && date.isBefore(LocalDate.parse(c.min())))
                        || (c.max() != null && date.isAfter(LocalDate.parse(c.max()))) ? RejectReason.OUT_OF_RANGE : null;
            case TIMESTAMP:
                try {
                    LocalDateTime t = LocalDateTime.parse(v, TIMESTAMP);
                    return t.getYear() < 1000 ? RejectReason.BAD_TIMESTAMP : null;
                } catch (DateTimeParseException e) {
                    return RejectReason.BAD_TIMESTAMP;
                }
            default:
                throw new IllegalStateException("unhandled type " + c.type());
        }
    }

    /** The unescaped values of a record line ({@link EscapedText}), null for NULL. */
    static String[] split(String line) {
        return EscapedText.split(line);
    }

    private static String abbreviate(String v) {
        if (v == null) {
            return "NULL";
        }
        return v.length() <= 40 ? v : v.substring(0, 37) + "...";
    }
}
