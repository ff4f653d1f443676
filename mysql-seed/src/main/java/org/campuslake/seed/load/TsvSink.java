package org.campuslake.seed.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.campuslake.seed.ErpTable;
import org.campuslake.seed.gen.RowSink;

/** Writes one LOAD DATA file per table: the seed's rows go to disk first, then into MySQL in bulk. */
public final class TsvSink implements RowSink, AutoCloseable {
    private final Path dir;
    private final Map<ErpTable, BufferedWriter> writers = new EnumMap<>(ErpTable.class);
    private final Map<ErpTable, Long> counts = new EnumMap<>(ErpTable.class);
    private final Map<ErpTable, java.security.MessageDigest> digests = new EnumMap<>(ErpTable.class);
    private final StringBuilder line = new StringBuilder(256);

    public TsvSink(Path dir) {
        this.dir = dir;
        for (ErpTable t : ErpTable.values()) {
            counts.put(t, 0L);
        }
    }

    public Path file(ErpTable t) {
        return dir.resolve(t.tableName() + ".tsv");
    }

    public long count(ErpTable t) {
        return counts.get(t);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void insert(ErpTable table, Object[] row) {
        line.setLength(0);
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            Values.append(line, row[i]);
        }
        line.append('\n');
        try {
            BufferedWriter w = writers.get(table);
            if (w == null) {
                w = Files.newBufferedWriter(file(table), StandardCharsets.UTF_8);
                writers.put(table, w);
            }
            w.append(line);
            digests.computeIfAbsent(table, t -> ErpFingerprint.sha256())
                    .update(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(table), e);
        }
        counts.merge(table, 1L, Long::sum);
    }

    /**
     * The {@link ErpFingerprint} of these rows once loaded: the simulator emits every table in primary-key order
     * and writes values as the server prints them, so no read-back is needed.
     */
    public String fingerprint() {
        java.security.MessageDigest all = ErpFingerprint.sha256();
        for (ErpTable t : ErpTable.values()) {
            all.update((t.tableName() + "\n").getBytes(StandardCharsets.UTF_8));
            java.security.MessageDigest d = digests.get(t);
            all.update(d == null ? new byte[0] : d.digest());
        }
        return java.util.HexFormat.of().formatHex(all.digest());
    }

    @Override
    public void update(ErpTable table, Object[] row) {
        throw new UnsupportedOperationException("a bulk file takes final rows only");
    }

    @Override
    public void close() {
        for (BufferedWriter w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        writers.clear();
    }
}
