package org.campuslake.ingest;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The keys a source table lost (hard deletes), as found by one date's reconciliation: a {@link LakeLayout#DELETED}
 * file in the landing partition, one key per line, and the same lines in the date's raw.&lt;table&gt;_deleted
 * partition, which curated anti-joins.
 */
public final class Tombstones {
    private Tombstones() {}

    /** The sorted keys of a folder's tombstone file; none when it has no such file. */
    public static long[] read(FileSystem fs, Path partition) throws IOException {
        return readFile(fs, new Path(partition, LakeLayout.DELETED));
    }

    /** The sorted keys of a one-key-per-line file (tombstones, erased keys); none when there is no such file. */
    public static long[] readFile(FileSystem fs, Path file) throws IOException {
        LongList keys = new LongList();
        for (String v : PartitionLines.values(fs, file)) {
            keys.add(Long.parseLong(v));
        }
        return keys.sorted();
    }

    /** One key per line, as both the landing file and the raw partition hold them. */
    public static String lines(long[] keys) {
        StringBuilder sb = new StringBuilder();
        for (long k : keys) {
            sb.append(k).append('\n');
        }
        return sb.toString();
    }
}
