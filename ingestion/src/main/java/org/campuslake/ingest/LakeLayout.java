package org.campuslake.ingest;

import java.time.LocalDate;
import org.apache.hadoop.fs.Path;

/**
 * Where things live in the lake, under {@code lake.root} (a Hadoop URI: {@code file:///...} locally,
 * {@code hdfs://...} on a cluster). Folders whose name starts with '_' are invisible to Hive and MapReduce.
 *
 * <pre>
 * landing/erp/&lt;table&gt;/ingest_date=D/      what Sqoop imported for D (+ _columns, _SUCCESS, _deleted, _erased)
 * raw/erp/&lt;table&gt;/ingest_date=D/          the validated records of D: what Hive's raw tables read
 * raw/deleted/erp/&lt;table&gt;/ingest_date=D/  the keys D found hard-deleted in the source (tables declaring deletes)
 * quarantine/erp/&lt;table&gt;/ingest_date=D/   the rejected records, each with its reason
 * state/ingest/erp/&lt;table&gt;/ingest_date=D.properties       the import window (watermark) of D
 * state/validation/erp/&lt;table&gt;/ingest_date=D.properties   the validation counts of D
 * </pre>
 */
public final class LakeLayout {
    public static final String SUCCESS = "_SUCCESS";
    public static final String COLUMNS = "_columns";
    public static final String SOURCE = "erp";
    /** In a landing partition: the keys the source lost, found by that date's reconciliation, one per line. */
    public static final String DELETED = "_deleted";
    /** In a landing partition: the keys of records taken out by an erasure (lake forget), one per line. */
    public static final String ERASED = "_erased";

    private final Path root;

    public LakeLayout(String lakeRoot) {
        this.root = new Path(lakeRoot);
    }

    public Path root() { return root; }

    public static String partition(LocalDate d) {
        return "ingest_date=" + d;
    }

    public Path landingTable(String table) { return new Path(root, "landing/" + SOURCE + "/" + table); }
    public Path landing(String table, LocalDate d) { return new Path(landingTable(table), partition(d)); }
    public Path rawTable(String table) { return new Path(root, "raw/" + SOURCE + "/" + table); }
    public Path raw(String table, LocalDate d) { return new Path(rawTable(table), partition(d)); }
    public Path deletedTable(String table) { return new Path(root, "raw/deleted/" + SOURCE + "/" + table); }
    public Path deleted(String table, LocalDate d) { return new Path(deletedTable(table), partition(d)); }
    public Path quarantineTable(String table) { return new Path(root, "quarantine/" + SOURCE + "/" + table); }
    public Path quarantine(String table, LocalDate d) { return new Path(quarantineTable(table), partition(d)); }
    public Path importStateTable(String table) { return new Path(root, "state/ingest/" + SOURCE + "/" + table); }
    public Path importState(String table, LocalDate d) { return new Path(importStateTable(table), partition(d) + ".properties"); }
    public Path validationState(String table, LocalDate d) {
        return new Path(root, "state/validation/" + SOURCE + "/" + table + "/" + partition(d) + ".properties");
    }
    /** The import plan of one ingest date (every table's window and expected count), written by IngestPlan. */
    public Path importPlan(LocalDate d) { return new Path(root, "state/ingest/plans/" + partition(d) + ".properties"); }
    public Path scratch() { return new Path(root, "_scratch"); }
    /**
     * The curated layer's marker, {@code as_of=D} once a build for D succeeded (the analytics workflow writes it):
     * only a curated layer exactly as of D - 1 may be brought to D by the incremental build. Whatever rewrites the
     * lake's past removes it, so the next build is a full one.
     */
    public Path curatedState() { return new Path(root, "state/curated"); }
}
