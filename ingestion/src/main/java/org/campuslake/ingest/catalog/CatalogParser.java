package org.campuslake.ingest.catalog;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the catalog YAML through SnakeYAML's node tree, so that every error says {@code file:line}. Checks
 * everything that needs no database: known keys, safe identifiers, modes, types and bounds.
 */
final class CatalogParser {
    /** Identifiers end up in SQL and paths: lower-case letters, digits and underscores only. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,63}");
    private static final Set<String> TABLE_KEYS = new HashSet<String>(Arrays.asList(
            "mode", "key", "split_by", "mappers", "format", "columns", "checks", "deletes", "curated"));
    private static final Set<String> CURATED_KEYS = new HashSet<String>(Arrays.asList("table", "drop", "pseudonymise",
            "derive", "join", "partition"));
    private static final Set<String> DERIVE_KEYS = new HashSet<String>(Arrays.asList("name", "after", "sql"));
    private static final Set<String> PARTITION_KEYS = new HashSet<String>(Arrays.asList("column", "month_of"));
    private static final Set<String> COLUMN_KEYS = new HashSet<String>(Arrays.asList(
            "type", "nullable", "min", "max", "values", "max_length", "precision", "scale", "references"));
    private static final Pattern CHECK = Pattern.compile("([a-z_][a-z0-9_]*)\\s*(<=|>=|!=|<|>|=)\\s*([a-z_][a-z0-9_]*)");
    private static final Set<String> FORMATS = new HashSet<String>(Arrays.asList("text", "avro"));

    private final String file;

    private CatalogParser(String file) {
        this.file = file;
    }

    static Catalog parse(Reader reader, String file) {
        return new CatalogParser(file).parse(reader);
    }

    private Catalog parse(Reader reader) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (YAMLException e) {
            throw new CatalogException(file + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (root == null) {
            throw new CatalogException(file + ": empty catalog");
        }
        Map<String, NodeTuple> top = mapping(root, "the catalog", new HashSet<String>(Arrays.asList("tables")));
        NodeTuple tablesTuple = top.get("tables");
        if (tablesTuple == null) {
            throw error(root, "missing 'tables'");
        }
        List<TableSpec> tables = new ArrayList<TableSpec>();
        Set<String> seen = new HashSet<String>();
        for (NodeTuple t : ((MappingNode) expectMapping(tablesTuple.getValueNode(), "tables")).getValue()) {
            String name = identifier(t.getKeyNode(), "table name");
            if (!seen.add(name)) {
                throw error(t.getKeyNode(), "table '" + name + "' is described twice");
            }
            tables.add(table(name, t.getKeyNode(), t.getValueNode()));
        }
        if (tables.isEmpty()) {
            throw error(tablesTuple.getValueNode(), "no tables");
        }
        checkReferences(tables);
        return new Catalog(tables);
    }

    private TableSpec table(String name, Node keyNode, Node node) {
        Map<String, NodeTuple> m = mapping(node, "table '" + name + "'", TABLE_KEYS);
        String modeText = required(m, "mode", node, name);
        ImportMode mode;
        try {
            mode = ImportMode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(m.get("mode").getValueNode(), "table '" + name + "': unknown mode '" + modeText
                    + "' (full, append or lastmodified)");
        }
        String key = identifier(m.get("key") == null ? null : m.get("key").getValueNode(), "key of table '" + name + "'", node);
        String splitBy = m.containsKey("split_by") ? identifier(m.get("split_by").getValueNode(), "split_by") : key;
        int mappers = 1;
        if (m.containsKey("mappers")) {
            Node mn = m.get("mappers").getValueNode();
            mappers = wholeNumber(mn, "mappers");
            if (mappers < 1 || mappers > 64) {
                throw error(mn, "table '" + name + "': mappers must be a whole number from 1 to 64");
            }
        }
        String format = m.containsKey("format") ? scalar(m.get("format").getValueNode(), "format") : "text";
        if (!FORMATS.contains(format)) {
            throw error(m.get("format").getValueNode(), "table '" + name + "': unknown format '" + format + "' (text or avro)");
        }
        NodeTuple cols = m.get("columns");
        if (cols == null) {
            throw error(node, "table '" + name + "' has no columns");
        }
        List<ColumnContract> columns = new ArrayList<ColumnContract>();
        Set<String> names = new HashSet<String>();
        for (NodeTuple c : ((MappingNode) expectMapping(cols.getValueNode(), "columns")).getValue()) {
            String col = identifier(c.getKeyNode(), "column name");
            if (!names.add(col)) {
                throw error(c.getKeyNode(), "table '" + name + "': column '" + col + "' is described twice");
            }
            columns.add(column(name, col, c.getKeyNode(), c.getValueNode()));
        }
        List<CrossFieldCheck> checks = new ArrayList<CrossFieldCheck>();
        if (m.containsKey("checks")) {
            Node cn = m.get("checks").getValueNode();
            if (!(cn instanceof SequenceNode)) {
                throw error(cn, "table '" + name + "': checks must be a list of rules such as 'left_date >= join_date'");
            }
            for (Node rule : ((SequenceNode) cn).getValue()) {
                checks.add(check(name, columns, rule));
            }
        }
        boolean deletes = false;
        if (m.containsKey("deletes")) {
            Node dn = m.get("deletes").getValueNode();
            String v = scalar(dn, "deletes");
            if (!v.equals("true") && !v.equals("false")) {
                throw error(dn, "table '" + name + "': deletes must be true or false");
            }
            deletes = Boolean.parseBoolean(v);
            if (deletes && mode == ImportMode.FULL) {
                // A full import lands the whole table; its deletes would need a snapshot diff, not tombstones.
                throw error(dn, "table '" + name + "': deletes is for append and lastmodified tables (a full table"
                        + " is re-imported whole every run)");
            }
        }
        TableSpec spec = new TableSpec(name, mode, key, splitBy, mappers, format, columns, checks, file,
                keyNode.getStartMark().getLine() + 1).withDeletes(deletes);
        spec.withCurated(m.containsKey("curated") ? curated(spec, m.get("curated").getValueNode()) : CuratedSpec.plain(name));
        ColumnContract keyCol = spec.column(key);
        if (keyCol == null) {
            throw error(m.get("key").getValueNode(), "table '" + name + "': key '" + key + "' is not one of its columns");
        }
        ColumnContract split = spec.column(splitBy);
        if (split == null || !split.type().isNumeric()) {
            throw error(node, "table '" + name + "': split_by '" + splitBy + "' must be a numeric column of the table");
        }
        if (mode == ImportMode.APPEND && !(keyCol.type() == ColumnType.INT || keyCol.type() == ColumnType.BIGINT)) {
            throw error(node, "table '" + name + "': append mode needs an integer key");
        }
        ColumnContract check = spec.column(TableSpec.CHECK_COLUMN);
        if (mode == ImportMode.LASTMODIFIED && (check == null || check.type() != ColumnType.TIMESTAMP)) {
            throw error(node, "table '" + name + "': lastmodified mode needs a timestamp column '"
                    + TableSpec.CHECK_COLUMN + "'");
        }
        return spec;
    }

    private CuratedSpec curated(TableSpec spec, Node node) {
        String what = "table '" + spec.name() + "': curated";
        Map<String, NodeTuple> cm = mapping(node, what, CURATED_KEYS);
        String table = cm.containsKey("table") ? identifier(cm.get("table").getValueNode(), "curated table") : spec.name();
        Set<String> drop = new java.util.LinkedHashSet<String>();
        if (cm.containsKey("drop")) {
            Node dn = cm.get("drop").getValueNode();
            if (!(dn instanceof SequenceNode)) {
                throw error(dn, what + ": drop must be a list of the table's columns");
            }
            for (Node c : ((SequenceNode) dn).getValue()) {
                drop.add(sourceColumn(spec, c, what + ": drop"));
            }
        }
        Map<String, String> pseudonyms = new LinkedHashMap<String, String>();
        if (cm.containsKey("pseudonymise")) {
            Node pn = cm.get("pseudonymise").getValueNode();
            for (Map.Entry<String, NodeTuple> e : mapping(pn, what + ": pseudonymise", null).entrySet()) {
                String column = sourceColumn(spec, e.getValue().getKeyNode(), what + ": pseudonymise");
                if (drop.contains(column)) {
                    throw error(e.getValue().getKeyNode(), what + ": " + column + " is both dropped and pseudonymised");
                }
                pseudonyms.put(column, identifier(e.getValue().getValueNode(), "pseudonym kind"));
            }
        }
        List<CuratedSpec.Derived> derived = new ArrayList<CuratedSpec.Derived>();
        if (cm.containsKey("derive")) {
            Node dn = cm.get("derive").getValueNode();
            if (!(dn instanceof SequenceNode)) {
                throw error(dn, what + ": derive must be a list of {name, after, sql}");
            }
            for (Node d : ((SequenceNode) dn).getValue()) {
                Map<String, NodeTuple> dm = mapping(d, what + ": derive", DERIVE_KEYS);
                derived.add(new CuratedSpec.Derived(identifier(value(dm, "name"), "derived column's name", d),
                        identifier(value(dm, "after"), "derived column's 'after'", d),
                        required(dm, "sql", d, what + ": derive")));
            }
        }
        String join = cm.containsKey("join") ? scalar(cm.get("join").getValueNode(), "join") : null;
        String partitionColumn = null;
        String monthOf = null;
        if (cm.containsKey("partition")) {
            Node pn = cm.get("partition").getValueNode();
            Map<String, NodeTuple> pm = mapping(pn, what + ": partition", PARTITION_KEYS);
            partitionColumn = identifier(value(pm, "column"), "partition column", pn);
            monthOf = required(pm, "month_of", pn, what + ": partition");
        }
        CuratedSpec c = new CuratedSpec(table, drop, pseudonyms, derived, join, partitionColumn, monthOf);
        try {
            HiveCuratedBuild.columns(spec, c);
        } catch (IllegalArgumentException e) {
            throw error(node, what + ": " + e.getMessage());
        }
        return c;
    }

    private static Node value(Map<String, NodeTuple> m, String key) {
        return m.containsKey(key) ? m.get(key).getValueNode() : null;
    }

    private String sourceColumn(TableSpec spec, Node node, String what) {
        String column = scalar(node, what);
        if (spec.column(column) == null) {
            throw error(node, what + ": '" + column + "' is not a column of " + spec.name());
        }
        return column;
    }

    private ColumnContract column(String table, String name, Node keyNode, Node node) {
        String what = "column '" + table + "." + name + "'";
        Map<String, NodeTuple> m = mapping(node, what, COLUMN_KEYS);
        String typeText = required(m, "type", node, what);
        ColumnType type;
        try {
            type = ColumnType.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(m.get("type").getValueNode(), what + ": unknown type '" + typeText
                    + "' (int, bigint, decimal, string, date, timestamp)");
        }
        boolean nullable = false;
        if (m.containsKey("nullable")) {
            String v = scalar(m.get("nullable").getValueNode(), "nullable");
            if (!v.equals("true") && !v.equals("false")) {
                throw error(m.get("nullable").getValueNode(), what + ": nullable must be true or false");
            }
            nullable = Boolean.parseBoolean(v);
        }
        String min = bound(m, "min", type, what);
        String max = bound(m, "max", type, what);
        List<String> values = null;
        if (m.containsKey("values")) {
            Node vn = m.get("values").getValueNode();
            if (type != ColumnType.STRING || !(vn instanceof SequenceNode)) {
                throw error(vn, what + ": values must be a list, on a string column");
            }
            values = new ArrayList<String>();
            for (Node v : ((SequenceNode) vn).getValue()) {
                values.add(scalar(v, "value"));
            }
        }
        int maxLength = 0;
        if (m.containsKey("max_length")) {
            Node ln = m.get("max_length").getValueNode();
            maxLength = wholeNumber(ln, "max_length");
            if (type != ColumnType.STRING || maxLength < 1) {
                throw error(ln, what + ": max_length must be a positive whole number, on a string column");
            }
        }
        int precision = 0;
        int scale = 0;
        if (m.containsKey("precision") || m.containsKey("scale")) {
            Node pn = m.containsKey("precision") ? m.get("precision").getValueNode() : node;
            precision = m.containsKey("precision") ? wholeNumber(pn, "precision") : -1;
            scale = m.containsKey("scale") ? wholeNumber(m.get("scale").getValueNode(), "scale") : 0;
            if (type != ColumnType.DECIMAL || precision < 1 || precision > 38 || scale < 0 || scale > precision) {
                throw error(pn, what + ": precision (1-38) and scale (0-precision) apply to decimal columns");
            }
        }
        String references = null;
        if (m.containsKey("references")) {
            Node rn = m.get("references").getValueNode();
            references = scalar(rn, "references");
            if (!Pattern.matches("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*", references)) {
                throw error(rn, what + ": references must name a table's key as table.column");
            }
        }
        return new ColumnContract(name, type, nullable, min, max, values, maxLength, precision, scale, references,
                keyNode.getStartMark().getLine() + 1);
    }

    private CrossFieldCheck check(String table, List<ColumnContract> columns, Node rule) {
        String text = scalar(rule, "check");
        java.util.regex.Matcher mt = CHECK.matcher(text.trim());
        if (!mt.matches()) {
            throw error(rule, "table '" + table + "': check '" + text + "' is not 'column OP column' (OP: < <= > >= = !=)");
        }
        ColumnContract a = null;
        ColumnContract b = null;
        for (ColumnContract c : columns) {
            a = c.name().equals(mt.group(1)) ? c : a;
            b = c.name().equals(mt.group(3)) ? c : b;
        }
        if (a == null || b == null) {
            throw error(rule, "table '" + table + "': check '" + text + "' names a column the table does not have");
        }
        if (a.type() != b.type()) {
            throw error(rule, "table '" + table + "': check '" + text + "' compares " + a.type().name().toLowerCase(Locale.ROOT)
                    + " with " + b.type().name().toLowerCase(Locale.ROOT));
        }
        return new CrossFieldCheck(a.name(), mt.group(2), b.name(), a.type());
    }

    /** Every reference names another table of the catalog and its key, with the key's type. */
    private void checkReferences(List<TableSpec> tables) {
        Map<String, TableSpec> byName = new LinkedHashMap<String, TableSpec>();
        for (TableSpec t : tables) {
            byName.put(t.name(), t);
        }
        for (TableSpec t : tables) {
            for (ColumnContract c : t.references()) {
                String where = file + ":" + c.line() + ": column '" + t.name() + "." + c.name() + "'";
                TableSpec target = byName.get(c.referencedTable());
                String column = c.references().substring(c.references().indexOf('.') + 1);
                if (target == null) {
                    throw new CatalogException(where + ": references unknown table '" + c.referencedTable() + "'");
                }
                if (target == t) {
                    throw new CatalogException(where + ": references its own table");
                }
                if (!target.key().equals(column)) {
                    throw new CatalogException(where + ": references " + c.references() + ", which is not the key of "
                            + target.name() + " (" + target.key() + ")");
                }
                ColumnType keyType = target.column(column).type();
                boolean integers = (c.type() == ColumnType.INT || c.type() == ColumnType.BIGINT)
                        && (keyType == ColumnType.INT || keyType == ColumnType.BIGINT);
                if (c.type() != keyType && !integers) {
                    throw new CatalogException(where + ": its type does not match the key " + c.references());
                }
            }
        }
    }

