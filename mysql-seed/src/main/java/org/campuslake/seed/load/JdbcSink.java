package org.campuslake.seed.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.campuslake.seed.ErpTable;
import org.campuslake.seed.gen.RowSink;

/** Batched INSERTs and UPDATEs by primary key for one simulated day; {@link #flush} sends them. */
public final class JdbcSink implements RowSink, AutoCloseable {
    private final Connection connection;
    private final Map<ErpTable, PreparedStatement> inserts = new EnumMap<>(ErpTable.class);
    private final Map<ErpTable, PreparedStatement> updates = new EnumMap<>(ErpTable.class);
    private SQLException failure;

    public JdbcSink(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void insert(ErpTable table, Object[] row) {
        try {
            PreparedStatement ps = inserts.get(table);
            if (ps == null) {
                ps = connection.prepareStatement("INSERT INTO " + table.qualifiedName() + " ("
                        + String.join(", ", table.columns()) + ") VALUES (" + "?, ".repeat(table.columns().size() - 1) + "?)");
                inserts.put(table, ps);
            }
            for (int i = 0; i < row.length; i++) {
                ps.setObject(i + 1, row[i]);
            }
            ps.addBatch();
        } catch (SQLException e) {
            failure = e;
        }
    }

    @Override
    public void update(ErpTable table, Object[] row) {
        try {
            PreparedStatement ps = updates.get(table);
            if (ps == null) {
                StringBuilder sql = new StringBuilder("UPDATE ").append(table.qualifiedName()).append(" SET ");
                for (int i = 1; i < table.columns().size(); i++) {
                    sql.append(i > 1 ? ", " : "").append(table.columns().get(i)).append(" = ?");
                }
                sql.append(" WHERE ").append(table.keyColumn()).append(" = ?");
                ps = connection.prepareStatement(sql.toString());
                updates.put(table, ps);
            }
            for (int i = 1; i < row.length; i++) {
                ps.setObject(i, row[i]);
            }
            ps.setObject(row.length, row[0]);
            ps.addBatch();
        } catch (SQLException e) {
            failure = e;
        }
    }

    /** Sends inserts (parents first) then updates. */
    public void flush() throws SQLException {
        if (failure != null) {
            throw failure;
        }
        for (PreparedStatement ps : inserts.values()) {
            ps.executeBatch();
        }
        for (PreparedStatement ps : updates.values()) {
            ps.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : inserts.values()) {
            ps.close();
        }
        for (PreparedStatement ps : updates.values()) {
            ps.close();
        }
    }
}
