package org.campuslake.seed;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two summary databases compared row for row (the one local mode published and the one a cluster published, from
 * the same seed, dates and salt): every table of the schema, every column but {@code published_at} and {@code version}
 * (how many times a date was published: a retry on one side only is no difference), which say when and how often,
 * not what. Floating-point columns may differ in the last digits (Spark sums in another order on more
 * partitions): they match within a relative 1e-9.
 */
public final class SummaryDiff {
    private static final java.util.Set<String> IGNORED = java.util.Set.of("published_at", "version");
    private static final int SHOWN = 5;

    private SummaryDiff() {}

    /** One table's outcome: its row counts on each side and the differing rows (a few of them). */
    public record Table(String name, long leftRows, long rightRows, long differing, List<String> examples) {
        public boolean same() {
            return differing == 0 && leftRows == rightRows;
        }
    }

    /**
     * Every table of the schema as text, in a fixed order, every column but {@code published_at} and {@code version}: two runs that
     * published the same thing give the same bytes.
     */
    public static java.util.Map<String, List<String>> dump(Connection c, String schema) throws SQLException {
        java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
        for (String t : tables(c, schema)) {
            List<String> cols = new ArrayList<>();
            String sql = select(c, schema, t, cols, new ArrayList<>());
            List<String> lines = new ArrayList<>();
            for (Object[] r : rows(c, sql, cols.size())) {
                lines.add(show(cols, r));
            }
            out.put(t, lines);
        }
        return out;
    }

    public static List<Table> compare(Connection left, Connection right, String schema) throws SQLException {
        List<Table> out = new ArrayList<>();
        for (String t : tables(left, schema)) {
            List<String> cols = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            String sql = select(left, schema, t, cols, types);
            List<Object[]> a = rows(left, sql, cols.size());
            List<Object[]> b = rows(right, sql, cols.size());
            long differing = 0;
            List<String> examples = new ArrayList<>();
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                Object[] x = i < a.size() ? a.get(i) : null;
                Object[] y = i < b.size() ? b.get(i) : null;
                if (x == null || y == null || !same(x, y, types)) {
                    differing++;
                    if (examples.size() < SHOWN) {
                        examples.add("row " + (i + 1) + ": " + show(cols, x) + "  vs  " + show(cols, y));
                    }
                }
            }
            out.add(new Table(t, a.size(), b.size(), differing, examples));
        }
        return out;
    }

    /** The table's SELECT of every column but the ignored ones, sorted by all of them; fills in the columns and types. */
    private static String select(Connection c, String schema, String t, List<String> cols, List<Integer> types)
            throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getColumns(schema, null, t, null)) {
            while (rs.next()) {
                if (!IGNORED.contains(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT))) {
                    cols.add(rs.getString("COLUMN_NAME"));
                    types.add(rs.getInt("DATA_TYPE"));
                }
            }
        }
        String list = String.join(", ", cols.stream().map(x -> "`" + x + "`").toList());
        return "SELECT " + list + " FROM `" + schema + "`.`" + t + "` ORDER BY " + list;
    }

    private static List<String> tables(Connection c, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(schema, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        out.sort(null);
        return out;
    }

    private static List<Object[]> rows(Connection c, String sql, int n) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object[] r = new Object[n];
                for (int i = 0; i < n; i++) {
                    r[i] = rs.getObject(i + 1);
                }
                out.add(r);
            }
        }
        return out;
    }

    private static boolean same(Object[] x, Object[] y, List<Integer> types) {
        for (int i = 0; i < x.length; i++) {
            int t = types.get(i);
            if (x[i] == null || y[i] == null) {
                if (x[i] != y[i]) {
                    return false;
                }
            } else if (t == Types.DOUBLE || t == Types.FLOAT || t == Types.REAL) {
                double a = ((Number) x[i]).doubleValue();
                double b = ((Number) y[i]).doubleValue();
                if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
                    return false;
                }
            } else if (x[i] instanceof java.math.BigDecimal p && y[i] instanceof java.math.BigDecimal q) {
                if (p.compareTo(q) != 0) {
                    return false;
                }
            } else if (!x[i].equals(y[i])) {
                return false;
            }
        }
        return true;
    }

    private static String show(List<String> cols, Object[] r) {
        if (r == null) {
            return "(no row)";
        }
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < r.length; i++) {
            b.append(i == 0 ? "" : ", ").append(cols.get(i)).append('=').append(r[i]);
        }
        return b.append('}').toString();
    }

    /** One line per table, as the comparison's report. */
    public static String report(List<Table> tables) {
        StringBuilder b = new StringBuilder();
        for (Table t : tables) {
            b.append(String.format(Locale.ROOT, "  %-28s %8d %8d  %s%n", t.name(), t.leftRows(), t.rightRows(),
                    t.same() ? "same" : t.differing() + " differing row(s)"));
            t.examples().forEach(e -> b.append("      ").append(e).append('\n'));
        }
        return b.toString();
    }
}
