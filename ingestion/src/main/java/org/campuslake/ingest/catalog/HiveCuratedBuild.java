package org.campuslake.ingest.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The curated build ({@code 110_curated_build.hql}), rendered from the catalog's {@code curated:} blocks: for every
 * table, the latest version of each key among the raw partitions up to the date, without the dropped columns, with
 * the pseudonymised keys salted and hashed, the bespoke projections, the tombstones of a table that declares
 * deletes, and the month partitions. HiveQL that runs unchanged on HiveServer2 and on Spark SQL.
 */
public final class HiveCuratedBuild {
    static final String SALT = "CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k";
    private static final String DATE = "'${hivevar:ingest_date}'";
    // Measured on the cluster's HiveServer2 3.1.3: each statement's jobs depend on one another, and in parallel mode
    // the driver polls its stages every 2 s, which cost 6-10 s a statement between a job's end and the next stage.
    private static final String SERIAL = "-- Each statement's stages depend on one another: run them in order (in parallel"
            + " mode HiveServer2\n-- polls its stages every 2 seconds, 6-10 s a statement). Spark SQL ignores the setting.\n"
            + "SET hive.exec.parallel=false;\n";

    private HiveCuratedBuild() {}

    /** One curated column: its name and its HiveQL over the latest row {@code t}. */
    public static final class Column {
        public final String name;
        public final String sql;

        Column(String name, String sql) {
            this.name = name;
            this.sql = sql;
        }
    }

    /** The whole script, tables in catalog order (a table is built after the ones it refers to and joins). */
    public static String script(Catalog catalog) {
        StringBuilder sb = new StringBuilder(HiveRawDdl.header(HiveCuratedBuild.class));
        sb.append("-- Builds the curated layer as of ${hivevar:ingest_date}: for every key, the most recent version among all"
                + " raw\n-- partitions up to that date (raw holds validated records only: quarantined rows never reach"
                + " curated).\n-- INSERT OVERWRITE makes a rerun of the same date give the same tables; partitioned tables"
                + " replace only the\n-- partitions they write (dynamic partitions). A table that declares deletes drops a"
                + " key when one of its\n-- tombstones (raw.<table>_deleted) is not older than the key's latest version: an"
                + " outer join with no match,\n-- which Hive turns into a map join on the small tombstone table (no extra"
                + " stage, unlike a GROUP BY).\n");
        sb.append("-- The latest version: a full table's partitions are whole snapshots, so the newest partition is the"
                + " source's\n-- state (even where updated_at went back, a row restored from a backup); an append or"
                + " lastmodified table's\n-- partitions are overlapping windows of changes, so the newest change wins"
                + " (updated_at), and the partition only\n-- breaks a tie.\n");
        sb.append("-- Parameters: ${hivevar:ingest_date} (plus the tables of 010, 020 and 100).\n\n");
        sb.append("SET hive.exec.dynamic.partition=true;\n");
        sb.append("SET hive.exec.dynamic.partition.mode=nonstrict;\n");
        sb.append("-- The salt is one line: joined as it is read (a map join whose small side is that line), not through an"
                + " aggregate,\n-- which would cost each salted table one more MapReduce job on HiveServer2.\n");
        sb.append(SERIAL);
        for (TableSpec t : catalog.tables()) {
            sb.append('\n').append(insert(t));
        }
        return sb.toString();
    }

    /** The INSERT OVERWRITE of one curated table. */
    static String insert(TableSpec t) {
        CuratedSpec c = t.curated();
        StringBuilder sb = new StringBuilder();
        sb.append("-- erp.").append(t.name()).append(" (").append(t.mode().name().toLowerCase(java.util.Locale.ROOT))
                .append(")");
        if (!c.drop().isEmpty()) {
            sb.append(", without ").append(String.join(", ", c.drop()));
        }
        sb.append('\n');
        sb.append("INSERT OVERWRITE TABLE curated.").append(c.table());
        if (c.partitionColumn() != null) {
            sb.append(" PARTITION (").append(c.partitionColumn()).append(')');
        }
        sb.append('\n');
        sb.append("SELECT ").append(String.join(",\n       ", select(t))).append('\n');
        String order = t.mode() == ImportMode.FULL ? "ingest_date DESC, updated_at DESC" : "updated_at DESC, ingest_date DESC";
        sb.append(latest(t, order, "ingest_date <= " + DATE, ""));
        if (t.deletes()) {
            sb.append("LEFT JOIN raw.").append(t.name()).append("_deleted gone ON gone.").append(t.key()).append(" = t.")
                    .append(t.key()).append(" AND gone.ingest_date >= t.ingest_date\n  AND gone.ingest_date <= ")
                    .append(DATE).append('\n');
        }
        if (!c.pseudonyms().isEmpty()) {
            sb.append(SALT).append('\n');
        }
        sb.append("WHERE t.rn = 1").append(t.deletes() ? " AND gone.ingest_date IS NULL" : "").append(";\n");
        return sb.toString();
    }

