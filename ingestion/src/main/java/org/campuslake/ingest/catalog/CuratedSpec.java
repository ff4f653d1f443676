package org.campuslake.ingest.catalog;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table's curated counterpart, the catalog's {@code curated:} block: which source columns are dropped (direct
 * identifiers), which keys are pseudonymised (salted SHA-256, under {@code <kind>_key}), the bespoke projections
 * ({@code derive}: HiveQL over the latest row {@code t} and the block's {@code join}), and the month partitioning.
 * {@link HiveCuratedBuild} renders the build from it.
 */
public final class CuratedSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A bespoke column: its name, the curated column it follows, and its HiveQL. */
    public static final class Derived implements Serializable {
        private static final long serialVersionUID = 1L;
        public final String name;
        public final String after;
        public final String sql;

        Derived(String name, String after, String sql) {
            this.name = name;
            this.after = after;
            this.sql = sql;
        }
    }

    private final String table;
    private final Set<String> drop;
    private final Map<String, String> pseudonyms;
    private final List<Derived> derived;
    private final String join;
    private final String partitionColumn;
    private final String partitionMonthOf;

    CuratedSpec(String table, Set<String> drop, Map<String, String> pseudonyms, List<Derived> derived, String join,
                String partitionColumn, String partitionMonthOf) {
        this.table = table;
        this.drop = Collections.unmodifiableSet(new LinkedHashSet<String>(drop));
        this.pseudonyms = Collections.unmodifiableMap(new LinkedHashMap<String, String>(pseudonyms));
        this.derived = Collections.unmodifiableList(new ArrayList<Derived>(derived));
        this.join = join;
        this.partitionColumn = partitionColumn;
        this.partitionMonthOf = partitionMonthOf;
    }

    /** No block: the same name, every column kept. */
    static CuratedSpec plain(String table) {
        return new CuratedSpec(table, Collections.<String>emptySet(), Collections.<String, String>emptyMap(),
                Collections.<Derived>emptyList(), null, null, null);
    }

    public String table() { return table; }

    /** Source columns that never reach curated. */
    public Set<String> drop() { return drop; }

    /** Source column to the kind of its pseudonym ({@code student_id: student} gives {@code student_key}). */
    public Map<String, String> pseudonyms() { return pseudonyms; }

    public List<Derived> derived() { return derived; }

    /** A bespoke join the derived columns read (null: none). */
    public String join() { return join; }

    /** The month partition's column (null: not partitioned). */
    public String partitionColumn() { return partitionColumn; }

    /** The date or timestamp whose month the partition is: a column of the row, or HiveQL over the join. */
    public String partitionMonthOf() { return partitionMonthOf; }

    /** The pseudonymous key's column name for a kind. */
    public static String keyColumn(String kind) {
        return kind + "_key";
    }
}
