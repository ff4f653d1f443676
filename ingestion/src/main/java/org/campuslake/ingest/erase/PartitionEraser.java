package org.campuslake.ingest.erase;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.LakeLayout;
import org.campuslake.ingest.LongList;
import org.campuslake.ingest.PartitionPublisher;
import org.campuslake.ingest.Tombstones;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.validate.EscapedText;

/**
 * Takes the records of erased people out of a partition's files (landing, raw or quarantine), never altering the
 * others: a published partition is rewritten in a hidden staging folder and published in its place in one rename,
 * so a reader sees the partition before or after, never half of it. The table keys of the removed records are kept
 * in the partition's {@link LakeLayout#ERASED} file, so the import's whole-table reconciliation counts them as
 * accounted for instead of importing them again.
 */
public final class PartitionEraser {
    /** The zone a partition is in: what its files hold. */
    public enum Zone {
        /** What Sqoop landed: text (\001 fields) or Avro, as the catalog says. */
        LANDING,
        /** Validated records: \001 text. */
        RAW,
        /** {@code reason TAB detail TAB record}, the record as \001 text. */
        QUARANTINE
    }

    private final FileSystem fs;
    private final PartitionPublisher publisher;

    public PartitionEraser(FileSystem fs) {
        this.fs = fs;
        this.publisher = new PartitionPublisher(fs);
    }

    /**
     * Rewrites a published partition without the erased people's records; untouched (no rewrite) when it holds
     * none. Returns the number of records removed.
     */
    public long erasePartition(TableSpec spec, Zone zone, Path partition, List<String> columns,
                               Map<String, long[]> erased) throws IOException {
        if (!needsRewrite(spec, zone, partition, columns, erased)) {
            return 0;
        }
        publisher.cleanLeftovers(partition);
        Path staging = publisher.staging(partition);
        fs.mkdirs(staging);
        LongList removed = scan(spec, zone, partition, staging, columns, erased);
        for (FileStatus f : fs.listStatus(partition)) {
            String n = f.getPath().getName();
            if (f.isFile() && n.startsWith("_") && !n.equals(LakeLayout.SUCCESS) && !n.equals(LakeLayout.ERASED)) {
                FileUtil.copy(fs, f.getPath(), fs, new Path(staging, n), false, fs.getConf());
            }
        }
        if (zone == Zone.LANDING) {
            writeErased(staging, merge(readErased(partition), removed.sorted()));
        }
        publisher.publish(staging, partition, publisher.isComplete(partition));
        return removed.size();
    }

    /**
     * The import commit's staging folder (not yet published, so no reader): its part files are replaced by
     * versions without the erased records, whose keys join the folder's {@link LakeLayout#ERASED} file. Returns
     * the number of records removed.
     */
    public long eraseStaging(TableSpec spec, Path staging, List<String> columns, Map<String, long[]> erased)
            throws IOException {
        if (!needsRewrite(spec, Zone.LANDING, staging, columns, erased)) {
            return 0;
        }
        Path out = new Path(staging.getParent(), staging.getName() + "_erase");
        fs.delete(out, true);
        fs.mkdirs(out);
        LongList removed = scan(spec, Zone.LANDING, staging, out, columns, erased);
        for (FileStatus f : fs.listStatus(out)) {
            Path target = new Path(staging, f.getPath().getName());
            fs.delete(target, false);
            if (!fs.rename(f.getPath(), target)) {
                throw new IOException("cannot move " + f.getPath() + " into " + staging);
            }
        }
        fs.delete(out, true);
        writeErased(staging, merge(readErased(staging), removed.sorted()));
        return removed.size();
    }

    /** The table keys an earlier erasure removed from a landing partition. */
    public static long[] readErased(FileSystem fs, Path partition) throws IOException {
        return Tombstones.readFile(fs, new Path(partition, LakeLayout.ERASED)); // one key per line, as tombstones
    }

    private long[] readErased(Path partition) throws IOException {
        return readErased(fs, partition);
    }

    private void writeErased(Path dir, long[] keys) throws IOException {
        if (keys.length > 0) {
            publisher.writeFile(new Path(dir, LakeLayout.ERASED), Tombstones.lines(keys));
        }
    }

    private boolean needsRewrite(TableSpec spec, Zone zone, Path dir, List<String> columns,
                                 Map<String, long[]> erased) throws IOException {
        if (erased.isEmpty() || !fs.exists(dir)) {
            return false;
        }
        return scan(spec, zone, dir, null, columns, erased).size() > 0;
    }


