package org.campuslake.seed.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongConsumer;
import org.campuslake.seed.ErpTable;

/**
 * Loads the seed files: {@code LOAD DATA LOCAL INFILE} when the server allows it (MariaDB does by default;
 * MySQL 8 needs {@code local_infile=ON}), otherwise large batched INSERTs (the connection must use
 * {@code rewriteBatchedStatements=true}). Never row by row.
 */
public final class BulkLoader {
    private static final int BATCH = 5_000;
    private final Connection connection;
    private boolean localInfile = true;

    public BulkLoader(Connection connection) {
        this.connection = connection;
    }

    /** @return rows loaded */
    public long load(ErpTable table, Path file, long rows, LongConsumer progress) throws SQLException, IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        if (localInfile) {
            try {
                long n = loadData(table, file);
                progress.accept(rows);
                return n;
            } catch (SQLException e) {
                // 1148 / 3948: LOAD DATA LOCAL disabled on the server or the client
                if (e.getErrorCode() != 1148 && e.getErrorCode() != 3948) {
                    throw e;
                }
                localInfile = false;
            }
        }
        return insertBatches(table, file, progress);
    }

    public boolean usedLoadData() {
        return localInfile;
    }

    private long loadData(ErpTable table, Path file) throws SQLException {
        String sql = "LOAD DATA LOCAL INFILE '" + file.toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'")
                + "' INTO TABLE " + table.qualifiedName() + " CHARACTER SET utf8mb4"
                + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + String.join(", ", table.columns()) + ")";
        try (Statement s = connection.createStatement()) {
            long n = s.executeLargeUpdate(sql);
            if (s.getWarnings() != null) {
                throw new SQLException("LOAD DATA into " + table.qualifiedName() + " reported: " + s.getWarnings().getMessage());
            }
            return n;
        }
    }

    private long insertBatches(ErpTable table, Path file, LongConsumer progress) throws SQLException, IOException {
        String sql = "INSERT INTO " + table.qualifiedName() + " (" + String.join(", ", table.columns()) + ") VALUES ("
                + "?, ".repeat(table.columns().size() - 1) + "?)";
        long n = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql);
             BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int pending = 0;
            while ((line = r.readLine()) != null) {
                String[] fields = line.split("\t", -1);
                for (int i = 0; i < fields.length; i++) {
                    ps.setString(i + 1, Values.unescape(fields[i]));
                }
                ps.addBatch();
                n++;
                if (++pending == BATCH) {
                    ps.executeBatch();
                    progress.accept(pending);
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
                progress.accept(pending);
            }
        }
        return n;
    }
}
