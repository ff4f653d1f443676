package org.campuslake.ingest.catalog;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One ERP table in the catalog: how it is imported and the contract of its columns (in source order). */
public final class TableSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The column lastmodified imports filter on. */
    public static final String CHECK_COLUMN = "updated_at";

    private final String name;
    private final ImportMode mode;
    private final String key;
    private final String splitBy;
    private final int mappers;
    private final String format;
    private final List<ColumnContract> columns;
    private final List<CrossFieldCheck> checks;
    private final String file;
    private final int line;
    private boolean deletes;
    private CuratedSpec curated;

    public TableSpec(String name, ImportMode mode, String key, String splitBy, int mappers, String format,
                     List<ColumnContract> columns, String file, int line) {
        this(name, mode, key, splitBy, mappers, format, columns, Collections.<CrossFieldCheck>emptyList(), file, line);
    }

    public TableSpec(String name, ImportMode mode, String key, String splitBy, int mappers, String format,
                     List<ColumnContract> columns, List<CrossFieldCheck> checks, String file, int line) {
        this.name = name;
        this.mode = mode;
        this.key = key;
        this.splitBy = splitBy;
        this.mappers = mappers;
        this.format = format;
        this.columns = Collections.unmodifiableList(new ArrayList<ColumnContract>(columns));
        this.checks = Collections.unmodifiableList(new ArrayList<CrossFieldCheck>(checks));
        this.file = file;
        this.line = line;
    }

    /** Declared in the catalog: rows may be hard-deleted in the source, and the lake carries them as tombstones. */
    TableSpec withDeletes(boolean value) {
        this.deletes = value;
        return this;
    }

    public boolean deletes() { return deletes; }

    TableSpec withCurated(CuratedSpec spec) {
        this.curated = spec;
        return this;
    }

    /** The catalog's {@code curated:} block (the same name and every column when there is none). */
    public CuratedSpec curated() { return curated == null ? CuratedSpec.plain(name) : curated; }

    /** The curated table that holds this table's rows ({@code curated: {table: ...}}, default the same name). */
    public String curatedTable() { return curated().table(); }
    public String name() { return name; }
    public ImportMode mode() { return mode; }
    public String key() { return key; }
    public String splitBy() { return splitBy; }
    public int mappers() { return mappers; }
    public String format() { return format; }
    public List<ColumnContract> columns() { return columns; }
    /** The rules between columns of a row ({@code checks:}). */
    public List<CrossFieldCheck> checks() { return checks; }

    /** The columns that refer to another table's key ({@code references:}). */
    public List<ColumnContract> references() {
        List<ColumnContract> out = new ArrayList<ColumnContract>();
        for (ColumnContract c : columns) {
            if (c.references() != null) {
                out.add(c);
            }
        }
        return out;
    }
    /** Where this table is described, for error messages: {@code file:line}. */
    public String where() { return file + ":" + line; }
    public String file() { return file; }

    public ColumnContract column(String columnName) {
        for (ColumnContract c : columns) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        return null;
    }

    public List<String> columnNames() {
        List<String> out = new ArrayList<String>();
        for (ColumnContract c : columns) {
            out.add(c.name());
        }
        return out;
    }
}
