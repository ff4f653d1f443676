package org.campuslake.ingest.catalog;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The columns of a source table as the database reports them, in table order. */
public final class SourceSchema {
    /** One source column: name, JDBC type and the database's own type name. */
    public static final class Column {
        public final String name;
        public final int jdbcType;
        public final String typeName;

        Column(String name, int jdbcType, String typeName) {
            this.name = name;
            this.jdbcType = jdbcType;
            this.typeName = typeName;
        }
    }

    private final String table;
    private final List<Column> columns;

    private SourceSchema(String table, List<Column> columns) {
        this.table = table;
        this.columns = Collections.unmodifiableList(columns);
    }

    /** @return null when the table does not exist */
    public static SourceSchema read(Connection c, String schema, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<Column> cols = new ArrayList<Column>();
        // MySQL drivers expose databases as catalogs.
        try (ResultSet rs = md.getColumns(schema, null, table, null)) {
            while (rs.next()) {
                cols.add(new Column(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT),
                        rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")));
            }
        }
        return cols.isEmpty() ? null : new SourceSchema(table, cols);
    }

    /** A schema described by hand (tests, tools). */
    public static SourceSchema of(String table, List<Column> columns) {
        return new SourceSchema(table, new ArrayList<Column>(columns));
    }

    public static Column column(String name, int jdbcType, String typeName) {
        return new Column(name, jdbcType, typeName);
    }

    public String table() { return table; }
    public List<Column> columns() { return columns; }

    public Column column(String name) {
        for (Column c : columns) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    public List<String> names() {
        List<String> out = new ArrayList<String>();
        for (Column c : columns) {
            out.add(c.name);
        }
        return out;
    }

    /** A stable description of the schema (names and types), for caching generated code. */
    public String signature() {
        StringBuilder sb = new StringBuilder(table);
        for (Column c : columns) {
            sb.append('|').append(c.name).append(':').append(c.jdbcType);
        }
        return sb.toString();
    }
}
