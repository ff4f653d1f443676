package org.campuslake.ingest.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.LakeLayout;
import org.campuslake.ingest.PartitionLines;
import org.campuslake.ingest.catalog.ImportMode;
import org.campuslake.ingest.catalog.TableSpec;

/**
 * The keys a referenced table has as of an ingest date, read from its validated raw partitions up to that date
 * (the date's own included: the day's tables are validated after the tables they refer to). A full-mode table is
 * its latest partition, as every import brings the whole table; the others are the union of their partitions.
 * Handed to the validation tasks as one file of keys per referencing column.
 */
public final class ReferencedKeys {
    /** Configuration key prefix: {@code campuslake.validate.references.<column>} = the column's key file. */
    public static final String CONF_PREFIX = "campuslake.validate.references.";

    private ReferencedKeys() {}

    public static Set<String> read(FileSystem fs, LakeLayout layout, TableSpec target, LocalDate date) throws IOException {
        List<Path> partitions = new ArrayList<Path>();
        Path table = layout.rawTable(target.name());
        if (fs.exists(table)) {
            for (FileStatus s : fs.listStatus(table)) {
                String n = s.getPath().getName();
                if (s.isDirectory() && n.startsWith("ingest_date=")
                        && n.substring("ingest_date=".length()).compareTo(date.toString()) <= 0
                        && fs.exists(new Path(s.getPath(), LakeLayout.COLUMNS))) {
                    partitions.add(s.getPath());
                }
            }
        }
        java.util.Collections.sort(partitions);
        if (partitions.isEmpty()) {
            throw new IOException("erp." + target.name() + " has no validated partition up to " + date + " in "
                    + table + ", and other tables refer to it: import and validate it first (or with them)");
        }
        if (target.mode() == ImportMode.FULL) {
            partitions = partitions.subList(partitions.size() - 1, partitions.size());
        }
        final Set<String> keys = new HashSet<String>();
        for (Path p : partitions) {
            final int index = ValidationJob.readColumns(fs, new Path(p, LakeLayout.COLUMNS)).indexOf(target.key());
            if (index < 0) {
                throw new IOException(p + " has no column " + target.key());
            }
            PartitionLines.read(fs, p, new PartitionLines.Handler() {
                @Override
                public void line(String line) {
                    keys.add(RecordValidator.split(line)[index]);
                }
            });
        }
        return keys;
    }

    static void write(FileSystem fs, Path file, Set<String> keys) throws IOException {
        try (Writer w = new OutputStreamWriter(fs.create(file, true), StandardCharsets.UTF_8)) {
            for (String k : keys) {
                w.write(k);
                w.write('\n');
            }
        }
    }

    /** The key file a job configuration names for this column, or null when it names none. */
    static Set<String> load(Configuration conf, String column) throws IOException {
        String file = conf.get(CONF_PREFIX + column);
        if (file == null) {
            return null;
        }
        Path p = new Path(file);
        Set<String> keys = new HashSet<String>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getFileSystem(conf).open(p),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                keys.add(line);
            }
        }
        return keys;
    }
}