    private String bound(Map<String, NodeTuple> m, String key, ColumnType type, String what) {
        if (!m.containsKey(key)) {
            return null;
        }
        Node n = m.get(key).getValueNode();
        String v = scalar(n, key);
        try {
            switch (type) {
                case INT:
                case BIGINT:
                    Long.parseLong(v);
                    break;
                case DECIMAL:
                    new BigDecimal(v);
                    break;
                case DATE:
                    java.time.LocalDate.parse(v);
                    break;
                default:
                    throw error(n, what + ": " + key + " does not apply to " + type.name().toLowerCase(Locale.ROOT) + " columns");
            }
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw error(n, what + ": " + key + " '" + v + "' is not a valid " + type.name().toLowerCase(Locale.ROOT));
        }
        return v;
    }

    // --- node helpers ---------------------------------------------------------------------------------------

    /** The value as a whole number, or -1 when it is not one (the caller says what range it wants). */
    private int wholeNumber(Node node, String what) {
        try {
            return Integer.parseInt(scalar(node, what));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowed) {
        MappingNode mn = (MappingNode) expectMapping(node, what);
        Map<String, NodeTuple> out = new LinkedHashMap<String, NodeTuple>();
        for (NodeTuple t : mn.getValue()) {
            String k = scalar(t.getKeyNode(), "key");
            if (allowed != null && !allowed.contains(k)) {
                throw error(t.getKeyNode(), what + ": unknown key '" + k + "' (expected one of " + sorted(allowed) + ")");
            }
            out.put(k, t);
        }
        return out;
    }

    private Node expectMapping(Node node, String what) {
        if (!(node instanceof MappingNode)) {
            throw error(node, what + " must be a mapping");
        }
        return node;
    }

    private String required(Map<String, NodeTuple> m, String key, Node owner, String what) {
        NodeTuple t = m.get(key);
        if (t == null) {
            throw error(owner, what + ": missing '" + key + "'");
        }
        return scalar(t.getValueNode(), key);
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode)) {
            throw error(node, what + " must be a single value");
        }
        return ((ScalarNode) node).getValue();
    }

    private String identifier(Node node, String what) {
        return identifier(node, what, node);
    }

    private String identifier(Node node, String what, Node owner) {
        if (node == null) {
            throw error(owner, "missing " + what);
        }
        String v = scalar(node, what);
        if (!IDENTIFIER.matcher(v).matches()) {
            throw error(node, "unsafe " + what + " '" + v + "': use lower-case letters, digits and underscores");
        }
        return v;
    }

    private CatalogException error(Node node, String message) {
        return new CatalogException(file + ":" + (node.getStartMark().getLine() + 1) + ": " + message);
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<String>(s);
        java.util.Collections.sort(l);
        return l;
    }
}
