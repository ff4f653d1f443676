package org.campuslake.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
}
