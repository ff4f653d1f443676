package org.campuslake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.catalog.ImportMode;
import org.campuslake.ingest.catalog.TableSpec;

/**
 * Compares an incremental table's keys in the source and in the lake over the whole table, not only the day's
 * window: a count and a checksum of keys per bucket of {@code ingest.reconcile.bucket.keys} consecutive keys (one
 * GROUP BY on the source), then a key scan of the buckets that differ only. The window's own count check cannot
 * see a row the window never covered: a row stamped before the previous upper bound but committed after it, or a
 * key handed out before the window's maximum and committed after the import read it.
 *
 * <p>The lake's keys as of a date are those of every landing partition before it plus the date's staging folder
 * (everything Sqoop landed, quarantined rows included: they are in the lake, so they are not re-imported). A
 * source key the lake lacks is <em>missing</em> when the window could have taken it (its stamp, or for append
 * tables its key, is within the window's upper bound) and <em>later</em> otherwise: the next window takes it. A
 * lake key the source no longer has is <em>deleted</em>.
 */
final class TableReconciler {
    static final long DEFAULT_BUCKET_KEYS = 1000;

    /** What one comparison found. */
    static final class Gaps {
        final long[] missing;
        final long[] deleted;
        final long later;
        final int buckets;
        final int differing;
        /** The source's rows when compared (every bucket's count). */
        final long sourceRows;

        Gaps(long[] missing, long[] deleted, long later, int buckets, int differing, long sourceRows) {
            this.sourceRows = sourceRows;
            this.missing = missing;
            this.deleted = deleted;
            this.later = later;
            this.buckets = buckets;
            this.differing = differing;
        }
    }

    private final FileSystem fs;
    private final LakeLayout layout;
    private final String schema;
    private final long bucketKeys;

    TableReconciler(FileSystem fs, LakeLayout layout, String schema, long bucketKeys) {
        if (bucketKeys < 1) {
            throw new IllegalArgumentException("ingest.reconcile.bucket.keys must be at least 1, not " + bucketKeys);
        }
        this.fs = fs;
        this.layout = layout;
        this.schema = schema;
        this.bucketKeys = bucketKeys;
    }

    static boolean applies(TableSpec spec) {
        return spec.mode() != ImportMode.FULL; // a full import is the whole table, checked by its count
    }

    Gaps compare(Connection c, TableSpec spec, TablePlan plan) throws IOException, SQLException {
        long[] lake = lakeKeys(spec, plan);
        Map<Long, long[]> lakeBuckets = buckets(lake);
        Map<Long, long[]> sourceBuckets = new TreeMap<Long, long[]>();
        String key = spec.key();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT FLOOR(" + key + " / " + bucketKeys + "), COUNT(*), SUM(CRC32("
                     + key + ")) FROM " + schema + "." + spec.name() + " GROUP BY 1")) {
            while (rs.next()) {
                sourceBuckets.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        TreeSet<Long> differing = new TreeSet<Long>();
        for (Map.Entry<Long, long[]> e : sourceBuckets.entrySet()) {
            if (!Arrays.equals(e.getValue(), lakeBuckets.get(e.getKey()))) {
                differing.add(e.getKey());
            }
        }
        for (Long b : lakeBuckets.keySet()) {
            if (!sourceBuckets.containsKey(b)) {
                differing.add(b);
            }
        }
        LongList missing = new LongList();
        LongList deleted = new LongList();
        long later = 0;
        boolean append = spec.mode() == ImportMode.APPEND;
        String upper = plan.window.upper;
        for (long b : differing) {
            long from = b * bucketKeys;
            long to = from + bucketKeys;
            LongList source = new LongList();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + key + (append ? "" : ", " + TableSpec.CHECK_COLUMN) + " FROM "
                         + schema + "." + spec.name() + " WHERE " + key + " >= " + from + " AND " + key + " < " + to)) {
                while (rs.next()) {
                    long k = rs.getLong(1);
                    source.add(k);
                    if (Arrays.binarySearch(lake, k) >= 0) {
                        continue;
                    }
                    if (withinWindow(append, k, append ? null : rs.getTimestamp(2), upper)) {
                        missing.add(k);
                    } else {
                        later++;
                    }
                }
            }
            long[] inSource = source.sorted();
            for (int i = lowerBound(lake, from); i < lake.length && lake[i] < to; i++) {
                if (Arrays.binarySearch(inSource, lake[i]) < 0) {
                    deleted.add(lake[i]);
                }
            }
        }
        long sourceRows = 0;
        for (long[] b : sourceBuckets.values()) {
            sourceRows += b[0];
        }
        return new Gaps(missing.sorted(), deleted.sorted(), later, sourceBuckets.size(), differing.size(), sourceRows);
    }

    /** The rows a repair import takes: the missing keys as ranges of consecutive keys, within the window's reach. */
    static String repairWhere(TableSpec spec, long[] missing, String upper) {
        StringBuilder sb = new StringBuilder("(");
        int i = 0;
        while (i < missing.length) {
            int j = i;
            while (j + 1 < missing.length && missing[j + 1] == missing[j] + 1) {
                j++;
            }
            if (sb.length() > 1) {
                sb.append(" OR ");
            }
            sb.append(i == j ? spec.key() + " = " + missing[i]
                    : spec.key() + " BETWEEN " + missing[i] + " AND " + missing[j]);
            i = j + 1;
        }
        sb.append(')');
        if (upper != null) {
            sb.append(spec.mode() == ImportMode.APPEND ? " AND " + spec.key() + " <= " + Long.parseLong(upper)
                    : " AND " + TableSpec.CHECK_COLUMN + " <= '" + upper + "'");
        }
        return sb.toString();
    }

