package org.campuslake.seed.gen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.campuslake.seed.ErpTable;

/** Counts rows per table, hashes them in emission order, and keeps the rows of the tables asked for. */
final class HashingSink implements RowSink {
    final Map<ErpTable, Long> counts = new EnumMap<>(ErpTable.class);
    final Map<ErpTable, List<Object[]>> kept = new EnumMap<>(ErpTable.class);
    private final MessageDigest md;

    HashingSink(ErpTable... keep) {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (ErpTable t : keep) {
            kept.put(t, new ArrayList<>());
        }
    }

    @Override
    public void insert(ErpTable table, Object[] row) {
        counts.merge(table, 1L, Long::sum);
        StringBuilder sb = new StringBuilder(table.name());
        for (Object v : row) {
            sb.append('|').append(v);
        }
        md.update(sb.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        List<Object[]> k = kept.get(table);
        if (k != null) {
            k.add(row);
        }
    }

    @Override
    public void update(ErpTable table, Object[] row) {
        throw new UnsupportedOperationException();
    }

    long count(ErpTable t) {
        return counts.getOrDefault(t, 0L);
    }

    String digest() {
        return HexFormat.of().formatHex(md.digest());
    }
}
