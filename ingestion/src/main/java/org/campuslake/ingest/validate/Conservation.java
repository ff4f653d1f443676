package org.campuslake.ingest.validate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.LakeLayout;
import org.campuslake.ingest.PartitionLines;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.erase.PartitionEraser;

/**
 * Where each source row of a table is, as of a date: {@code source = curated + quarantined + erased}. The steps
 * that know a term write it to their output as {@code conservation.<table>.<term>}: the import commit the source
 * (the ERP's rows, less those no window took yet), the validation the lake's side, counted from the files, and
 * the KPI job the curated table's rows. {@code lake runs ID} puts them together per table and day.
 *
 * <p>The lake's side, counted by key: <em>raw</em> the keys of the raw partitions up to the date that no later
 * tombstone removed (what curated must hold); <em>quarantined</em> the keys only quarantine holds (never valid,
 * not deleted since); <em>erased</em> the keys {@code lake forget} took out ({@code _erased}), not deleted since.
 * A key deleted in the source is in none of them, nor in the source: {@code deleted} is the day's tombstones.
 * It reads every partition's keys, as the reconciliation does: its cost follows the history.
 */
public final class Conservation {
    public static final String PREFIX = "conservation.";

    /** The lake's terms of one table as of a date. */
    public static final class Inventory {
        public final long raw;
        public final long quarantined;
        public final long erased;
        public final long deleted;

        Inventory(long raw, long quarantined, long erased, long deleted) {
            this.raw = raw;
            this.quarantined = quarantined;
            this.erased = erased;
            this.deleted = deleted;
        }

        public void store(String table, String curatedTable, Properties out) {
            out.setProperty(PREFIX + table + ".raw", Long.toString(raw));
            out.setProperty(PREFIX + table + ".quarantined", Long.toString(quarantined));
            out.setProperty(PREFIX + table + ".erased", Long.toString(erased));
            out.setProperty(PREFIX + table + ".deleted", Long.toString(deleted));
            out.setProperty(PREFIX + table + ".curated_table", curatedTable);
        }
    }

    private final FileSystem fs;
    private final LakeLayout layout;

    public Conservation(FileSystem fs, LakeLayout layout) {
        this.fs = fs;
        this.layout = layout;
    }

    public Inventory inventory(TableSpec spec, LocalDate date) throws IOException {
        // The last tombstone of each key up to the date (raw.<table>_deleted: what the curated build drops).
        Map<Long, LocalDate> tombstones = new HashMap<Long, LocalDate>();
        long deletedToday = 0;
        for (Map.Entry<LocalDate, Path> p : partitions(layout.deletedTable(spec.name()), date, false).entrySet()) {
            for (String k : keysOfLines(p.getValue())) {
                tombstones.put(Long.parseLong(k), p.getKey());
                deletedToday += p.getKey().equals(date) ? 1 : 0;
            }
        }
        Map<Long, LocalDate> raw = new HashMap<Long, LocalDate>();
        for (Map.Entry<LocalDate, Path> p : partitions(layout.rawTable(spec.name()), date, true).entrySet()) {
            collect(raw, p.getKey(), p.getValue(), spec, PartitionLines.columns(fs, new Path(p.getValue(),
                    LakeLayout.COLUMNS)), false);
        }
        Map<Long, LocalDate> quarantine = new HashMap<Long, LocalDate>();
        for (Map.Entry<LocalDate, Path> p : partitions(layout.quarantineTable(spec.name()), date, false).entrySet()) {
            collect(quarantine, p.getKey(), p.getValue(), spec, columnsOf(spec, p.getKey()), true);
        }
        Map<Long, LocalDate> erased = new HashMap<Long, LocalDate>();
        for (Map.Entry<LocalDate, Path> p : partitions(layout.landingTable(spec.name()), date, false).entrySet()) {
            for (long k : PartitionEraser.readErased(fs, p.getValue())) {
                erased.put(k, p.getKey());
            }
        }
        long liveRaw = live(raw, tombstones, null, null);
        long quarantinedOnly = live(quarantine, tombstones, raw, null);
        long erasedOnly = live(erased, tombstones, raw, quarantine);
        return new Inventory(liveRaw, quarantinedOnly, erasedOnly, deletedToday);
    }

