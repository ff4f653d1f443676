package org.campuslake.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Counts the records Sqoop landed in a folder: text lines or Avro records of its part files. */
final class LandedFiles {
    private LandedFiles() {}

    static long count(FileSystem fs, Path dir, String format) throws IOException {
        long n = 0;
        for (FileStatus st : fs.listStatus(dir)) {
            if (!st.getPath().getName().startsWith("part-")) {
                continue;
            }
            try (InputStream in = fs.open(st.getPath())) {
                n += "avro".equals(format) ? countAvro(in) : countLines(in);
            }
        }
        return n;
    }

    private static long countLines(InputStream in) throws IOException {
        long n = 0;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        while (r.readLine() != null) {
            n++;
        }
        return n;
    }

    private static long countAvro(InputStream in) throws IOException {
        long n = 0;
        try (DataFileStream<GenericRecord> s = new DataFileStream<GenericRecord>(in, new GenericDatumReader<GenericRecord>())) {
            while (s.hasNext()) {
                n += s.getBlockCount();
                s.nextBlock();
            }
        }
        return n;
    }
}