    /** The SELECT list of a table's curated row (the partition column last) over the latest row {@code t}. */
    private static List<String> select(TableSpec t) {
        CuratedSpec c = t.curated();
        List<String> select = new ArrayList<String>();
        for (Column col : columns(t, c)) {
            select.add(col.sql.equals("t." + col.name) ? col.sql : col.sql + " AS " + col.name);
        }
        if (c.partitionColumn() != null) {
            select.add("date_format(" + qualified(c.partitionMonthOf()) + ", 'yyyy-MM') AS " + c.partitionColumn());
        }
        return select;
    }

    /** The latest raw row per key among the partitions {@code where} selects, as {@code t}, and the block's join. */
    private static String latest(TableSpec t, String order, String where, String indent) {
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append("FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY ").append(t.key()).append(" ORDER BY ")
                .append(order).append(") AS rn\n").append(indent).append("      FROM raw.").append(t.name())
                .append(" r WHERE ").append(where).append(") t\n");
        if (t.curated().join() != null) {
            sb.append(indent).append(t.curated().join().trim()).append('\n');
        }
        return sb.toString();
    }

    /**
     * The curated layer brought from its state as of D - 1 to D with D's raw partitions only
     * ({@code 111_curated_increment.hql}). A month-partitioned table rewrites the months D touches: the months of
     * D's new versions and the months its changed or tombstoned keys were in. Each key there is the latest of (its
     * curated row, D's row): D is the newest partition, so the newest change wins and D breaks a tie, as in the
     * full build. The other tables are small dimensions: rebuilt whole, as in the full build.
     */
    public static String increment(Catalog catalog) {
        StringBuilder sb = new StringBuilder(HiveRawDdl.header(HiveCuratedBuild.class));
        sb.append("-- Brings the curated layer from the day before ${hivevar:ingest_date} to ${hivevar:ingest_date} with the raw"
                + " partitions\n-- of ${hivevar:ingest_date} only. Run it only on a curated layer built as of the day before"
                + " (the analytics workflow\n-- checks its marker); anything else takes the full build, 110, which gives"
                + " the same tables.\n");
        sb.append("-- Parameters: ${hivevar:ingest_date} (plus the tables of 010, 020 and 100).\n\n");
        sb.append("SET hive.exec.dynamic.partition=true;\n");
        sb.append("SET hive.exec.dynamic.partition.mode=nonstrict;\n");
        sb.append(SERIAL);
        for (TableSpec t : catalog.tables()) {
            sb.append('\n').append(incremental(t) ? mergeMonths(t) : insert(t));
        }
        return sb.toString();
    }

    /** Whether a table is brought forward by months (partitioned, its key kept as it is) rather than rebuilt. */
    static boolean incremental(TableSpec t) {
        CuratedSpec c = t.curated();
        return c.partitionColumn() != null && !c.pseudonyms().containsKey(t.key()) && !c.drop().contains(t.key());
    }

