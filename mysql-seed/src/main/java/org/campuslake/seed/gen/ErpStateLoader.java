package org.campuslake.seed.gen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.campuslake.seed.ErpTable;

/** Rebuilds {@link ErpState} from the {@code erp} schema, in primary-key order, as the seed had it in memory. */
final class ErpStateLoader {
    private ErpStateLoader() {}

    static void load(Connection c, ErpState st, LocalDate clock) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT * FROM erp.campuses ORDER BY campus_id")) {
                while (rs.next()) {
                    Erp.Campus x = new Erp.Campus();
                    x.id = rs.getInt("campus_id");
                    x.name = rs.getString("name");
                    x.city = rs.getString("city");
                    x.region = rs.getString("region");
                    x.openedOn = date(rs, "opened_on");
                    x.capacity = rs.getInt("capacity");
                    st.loaded(stamp(x, rs));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM erp.subjects ORDER BY subject_id")) {
                while (rs.next()) {
                    Erp.Subject x = new Erp.Subject();
                    x.id = rs.getInt("subject_id");
                    x.code = rs.getString("code");
                    x.name = rs.getString("name");
                    x.level = rs.getInt("level");
                    x.credits = rs.getInt("credits");
                    st.loaded(stamp(x, rs));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM erp.professors ORDER BY professor_id")) {
                while (rs.next()) {
                    Erp.Professor x = new Erp.Professor();
                    x.id = rs.getInt("professor_id");
                    x.firstName = rs.getString("first_name");
                    x.lastName = rs.getString("last_name");
                    x.email = rs.getString("email");
                    x.campusId = rs.getInt("campus_id");
                    x.speciality = rs.getString("speciality");
                    x.hiredOn = date(rs, "hired_on");
                    st.loaded(stamp(x, rs));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM erp.companies ORDER BY company_id")) {
                while (rs.next()) {
                    Erp.Company x = new Erp.Company();
                    x.id = rs.getInt("company_id");
                    x.name = rs.getString("name");
                    x.sector = rs.getString("sector");
                    x.city = rs.getString("city");
                    x.region = rs.getString("region");
                    x.kind = rs.getString("kind");
                    st.loaded(stamp(x, rs));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM erp.students ORDER BY student_id")) {
                while (rs.next()) {
                    Erp.Student x = new Erp.Student();
                    x.id = rs.getInt("student_id");
                    x.firstName = rs.getString("first_name");
                    x.lastName = rs.getString("last_name");
                    x.schoolEmail = rs.getString("school_email");
                    x.personalEmail = rs.getString("personal_email");
                    x.gender = rs.getString("gender");
                    x.birthDate = date(rs, "birth_date");
                    x.joinDate = date(rs, "join_date");
                    x.leftDate = date(rs, "left_date");
                    x.campusId = rs.getInt("campus_id");
                    x.promotion = rs.getInt("promotion");
                    x.institution = rs.getString("institution_of_origin");
                    x.status = rs.getString("status");
                    st.loaded(stamp(x, rs));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM erp.events ORDER BY event_id")) {
                while (rs.next()) {
                    Erp.Event x = new Erp.Event();
                    x.id = rs.getInt("event_id");
                    x.type = rs.getString("event_type");
                    x.name = rs.getString("name");
                    x.campusId = rs.getInt("campus_id");
                    x.date = date(rs, "event_date");
                    x.city = rs.getString("city");
                    st.loaded(stamp(x, rs));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM erp.audiences ORDER BY audience_id")) {
                while (rs.next()) {
                    Erp.Contact x = new Erp.Contact();
                    x.id = rs.getInt("audience_id");
                    x.eventId = rs.getInt("event_id");
                    x.firstName = rs.getString("first_name");
                    x.lastName = rs.getString("last_name");
                    x.email = rs.getString("email");
                    x.phone = rs.getString("phone");
                    x.birthYear = rs.getInt("birth_year");
                    x.city = rs.getString("city");
                    int sid = rs.getInt("student_id");
                    x.studentId = rs.wasNull() ? null : sid;
                    st.loaded(stamp(x, rs));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM erp.apprenticeships ORDER BY apprenticeship_id")) {
                while (rs.next()) {
                    Erp.Contract x = new Erp.Contract();
                    x.id = rs.getInt("apprenticeship_id");
                    x.studentId = rs.getInt("student_id");
                    x.companyId = rs.getInt("company_id");
                    x.start = date(rs, "start_date");
                    x.end = date(rs, "end_date");
                    x.type = rs.getString("contract_type");
                    st.loaded(stamp(x, rs));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT a.*, DATE(l.starts_at) AS lesson_date FROM erp.attendances a JOIN erp.lessons l USING (lesson_id)"
                        + " WHERE l.starts_at >= ? ORDER BY a.attendance_id")) {
            ps.setObject(1, clock.minusDays(ErpState.ATTENDANCE_WINDOW_DAYS - 1).atStartOfDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Erp.Attendance x = new Erp.Attendance();
                    x.id = rs.getLong("attendance_id");
                    x.studentId = rs.getInt("student_id");
                    x.lessonId = rs.getLong("lesson_id");
                    x.status = rs.getString("status");
                    x.lessonDate = date(rs, "lesson_date");
                    st.loaded(stamp(x, rs));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM erp.grades WHERE graded_on >= ? ORDER BY grade_id")) {
            ps.setObject(1, clock.minusDays(ErpState.GRADE_WINDOW_DAYS - 1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Erp.Grade x = new Erp.Grade();
                    x.id = rs.getLong("grade_id");
                    x.studentId = rs.getInt("student_id");
                    x.subjectId = rs.getInt("subject_id");
                    x.gradedOn = date(rs, "graded_on");
                    x.grade = rs.getBigDecimal("grade");
                    x.assessment = rs.getString("assessment");
                    st.loaded(stamp(x, rs));
                }
            }
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

    private static LocalDate date(ResultSet rs, String col) throws SQLException {
        return rs.getObject(col, LocalDate.class);
    }

    private static <T extends Erp.Row> T stamp(T row, ResultSet rs) throws SQLException {
        row.updatedAt = rs.getObject("updated_at", LocalDateTime.class);
        return row;
    }

}