    /** Keys not removed by a tombstone as recent as their last appearance, and in neither of the other sets. */
    private static long live(Map<Long, LocalDate> keys, Map<Long, LocalDate> tombstones, Map<Long, LocalDate> notIn,
                             Map<Long, LocalDate> norIn) {
        long n = 0;
        for (Map.Entry<Long, LocalDate> e : keys.entrySet()) {
            LocalDate dead = tombstones.get(e.getKey());
            if (dead != null && !dead.isBefore(e.getValue())) {
                continue;
            }
            if ((notIn != null && notIn.containsKey(e.getKey())) || (norIn != null && norIn.containsKey(e.getKey()))) {
                continue;
            }
            n++;
        }
        return n;
    }

    private void collect(final Map<Long, LocalDate> keys, final LocalDate date, Path partition, TableSpec spec,
                         java.util.List<String> columns, final boolean quarantine) throws IOException {
        final int index = columns.indexOf(spec.key());
        if (index < 0) {
            throw new IOException(partition + ": no column " + spec.key() + " among " + columns);
        }
        PartitionLines.read(fs, partition, new PartitionLines.Handler() {
            @Override
            public void line(String line) {
                // A quarantine line is reason TAB detail TAB record; a record's own tabs are in its last part.
                String record = quarantine ? part(line) : line;
                String[] f = EscapedText.split(record);
                if (index < f.length && f[index] != null) {
                    try {
                        keys.put(Long.parseLong(f[index].trim()), date); // ascending dates: the last one stays
                    } catch (NumberFormatException e) {
                        // a quarantined record whose key is not a number: no key to account for
                    }
                }
            }
        });
    }

    private static String part(String line) {
        String[] f = line.split("\t", 3);
        return f.length > 2 ? f[2] : "";
    }

    /** A quarantine partition's column order: its date's landing, else raw, else the catalog's. */
    private java.util.List<String> columnsOf(TableSpec spec, LocalDate date) throws IOException {
        for (Path p : new Path[] {layout.landing(spec.name(), date), layout.raw(spec.name(), date)}) {
            Path file = new Path(p, LakeLayout.COLUMNS);
            if (fs.exists(file)) {
                return PartitionLines.columns(fs, file);
            }
        }
        return spec.columnNames();
    }

    private java.util.List<String> keysOfLines(Path partition) throws IOException {
        final java.util.List<String> out = new java.util.ArrayList<String>();
        PartitionLines.read(fs, partition, new PartitionLines.Handler() {
            @Override
            public void line(String line) {
                if (!line.trim().isEmpty()) {
                    out.add(line.trim());
                }
            }
        });
        return out;
    }

    /** The table's ingest_date partitions up to the date, in date order (raw: only those with a _columns file). */
    private TreeMap<LocalDate, Path> partitions(Path table, LocalDate date, boolean withColumns) throws IOException {
        TreeMap<LocalDate, Path> out = new TreeMap<LocalDate, Path>();
        if (!fs.exists(table)) {
            return out;
        }
        for (FileStatus s : fs.listStatus(table)) {
            String n = s.getPath().getName();
            if (!s.isDirectory() || !n.startsWith("ingest_date=")) {
                continue;
            }
            LocalDate d;
            try {
                d = LocalDate.parse(n.substring("ingest_date=".length()));
            } catch (java.time.format.DateTimeParseException e) {
                continue; // a leftover folder, not a partition
            }
            if (!d.isAfter(date) && (!withColumns || fs.exists(new Path(s.getPath(), LakeLayout.COLUMNS)))) {
                out.put(d, s.getPath());
            }
        }
        return out;
    }
}
