package org.campuslake.seed.gen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.campuslake.seed.ErpTable;

/** Rebuilds {@link ErpState} from the {@code erp} schema, in primary-key order, as the seed had it in memory. */
final class ErpStateLoader {
    /** Tables held whole; lessons are write-once and never read back. */
    private static final List<ErpTable> WHOLE = List.of(ErpTable.CAMPUSES, ErpTable.SUBJECTS, ErpTable.PROFESSORS,
            ErpTable.COMPANIES, ErpTable.STUDENTS, ErpTable.EVENTS, ErpTable.AUDIENCES, ErpTable.APPRENTICESHIPS);

    private ErpStateLoader() {}

    static void load(Connection c, ErpState st, LocalDate clock) throws SQLException {
        for (ErpTable t : WHOLE) {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + t.qualifiedName() + " ORDER BY " + t.keyColumn())) {
                read(ps, t, st);
            }
        }
        // Only the rows that can still be corrected.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT a.*, DATE(l.starts_at) AS lesson_date FROM erp.attendances a JOIN erp.lessons l USING (lesson_id)"
                        + " WHERE l.starts_at >= ? ORDER BY a.attendance_id")) {
            ps.setObject(1, clock.minusDays(ErpState.ATTENDANCE_WINDOW_DAYS - 1).atStartOfDay());
            read(ps, ErpTable.ATTENDANCES, st);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM erp.grades WHERE graded_on >= ? ORDER BY grade_id")) {
            ps.setObject(1, clock.minusDays(ErpState.GRADE_WINDOW_DAYS - 1));
            read(ps, ErpTable.GRADES, st);
        }
        try (Statement s = c.createStatement()) {
            for (ErpTable t : ErpTable.values()) {
                try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + t.keyColumn() + "), 0) FROM " + t.qualifiedName())) {
                    rs.next();
                    st.setNextId(t, rs.getLong(1) + 1);
                }
            }
        }
    }

    private static void read(PreparedStatement ps, ErpTable t, ErpState st) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Erp.Row row = Erp.newRow(t);
                row.read(rs);
                st.loaded(row);
            }
        }
    }
}
