package org.campuslake.seed.gen;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.campuslake.seed.ErpTable;

/** The ERP's rows as the simulator holds them; {@link #values()} follows {@link ErpTable#columns()}. */
public final class Erp {
    private Erp() {}

    /** A row plus what the writer needs to know: is it in the database yet, and did it change since. */
    public abstract static class Row {
        public LocalDateTime updatedAt;
        boolean persisted;
        boolean dirty;
        boolean touched;

        public abstract ErpTable table();

        public abstract Object[] values();

        public abstract long id();

        /** The inverse of {@link #values()}: fills the row from a result set with the table's columns. */
        abstract void read(ResultSet rs) throws SQLException;
    }

    /** An empty row of a table, for {@link Row#read}. */
    static Row newRow(ErpTable t) {
        return switch (t) {
            case CAMPUSES -> new Campus();
            case SUBJECTS -> new Subject();
            case PROFESSORS -> new Professor();
            case COMPANIES -> new Company();
            case STUDENTS -> new Student();
            case EVENTS -> new Event();
            case AUDIENCES -> new Contact();
            case APPRENTICESHIPS -> new Contract();
            case LESSONS -> new Lesson();
            case ATTENDANCES -> new Attendance();
            case GRADES -> new Grade();
        };
    }

    private static LocalDate date(ResultSet rs, String col) throws SQLException {
        return rs.getObject(col, LocalDate.class);
    }

    private static LocalDateTime time(ResultSet rs, String col) throws SQLException {
        return rs.getObject(col, LocalDateTime.class);
    }

    private static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    public static final class Campus extends Row {
        public int id;
        public String name;
        public String city;
        public String region;
        public LocalDate openedOn;
        public int capacity;

        public ErpTable table() { return ErpTable.CAMPUSES; }
        public long id() { return id; }
        public Object[] values() { return new Object[] {id, name, city, region, openedOn, capacity, updatedAt}; }

        void read(ResultSet rs) throws SQLException {
            id = rs.getInt("campus_id");
            name = rs.getString("name");
            city = rs.getString("city");
            region = rs.getString("region");
            openedOn = date(rs, "opened_on");
            capacity = rs.getInt("capacity");
            updatedAt = time(rs, "updated_at");
        }
    }

    public static final class Subject extends Row {
        public int id;
        public String code;
        public String name;
        public int level;
        public int credits;

        public ErpTable table() { return ErpTable.SUBJECTS; }
        public long id() { return id; }
        public Object[] values() { return new Object[] {id, code, name, level, credits, updatedAt}; }

        void read(ResultSet rs) throws SQLException {
            id = rs.getInt("subject_id");
            code = rs.getString("code");
            name = rs.getString("name");
            level = rs.getInt("level");
            credits = rs.getInt("credits");
            updatedAt = time(rs, "updated_at");
        }
    }

    public static final class Professor extends Row {
        public int id;
        public String firstName;
        public String lastName;
        public String email;
        public int campusId;
        public String speciality;
        public LocalDate hiredOn;

        public ErpTable table() { return ErpTable.PROFESSORS; }
        public long id() { return id; }
        public Object[] values() {
            return new Object[] {id, firstName, lastName, email, campusId, speciality, hiredOn, updatedAt};
        }

        void read(ResultSet rs) throws SQLException {
            id = rs.getInt("professor_id");
            firstName = rs.getString("first_name");
            lastName = rs.getString("last_name");
            email = rs.getString("email");
            campusId = rs.getInt("campus_id");
            speciality = rs.getString("speciality");
            hiredOn = date(rs, "hired_on");
            updatedAt = time(rs, "updated_at");
        }
    }

    public static final class Company extends Row {
        public int id;
        public String name;
        public String sector;
        public String city;
        public String region;
        public String kind;

        public ErpTable table() { return ErpTable.COMPANIES; }
        public long id() { return id; }
        public Object[] values() { return new Object[] {id, name, sector, city, region, kind, updatedAt}; }

        void read(ResultSet rs) throws SQLException {
            id = rs.getInt("company_id");
            name = rs.getString("name");
            sector = rs.getString("sector");
            city = rs.getString("city");
            region = rs.getString("region");
            kind = rs.getString("kind");
            updatedAt = time(rs, "updated_at");
        }
    }

    public static final class Student extends Row {
        public int id;
        public String firstName;
        public String lastName;
        public String schoolEmail;
        public String personalEmail;
        public String gender;
        public LocalDate birthDate;
        public LocalDate joinDate;
        public LocalDate leftDate;
        public int campusId;
        public int promotion;
        public String institution;
        public String status;

        public ErpTable table() { return ErpTable.STUDENTS; }
        public long id() { return id; }
        public Object[] values() {
            return new Object[] {id, firstName, lastName, schoolEmail, personalEmail, gender, birthDate, joinDate,
                leftDate, campusId, promotion, institution, status, updatedAt};
        }

        void read(ResultSet rs) throws SQLException {
            id = rs.getInt("student_id");
            firstName = rs.getString("first_name");
            lastName = rs.getString("last_name");
            schoolEmail = rs.getString("school_email");
            personalEmail = rs.getString("personal_email");
            gender = rs.getString("gender");
            birthDate = date(rs, "birth_date");
            joinDate = date(rs, "join_date");
            leftDate = date(rs, "left_date");
            campusId = rs.getInt("campus_id");
            promotion = rs.getInt("promotion");
            institution = rs.getString("institution_of_origin");
            status = rs.getString("status");
            updatedAt = time(rs, "updated_at");
        }

