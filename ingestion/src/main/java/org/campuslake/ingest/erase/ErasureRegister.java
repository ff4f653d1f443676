package org.campuslake.ingest.erase;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.campuslake.ingest.Tombstones;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.ColumnContract;
import org.campuslake.ingest.catalog.TableSpec;

/**
 * The people erased from the lake ({@code lake forget}), so that no later import, rerun or backfill brings them
 * back: one file per kind in {@code ingest.erasures.dir} ({@code student.keys}, {@code contact.keys}), one source
 * key per line, in a folder only the ETL account reads (beside the password files, outside the lake's zones).
 */
public final class ErasureRegister {
    /** Who can be erased, and the table whose key names them. */
    public enum Kind {
        STUDENT("students"), CONTACT("audiences");

        public final String table;

        Kind(String table) {
            this.table = table;
        }

        public String fileName() {
            return name().toLowerCase(Locale.ROOT) + ".keys";
        }

        /**
         * Every (table, column) that holds this kind's key, from the catalog: the table's own key and, for a
         * student, every column that references it (grades, attendances, apprenticeships, a contact who enrolled).
         */
        public Map<String, List<String>> columns(Catalog catalog) {
            TableSpec own = catalog.table(table);
            Map<String, List<String>> out = new LinkedHashMap<String, List<String>>();
            out.put(table, new ArrayList<String>(Arrays.asList(own.key())));
            if (this == STUDENT) {
                String ref = table + "." + own.key();
                for (TableSpec t : catalog.tables()) {
                    for (ColumnContract c : t.columns()) {
                        if (ref.equals(c.references())) {
                            List<String> cols = out.get(t.name());
                            if (cols == null) {
                                cols = new ArrayList<String>();
                                out.put(t.name(), cols);
                            }
                            cols.add(c.name());
                        }
                    }
                }
            }
            return out;
        }
    }

    private final FileSystem fs;
    private final Path dir;
    private final Map<Kind, long[]> keys = new EnumMap<Kind, long[]>(Kind.class);

    private ErasureRegister(FileSystem fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
    }

    public static ErasureRegister load(FileSystem fs, Path dir) throws IOException {
        ErasureRegister r = new ErasureRegister(fs, dir);
        for (Kind k : Kind.values()) {
            r.keys.put(k, Tombstones.readFile(fs, new Path(dir, k.fileName()))); // one key per line
        }
        return r;
    }

    public boolean isEmpty() {
        for (long[] k : keys.values()) {
            if (k.length > 0) {
                return false;
            }
        }
        return true;
    }

    public long[] keys(Kind kind) {
        return keys.get(kind);
    }

    /** Adds a key (idempotent); the file is replaced by a rename, so a reader never sees half of it. */
    public boolean add(Kind kind, long key) throws IOException {
        long[] old = keys.get(kind);
        if (Arrays.binarySearch(old, key) >= 0) {
            return false;
        }
        long[] now = Arrays.copyOf(old, old.length + 1);
        now[old.length] = key;
        Arrays.sort(now);
        if (!fs.exists(dir)) {
            fs.mkdirs(dir, new FsPermission((short) 0700));
            fs.setPermission(dir, new FsPermission((short) 0700));
        }
        Path file = new Path(dir, kind.fileName());
        Path tmp = new Path(dir, "." + kind.fileName() + "." + System.nanoTime());
        StringBuilder sb = new StringBuilder();
        for (long k : now) {
            sb.append(k).append('\n');
        }
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        fs.setPermission(tmp, new FsPermission((short) 0600));
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) {
            throw new IOException("cannot write the erasure register " + file);
        }
        keys.put(kind, now);
        return true;
    }

    /** The erased keys each column of {@code table} must not hold; empty when none of its columns names a person. */
    public Map<String, long[]> byColumn(Catalog catalog, String table) {
        Map<String, long[]> out = new LinkedHashMap<String, long[]>();
        for (Kind k : Kind.values()) {
            long[] ks = keys.get(k);
            if (ks.length == 0) {
                continue;
            }
            List<String> cols = k.columns(catalog).get(table);
            if (cols != null) {
                for (String c : cols) {
                    long[] prev = out.get(c);
                    out.put(c, prev == null ? ks : union(prev, ks));
                }
            }
        }
        return out;
    }

    private static long[] union(long[] a, long[] b) {
        long[] u = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, u, a.length, b.length);
        Arrays.sort(u);
        return u;
    }
}