    private static boolean withinWindow(boolean append, long key, Timestamp stamp, String upper) {
        if (upper == null) {
            return true;
        }
        if (append) {
            return key <= Long.parseLong(upper);
        }
        return stamp != null && !stamp.toLocalDateTime().isAfter(
                java.time.LocalDateTime.parse(upper, ImportWindow.TS));
    }

    /**
     * Every key landed before the plan's date and in the date's staging folder, less the keys a tombstone
     * ({@link LakeLayout#DELETED}) removed and no later partition brought back.
     */
    private long[] lakeKeys(TableSpec spec, TablePlan plan) throws IOException {
        TreeMap<LocalDate, Path> partitions = new TreeMap<LocalDate, Path>();
        Path table = layout.landingTable(spec.name());
        if (fs.exists(table)) {
            for (FileStatus st : fs.listStatus(table)) {
                String n = st.getPath().getName();
                if (st.isDirectory() && n.startsWith("ingest_date=")
                        && LocalDate.parse(n.substring("ingest_date=".length())).isBefore(plan.date)
                        && fs.exists(new Path(st.getPath(), LakeLayout.SUCCESS))) {
                    partitions.put(LocalDate.parse(n.substring("ingest_date=".length())), st.getPath());
                }
            }
        }
        Map<Long, LocalDate> tombstones = new HashMap<Long, LocalDate>();
        for (Map.Entry<LocalDate, Path> p : partitions.entrySet()) {
            for (long k : Tombstones.read(fs, p.getValue())) {
                tombstones.put(k, p.getKey()); // ascending dates: the last tombstone of a key wins
            }
        }
        LongList keys = new LongList();
        LongList revived = new LongList();
        for (Map.Entry<LocalDate, Path> p : partitions.entrySet()) {
            collect(spec, p.getValue(), columnsOf(p.getValue()), p.getKey(), keys, revived, tombstones);
        }
        collect(spec, plan.staging, plan.columns, plan.date, keys, revived, tombstones);
        long[] all = keys.sorted();
        if (tombstones.isEmpty()) {
            return all;
        }
        long[] back = revived.sorted();
        LongList live = new LongList();
        for (long k : all) {
            if (!tombstones.containsKey(k) || Arrays.binarySearch(back, k) >= 0) {
                live.add(k);
            }
        }
        return live.sorted();
    }

    private void collect(TableSpec spec, Path dir, List<String> columns, LocalDate date, LongList keys,
                         LongList revived, Map<Long, LocalDate> tombstones) throws IOException {
        LongList here = new LongList();
        readKeys(spec, dir, columns, here);
        for (long k : org.campuslake.ingest.erase.PartitionEraser.readErased(fs, dir)) {
            here.add(k); // taken out by lake forget: accounted for, not missing
        }
        for (int i = 0; i < here.size(); i++) {
            long k = here.get(i);
            keys.add(k);
            LocalDate dead = tombstones.get(k);
            if (dead != null && date.isAfter(dead)) {
                revived.add(k); // deleted, then the source had the key again
            }
        }
    }

    private List<String> columnsOf(Path partition) throws IOException {
        return PartitionLines.columns(fs, new Path(partition, LakeLayout.COLUMNS));
    }

    private void readKeys(TableSpec spec, Path dir, List<String> columns, final LongList keys) throws IOException {
        final int index = columns.indexOf(spec.key());
        if (index < 0) {
            throw new IOException(dir + " has no column " + spec.key());
        }
        if ("avro".equals(spec.format())) {
            for (FileStatus f : fs.listStatus(dir)) {
                if (f.isFile() && f.getPath().getName().startsWith("part-")) {
                    try (InputStream in = fs.open(f.getPath());
                         DataFileStream<GenericRecord> s = new DataFileStream<GenericRecord>(in,
                                 new GenericDatumReader<GenericRecord>())) {
                        for (GenericRecord r : s) {
                            keys.add(Long.parseLong(String.valueOf(r.get(spec.key()))));
                        }
                    }
                }
            }
            return;
        }
        PartitionLines.read(fs, dir, new PartitionLines.Handler() {
            @Override
            public void line(String line) {
                String field = field(line, index);
                try {
                    keys.add(Long.parseLong(field));
                } catch (NumberFormatException e) {
                    // not a key: validation quarantines the row; the source cannot have it either
                }
            }
        });
    }

    private static String field(String line, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = line.indexOf('\001', start) + 1;
            if (start == 0) {
                return "";
            }
        }
        int end = line.indexOf('\001', start);
        return end < 0 ? line.substring(start) : line.substring(start, end);
    }

    private Map<Long, long[]> buckets(long[] keys) {
        Map<Long, long[]> m = new TreeMap<Long, long[]>();
        CRC32 crc = new CRC32();
        for (long k : keys) {
            long[] agg = m.get(Math.floorDiv(k, bucketKeys));
            if (agg == null) {
                agg = new long[2];
                m.put(Math.floorDiv(k, bucketKeys), agg);
            }
            crc.reset();
            crc.update(Long.toString(k).getBytes(StandardCharsets.US_ASCII));
            agg[0]++;
            agg[1] += crc.getValue(); // MySQL's CRC32() of the key's decimal text
        }
        return m;
    }

    private static int lowerBound(long[] sorted, long value) {
        int i = Arrays.binarySearch(sorted, value);
        return i >= 0 ? i : -i - 1;
    }
}