        public boolean isActive() { return "active".equals(status); }
    }

    public static final class Event extends Row {
        public int id;
        public String type;
        public String name;
        public int campusId;
        public LocalDate date;
        public String city;

        public ErpTable table() { return ErpTable.EVENTS; }
        public long id() { return id; }
        public Object[] values() { return new Object[] {id, type, name, campusId, date, city, updatedAt}; }

        void read(ResultSet rs) throws SQLException {
            id = rs.getInt("event_id");
            type = rs.getString("event_type");
            name = rs.getString("name");
            campusId = rs.getInt("campus_id");
            date = date(rs, "event_date");
            city = rs.getString("city");
            updatedAt = time(rs, "updated_at");
        }
    }

    public static final class Contact extends Row {
        public int id;
        public int eventId;
        public String firstName;
        public String lastName;
        public String email;
        public String phone;
        public int birthYear;
        public String city;
        public Integer studentId;

        public ErpTable table() { return ErpTable.AUDIENCES; }
        public long id() { return id; }
        public Object[] values() {
            return new Object[] {id, eventId, firstName, lastName, email, phone, birthYear, city, studentId, updatedAt};
        }

        void read(ResultSet rs) throws SQLException {
            id = rs.getInt("audience_id");
            eventId = rs.getInt("event_id");
            firstName = rs.getString("first_name");
            lastName = rs.getString("last_name");
            email = rs.getString("email");
            phone = rs.getString("phone");
            birthYear = rs.getInt("birth_year");
            city = rs.getString("city");
            studentId = intOrNull(rs, "student_id");
            updatedAt = time(rs, "updated_at");
        }
    }

    public static final class Contract extends Row {
        public int id;
        public int studentId;
        public int companyId;
        public LocalDate start;
        public LocalDate end;
        public String type;

        public ErpTable table() { return ErpTable.APPRENTICESHIPS; }
        public long id() { return id; }
        public Object[] values() { return new Object[] {id, studentId, companyId, start, end, type, updatedAt}; }

        void read(ResultSet rs) throws SQLException {
            id = rs.getInt("apprenticeship_id");
            studentId = rs.getInt("student_id");
            companyId = rs.getInt("company_id");
            start = date(rs, "start_date");
            end = date(rs, "end_date");
            type = rs.getString("contract_type");
            updatedAt = time(rs, "updated_at");
        }

        boolean isJob() { return "permanent".equals(type) || "fixed_term".equals(type); }

        boolean isOpenOn(LocalDate d) { return !start.isAfter(d) && (end == null || !end.isBefore(d)); }
    }

    public static final class Lesson extends Row {
        public long id;
        public int subjectId;
        public int professorId;
        public int campusId;
        public int promotion;
        public LocalDateTime startsAt;
        public int durationMinutes;
        public String room;

        public ErpTable table() { return ErpTable.LESSONS; }
        public long id() { return id; }
        public Object[] values() {
            return new Object[] {id, subjectId, professorId, campusId, promotion, startsAt, durationMinutes, room, updatedAt};
        }

        void read(ResultSet rs) throws SQLException {
            id = rs.getLong("lesson_id");
            subjectId = rs.getInt("subject_id");
            professorId = rs.getInt("professor_id");
            campusId = rs.getInt("campus_id");
            promotion = rs.getInt("promotion");
            startsAt = time(rs, "starts_at");
            durationMinutes = rs.getInt("duration_minutes");
            room = rs.getString("room");
            updatedAt = time(rs, "updated_at");
        }
    }

    public static final class Attendance extends Row {
        public long id;
        public int studentId;
        public long lessonId;
        public String status;
        /** Not a column: the lesson's day, which decides how long the row stays correctable. */
        public LocalDate lessonDate;

        public ErpTable table() { return ErpTable.ATTENDANCES; }
        public long id() { return id; }
        public Object[] values() { return new Object[] {id, studentId, lessonId, status, updatedAt}; }

        void read(ResultSet rs) throws SQLException {
            id = rs.getLong("attendance_id");
            studentId = rs.getInt("student_id");
            lessonId = rs.getLong("lesson_id");
            status = rs.getString("status");
            lessonDate = date(rs, "lesson_date");
            updatedAt = time(rs, "updated_at");
        }
    }

    public static final class Grade extends Row {
        public long id;
        public int studentId;
        public int subjectId;
        public LocalDate gradedOn;
        public BigDecimal grade;
        public String assessment;

        public ErpTable table() { return ErpTable.GRADES; }
        public long id() { return id; }
        public Object[] values() { return new Object[] {id, studentId, subjectId, gradedOn, grade, assessment, updatedAt}; }

        void read(ResultSet rs) throws SQLException {
            id = rs.getLong("grade_id");
            studentId = rs.getInt("student_id");
            subjectId = rs.getInt("subject_id");
            gradedOn = date(rs, "graded_on");
            grade = rs.getBigDecimal("grade");
            assessment = rs.getString("assessment");
            updatedAt = time(rs, "updated_at");
        }
    }
}
