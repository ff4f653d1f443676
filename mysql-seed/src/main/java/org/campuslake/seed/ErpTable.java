package org.campuslake.seed;

import java.util.List;

/** The 11 ERP tables, in an order that respects foreign keys (parents first), with their columns in DDL order. */
public enum ErpTable {
    CAMPUSES("campus_id", "name", "city", "region", "opened_on", "capacity", "updated_at"),
    SUBJECTS("subject_id", "code", "name", "level", "credits", "updated_at"),
    PROFESSORS("professor_id", "first_name", "last_name", "email", "campus_id", "speciality", "hired_on", "updated_at"),
    COMPANIES("company_id", "name", "sector", "city", "region", "kind", "updated_at"),
    STUDENTS("student_id", "first_name", "last_name", "school_email", "personal_email", "gender", "birth_date",
            "join_date", "left_date", "campus_id", "promotion", "institution_of_origin", "status", "updated_at"),
    EVENTS("event_id", "event_type", "name", "campus_id", "event_date", "city", "updated_at"),
    AUDIENCES("audience_id", "event_id", "first_name", "last_name", "email", "phone", "birth_year", "city",
            "student_id", "updated_at"),
    APPRENTICESHIPS("apprenticeship_id", "student_id", "company_id", "start_date", "end_date", "contract_type",
            "updated_at"),
    LESSONS("lesson_id", "subject_id", "professor_id", "campus_id", "promotion", "starts_at", "duration_minutes",
            "room", "updated_at"),
    ATTENDANCES("attendance_id", "student_id", "lesson_id", "status", "updated_at"),
    GRADES("grade_id", "student_id", "subject_id", "graded_on", "grade", "assessment", "updated_at");

    private final List<String> columns;

    ErpTable(String... columns) {
        this.columns = List.of(columns);
    }

    /** Table name in the {@code erp} schema. */
    public String tableName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String qualifiedName() {
        return "erp." + tableName();
    }

    public List<String> columns() {
        return columns;
    }

    /** The primary key is always the first column. */
    public String keyColumn() {
        return columns.get(0);
    }
}
