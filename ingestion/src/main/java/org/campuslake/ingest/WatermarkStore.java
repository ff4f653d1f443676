package org.campuslake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Properties;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Watermarks as one small properties file per (table, date) in the lake, written atomically. */
public final class WatermarkStore {
    private final FileSystem fs;
    private final LakeLayout layout;

    public WatermarkStore(FileSystem fs, LakeLayout layout) {
        this.fs = fs;
        this.layout = layout;
    }

    /** The window recorded for exactly this date, if it was imported before. */
    public Watermark forDate(String table, LocalDate d) throws IOException {
        Path p = layout.importState(table, d);
        return fs.exists(p) ? read(p) : null;
    }

    /** The watermark in force for {@code d}: the latest one recorded for an earlier date. */
    public Watermark before(String table, LocalDate d) throws IOException {
        Path dir = layout.importStateTable(table);
        if (!fs.exists(dir)) {
            return null;
        }
        LocalDate best = null;
        for (FileStatus st : fs.listStatus(dir)) {
            String n = st.getPath().getName();
            if (n.startsWith("ingest_date=") && n.endsWith(".properties")) {
                LocalDate x = LocalDate.parse(n.substring("ingest_date=".length(), n.length() - ".properties".length()));
                if (x.isBefore(d) && (best == null || x.isAfter(best))) {
                    best = x;
                }
            }
        }
        return best == null ? null : read(layout.importState(table, best));
    }

    /** Written to a hidden file then renamed, so a reader sees the old record or the new one. */
    public void commit(Watermark w) throws IOException {
        Path target = layout.importState(w.table, w.date);
        Path tmp = new Path(target.getParent(), "_" + target.getName() + ".tmp");
        fs.mkdirs(target.getParent());
        try (OutputStream out = fs.create(tmp, true)) {
            w.toProperties().store(out, "Campus Lake import window");
        }
        if (fs.exists(target) && !fs.delete(target, false)) {
            throw new IOException("cannot replace " + target);
        }
        if (!fs.rename(tmp, target)) {
            throw new IOException("cannot commit " + target);
        }
    }

    private Watermark read(Path p) throws IOException {
        Properties props = new Properties();
        try (InputStream in = fs.open(p)) {
            props.load(in);
        }
        return Watermark.fromProperties(props);
    }
}
