package org.campuslake.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.TableSpec;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
    static final TableSpec GRADES = Catalog.builtIn().table("grades");
    static final TableSpec STUDENTS = Catalog.builtIn().table("students");
    static final List<String> GRADE_COLUMNS = GRADES.columnNames();

    static String line(String... fields) {
        return String.join("\001", fields);
    }

    static final String GOOD = line("7", "70", "16", "2025-09-01", "82.50", "quiz", "2025-09-01 18:57:23.0");

    private static RecordValidator.Result check(String line) {
        return new RecordValidator(GRADES, GRADE_COLUMNS).check(line);
    }

    @Test
    void acceptsAWellFormedRecord() {
        RecordValidator.Result r = check(GOOD);
        assertThat(r.valid()).isTrue();
        assertThat(r.key).isEqualTo("7");
    }

    @Test
    void namesTheFirstBrokenRuleOfEachKind() {
        assertThat(check(line("7", "70", "16", "2025-09-01", "82.50", "quiz")).reason).isEqualTo(RejectReason.FIELD_COUNT);
        assertThat(check(GOOD + "\001extra").reason).isEqualTo(RejectReason.FIELD_COUNT);
        assertThat(check(GOOD.replace("\00170\001", "\001\\N\001")).reason).isEqualTo(RejectReason.NULL_NOT_ALLOWED);
        assertThat(check(GOOD.replace("\00170\001", "\001seventy\001")).reason).isEqualTo(RejectReason.BAD_NUMBER);
        assertThat(check(GOOD.replace("\00170\001", "\0019999999999\001")).reason).isEqualTo(RejectReason.BAD_NUMBER);
        assertThat(check(GOOD.replace("82.50", "8,5")).reason).isEqualTo(RejectReason.BAD_DECIMAL);
        assertThat(check(GOOD.replace("82.50", "150.00")).reason).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(check(GOOD.replace("82.50", "-0.50")).reason).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(check(GOOD.replace("2025-09-01\001", "2025-02-30\001")).reason).isEqualTo(RejectReason.BAD_DATE);
        assertThat(check(GOOD.replace("2025-09-01\001", "0001-01-01\001")).reason).isEqualTo(RejectReason.BAD_DATE);
        assertThat(check(GOOD.replace("2025-09-01\001", "1985-09-01\001")).reason).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(check(GOOD.replace("quiz", "homework")).reason).isEqualTo(RejectReason.NOT_ALLOWED_VALUE);
        assertThat(check(GOOD.replace("2025-09-01 18:57:23.0", "yesterday")).reason).isEqualTo(RejectReason.BAD_TIMESTAMP);
        assertThat(check(GOOD.replace("2025-09-01 18:57:23.0", "0001-01-01 00:00:00.0")).reason).isEqualTo(RejectReason.BAD_TIMESTAMP);
        assertThat(check(GOOD.replace("82.50", "150.00")).detail).isEqualTo("grade=150.00");
    }

    static final String STUDENT = line("1", "Léa", "Martin", "lea.martin.1@etu.campuslake.fr", "\\N", "F", "2006-03-01",
            "2025-09-01", "\\N", "1", "2028", "Lycée Victor Hugo, Paris", "active", "2025-09-01 10:00:00.0");

    @Test
    void checksStringsForBlanksLengthAndNullability() {
        List<String> cols = STUDENTS.columnNames();
        String good = STUDENT;
        RecordValidator v = new RecordValidator(STUDENTS, cols);
        assertThat(v.check(good).valid()).isTrue(); // NULL is fine where nullable
        assertThat(v.check(good.replace("Martin", " ")).reason).isEqualTo(RejectReason.EMPTY);
        assertThat(v.check(good.replace("Martin", new String(new char[61]).replace('\0', 'x'))).reason)
                .isEqualTo(RejectReason.TOO_LONG);
        assertThat(v.check(good.replace("\001F\001", "\001Q\001")).reason).isEqualTo(RejectReason.NOT_ALLOWED_VALUE);
        assertThat(v.check(good.replace("Lycée Victor Hugo, Paris", "\\N")).reason).isEqualTo(RejectReason.NULL_NOT_ALLOWED);
    }

    @Test
    void checksReferencesOnlyWhereItIsGivenTheirKeys() {
        String orphan = GOOD.replace("\00170\001", "\00199999\001");
        assertThat(check(orphan).valid()).isTrue(); // no keys given: values and rules only
        java.util.Map<String, java.util.Set<String>> keys = new java.util.HashMap<String, java.util.Set<String>>();
        keys.put("student_id", new java.util.HashSet<String>(Arrays.asList("70")));
        RecordValidator v = new RecordValidator(GRADES, GRADE_COLUMNS, keys);
        assertThat(v.check(GOOD).valid()).isTrue();
        assertThat(v.check(orphan).reason).isEqualTo(RejectReason.ORPHAN_REFERENCE);
        assertThat(v.check(orphan.replace("82.50", "150.00")).reason).isEqualTo(RejectReason.OUT_OF_RANGE); // values first
    }

    @Test
    void carriesColumnsTheCatalogDoesNotDescribe() {
        List<String> drifted = Arrays.asList("grade_id", "student_id", "subject_id", "graded_on", "grade", "assessment",
                "updated_at", "comment");
        RecordValidator v = new RecordValidator(GRADES, drifted);
        assertThat(v.check(GOOD + "\001anything at all").valid()).isTrue();
        assertThat(v.checkIndex()).isEqualTo(6);
    }
}
