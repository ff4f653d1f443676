package org.campuslake.seed.gen;

import java.math.BigDecimal;
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
    }
}