    /** Reads every data file of {@code from}; with {@code to}, writes each one there without the erased records. */
    private LongList scan(TableSpec spec, Zone zone, Path from, Path to, List<String> columns,
                        Map<String, long[]> erased) throws IOException {
        int[] index = new int[erased.size()];
        long[][] ids = new long[erased.size()][];
        int i = 0;
        for (Map.Entry<String, long[]> e : erased.entrySet()) {
            index[i] = columns.indexOf(e.getKey());
            ids[i++] = e.getValue();
        }
        int keyIndex = columns.indexOf(spec.key());
        LongList removed = new LongList();
        for (FileStatus f : fs.listStatus(from)) {
            String n = f.getPath().getName();
            if (!f.isFile() || n.startsWith("_") || n.startsWith(".")) {
                continue;
            }
            Path target = to == null ? null : new Path(to, n);
            if (zone == Zone.LANDING && "avro".equals(spec.format())) {
                avro(f.getPath(), target, spec, erased, removed);
            } else {
                text(f.getPath(), target, zone == Zone.QUARANTINE, zone == Zone.RAW, index, ids, keyIndex, removed);
            }
        }
        return removed;
    }

    private void text(Path file, Path target, boolean quarantine, boolean escaped, int[] index, long[][] ids, int keyIndex,
                      LongList removed) throws IOException {
        try (InputStream in = fs.open(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             Writer w = target == null ? null
                     : new BufferedWriter(new OutputStreamWriter(fs.create(target, true), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String record = line;
                if (quarantine) {
                    int t = line.indexOf('\t');
                    t = t < 0 ? -1 : line.indexOf('\t', t + 1);
                    record = t < 0 ? "" : line.substring(t + 1);
                }
                // landing text is Sqoop's (no escapes); raw and quarantine records are escaped (EscapedText)
                String[] fields = quarantine || escaped ? EscapedText.split(record) : record.split("\001", -1);
                boolean hit = false;
                for (int i = 0; i < index.length && !hit; i++) {
                    hit = index[i] >= 0 && index[i] < fields.length && fields[index[i]] != null
                            && contains(ids[i], fields[index[i]]);
                }
                if (hit) {
                    if (keyIndex >= 0 && keyIndex < fields.length && fields[keyIndex] != null) {
                        addKey(removed, fields[keyIndex]);
                    }
                    if (target == null) {
                        return; // scanning only: one hit is enough
                    }
                } else if (w != null) {
                    w.write(line);
                    w.write('\n');
                }
            }
        }
    }

    private void avro(Path file, Path target, TableSpec spec, Map<String, long[]> erased, LongList removed)
            throws IOException {
        try (InputStream in = fs.open(file);
             DataFileStream<GenericRecord> s = new DataFileStream<GenericRecord>(in, new GenericDatumReader<GenericRecord>())) {
            Schema schema = s.getSchema();
            DataFileWriter<GenericRecord> w = null;
            OutputStream out = null;
            try {
                if (target != null) {
                    w = new DataFileWriter<GenericRecord>(new GenericDatumWriter<GenericRecord>(schema));
                    String codec = s.getMetaString("avro.codec");
                    if (codec != null && !"null".equals(codec)) {
                        w.setCodec(CodecFactory.fromString(codec));
                    }
                    out = fs.create(target, true);
                    w.create(schema, out);
                }
                for (GenericRecord rec : s) {
                    boolean hit = false;
                    for (Map.Entry<String, long[]> e : erased.entrySet()) {
                        Object v = rec.get(e.getKey());
                        if (v != null && contains(e.getValue(), v.toString())) {
                            hit = true;
                            break;
                        }
                    }
                    if (hit) {
                        addKey(removed, String.valueOf(rec.get(spec.key())));
                        if (target == null) {
                            return;
                        }
                    } else if (w != null) {
                        w.append(rec);
                    }
                }
            } finally {
                if (w != null) {
                    w.close();
                } else if (out != null) {
                    out.close();
                }
            }
        }
    }

    private static boolean contains(long[] sorted, String field) {
        try {
            return Arrays.binarySearch(sorted, Long.parseLong(field.trim())) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void addKey(LongList keys, String field) {
        try {
            keys.add(Long.parseLong(field.trim()));
        } catch (NumberFormatException e) {
            // a quarantined record whose key is not a number: counted by the caller as a removed line all the same
            keys.add(Long.MIN_VALUE);
        }
    }

    private static long[] merge(long[] a, long[] b) {
        LongList k = new LongList();
        for (long v : a) {
            k.add(v);
        }
        for (long v : b) {
            if (v != Long.MIN_VALUE) {
                k.add(v);
            }
        }
        return k.sorted();
    }
}
