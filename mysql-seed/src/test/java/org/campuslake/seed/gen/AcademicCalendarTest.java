package org.campuslake.seed.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AcademicCalendarTest {
    @Test
    void easterMatchesKnownDates() {
        assertThat(AcademicCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(AcademicCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(AcademicCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(AcademicCalendar.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void schoolDaysAreTermWeekdaysOutsideBreaksAndHolidays() {
        assertThat(AcademicCalendar.isSchoolDay(LocalDate.of(2025, 9, 1))).isTrue();   // Monday, first day
        assertThat(AcademicCalendar.isSchoolDay(LocalDate.of(2025, 9, 6))).isFalse();  // Saturday
        assertThat(AcademicCalendar.isSchoolDay(LocalDate.of(2025, 10, 27))).isFalse(); // Toussaint break
        assertThat(AcademicCalendar.isSchoolDay(LocalDate.of(2025, 11, 11))).isFalse(); // Armistice
        assertThat(AcademicCalendar.isSchoolDay(LocalDate.of(2025, 12, 22))).isFalse(); // Christmas break
        assertThat(AcademicCalendar.isSchoolDay(LocalDate.of(2026, 1, 5))).isTrue();
        assertThat(AcademicCalendar.isSchoolDay(LocalDate.of(2026, 4, 6))).isFalse();  // Easter Monday
        assertThat(AcademicCalendar.isSchoolDay(LocalDate.of(2026, 5, 14))).isFalse(); // Ascension
        assertThat(AcademicCalendar.isSchoolDay(LocalDate.of(2026, 7, 15))).isFalse(); // summer
        long days = LocalDate.of(2025, 9, 1).datesUntil(LocalDate.of(2026, 9, 1))
                .filter(AcademicCalendar::isSchoolDay).count();
        assertThat(days).isBetween(160L, 185L);
    }

    @Test
    void academicYearLevelAndPromotion() {
        assertThat(AcademicCalendar.academicYear(LocalDate.of(2025, 9, 1))).isEqualTo(2025);
        assertThat(AcademicCalendar.academicYear(LocalDate.of(2026, 8, 31))).isEqualTo(2025);
        // Joined in September 2025, graduates in June 2028.
        assertThat(AcademicCalendar.level(2028, 2025)).isEqualTo(1);
        assertThat(AcademicCalendar.level(2028, 2027)).isEqualTo(3);
        assertThat(AcademicCalendar.promotionOfLevel(1, 2025)).isEqualTo(2028);
        assertThat(AcademicCalendar.enrolmentDay(LocalDate.of(2025, 9, 1))).isZero();
        assertThat(AcademicCalendar.enrolmentDay(LocalDate.of(2025, 9, 15))).isEqualTo(14);
        assertThat(AcademicCalendar.enrolmentDay(LocalDate.of(2025, 9, 16))).isEqualTo(-1);
        assertThat(AcademicCalendar.nthSaturday(2025, 11, 2)).isEqualTo(LocalDate.of(2025, 11, 8));
    }
}
