package org.campuslake.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** The text lines of a lake partition's data files: its hidden files ({@code _SUCCESS}, {@code _columns}) left out. */
public final class PartitionLines {
    /** What is done with each line. */
    public interface Handler {
        void line(String line) throws IOException;
    }

    private PartitionLines() {}

    public static void read(FileSystem fs, Path partition, Handler handler) throws IOException {
        for (FileStatus f : fs.listStatus(partition)) {
            String n = f.getPath().getName();
            if (!f.isFile() || n.startsWith("_") || n.startsWith(".")) {
                continue;
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    handler.line(line);
                }
            }
        }
    }

    /**
     * The trimmed, non-blank lines of one small file: a partition's {@code _columns}, {@code _deleted} or
     * {@code _erased}, the erasure register. None when the file does not exist.
     */
    public static List<String> values(FileSystem fs, Path file) throws IOException {
        List<String> out = new ArrayList<String>();
        if (!fs.exists(file)) {
            return out;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.trim().isEmpty()) {
                    out.add(line.trim());
                }
            }
        }
        return out;
    }

    /** A {@code _columns} file's column names; a missing file is an error, as a partition without one is broken. */
    public static List<String> columns(FileSystem fs, Path file) throws IOException {
        if (!fs.exists(file)) {
            throw new java.io.FileNotFoundException(file + " does not exist");
        }
        return values(fs, file);
    }
}