    private static String mergeMonths(TableSpec t) {
        CuratedSpec c = t.curated();
        String key = t.key();
        String month = c.partitionColumn();
        StringBuilder sb = new StringBuilder();
        sb.append("-- erp.").append(t.name()).append(" (").append(t.mode().name().toLowerCase(java.util.Locale.ROOT))
                .append("): the months ${hivevar:ingest_date} touches\n");
        sb.append("WITH fresh AS (\n  SELECT ").append(String.join(",\n         ", select(t))).append('\n');
        sb.append(latest(t, "updated_at DESC", "ingest_date = " + DATE, "  "));
        if (!c.pseudonyms().isEmpty()) {
            sb.append("  ").append(SALT).append('\n');
        }
        sb.append("  WHERE t.rn = 1\n),\n");
        sb.append("gone AS (\n  SELECT DISTINCT ").append(key).append(" FROM raw.").append(t.name())
                .append(t.deletes() ? "_deleted WHERE ingest_date = " + DATE : " WHERE 1 = 0").append("\n),\n");
        // The months and keys of D's rows, read from raw rather than from fresh: Hive inlines a CTE at each use, and
        // each use of fresh is its window job again (on HiveServer2, 62 s a table instead of 100). A month only an
        // older version of D names is rewritten with the rows it has.
        sb.append("touched AS (\n  SELECT date_format(").append(qualified(c.partitionMonthOf())).append(", 'yyyy-MM') AS ")
                .append(month).append("\n  FROM raw.").append(t.name()).append(" t")
                .append(c.join() != null ? " " + c.join().trim() : "").append(" WHERE t.ingest_date = ").append(DATE)
                .append("\n  UNION\n  SELECT c.").append(month).append(" FROM curated.").append(c.table())
                .append(" c\n  JOIN (SELECT ").append(key).append(" FROM raw.").append(t.name())
                .append(" WHERE ingest_date = ").append(DATE).append(" UNION ALL SELECT ").append(key)
                .append(" FROM gone) k ON k.").append(key).append(" = c.").append(key).append("\n)\n");
        sb.append("INSERT OVERWRITE TABLE curated.").append(c.table()).append(" PARTITION (").append(month).append(")\n");
        List<String> names = new ArrayList<String>();
        for (Column col : columns(t, c)) {
            names.add("v." + col.name);
        }
        names.add("v." + month);
        sb.append("SELECT ").append(String.join(", ", names)).append('\n');
        sb.append("FROM (SELECT u.*, ROW_NUMBER() OVER (PARTITION BY u.").append(key)
                .append(" ORDER BY u.updated_at DESC, u.fresh DESC) AS rn\n");
        sb.append("      FROM (SELECT c.*, 0 AS fresh FROM curated.").append(c.table()).append(" c\n");
        sb.append("            WHERE c.").append(month).append(" IN (SELECT ").append(month).append(" FROM touched)\n");
        sb.append("            UNION ALL\n            SELECT f.*, 1 AS fresh FROM fresh f) u) v\n");
        sb.append("LEFT JOIN gone ON gone.").append(key).append(" = v.").append(key).append('\n');
        sb.append("WHERE v.rn = 1 AND gone.").append(key).append(" IS NULL;\n");
        return sb.toString();
    }

    /**
     * The curated columns in order: each source column kept ({@code t.col}), pseudonymised in place or dropped,
     * each derived column after the one it names. An IllegalArgumentException says what does not fit.
     */
    public static List<Column> columns(TableSpec t, CuratedSpec c) {
        List<Column> out = new ArrayList<Column>();
        for (ColumnContract col : t.columns()) {
            String kind = c.pseudonyms().get(col.name());
            if (c.drop().contains(col.name())) {
                continue;
            }
            if (kind == null) {
                out.add(new Column(col.name(), "t." + col.name()));
                continue;
            }
            String hash = "sha2(concat(k.salt, ':" + kind + ":', CAST(t." + col.name() + " AS STRING)), 256)";
            out.add(new Column(CuratedSpec.keyColumn(kind), col.nullable()
                    ? "CASE WHEN t." + col.name() + " IS NULL THEN NULL ELSE " + hash + " END" : hash));
        }
        for (CuratedSpec.Derived d : c.derived()) {
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).name.equals(d.name)) {
                    throw new IllegalArgumentException("derived column '" + d.name + "' is already a curated column");
                }
                if (out.get(i).name.equals(d.after)) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new IllegalArgumentException("derived column '" + d.name + "' comes after '" + d.after
                        + "', which is not a curated column of " + c.table());
            }
            out.add(at + 1, new Column(d.name, d.sql.trim().replaceAll("\\s*\n\\s*", "\n            ")));
        }
        if (c.partitionColumn() != null) {
            for (Column col : out) {
                if (col.name.equals(c.partitionColumn())) {
                    throw new IllegalArgumentException("partition column '" + col.name + "' is already a curated column");
                }
            }
        }
        return out;
    }

    /** A bare column name is the latest row's; anything else is HiveQL as written. */
    private static String qualified(String sql) {
        return sql.matches("[a-z_][a-z0-9_]*") ? "t." + sql : sql;
    }
}
