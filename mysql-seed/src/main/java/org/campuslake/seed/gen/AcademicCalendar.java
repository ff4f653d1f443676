package org.campuslake.seed.gen;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;

/**
 * A French-style school year: 1 September to 30 June, weekdays, minus the four holiday breaks and the public
 * holidays. Enrolment runs over the first two weeks of September; the final-year cohort graduates on 30 June.
 */
public final class AcademicCalendar {
    public static final int ENROLMENT_DAYS = 15;
    private static final MonthDay[][] BREAKS = {
        {MonthDay.of(10, 19), MonthDay.of(11, 2)},   // Toussaint
        {MonthDay.of(12, 20), MonthDay.of(12, 31)},  // Noel
        {MonthDay.of(1, 1), MonthDay.of(1, 4)},
        {MonthDay.of(2, 14), MonthDay.of(2, 28)},    // hiver
        {MonthDay.of(4, 11), MonthDay.of(4, 26)},    // printemps
    };
    private static final MonthDay[] PUBLIC_HOLIDAYS = {
        MonthDay.of(11, 11), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14), MonthDay.of(8, 15)
    };

    private AcademicCalendar() {}

    /** The academic year a day belongs to, named by the year it starts (Sept 2025 - Aug 2026 is 2025). */
    public static int academicYear(LocalDate d) {
        return d.getMonthValue() >= 9 ? d.getYear() : d.getYear() - 1;
    }

    /** Study level (1-3) of a cohort in an academic year, or outside 1-3 when not studying. */
    public static int level(int promotion, int academicYear) {
        return academicYear - promotion + 4;
    }

    public static int promotionOfLevel(int level, int academicYear) {
        return academicYear + 4 - level;
    }

    /** 0-based day in the enrolment window, or -1 outside it. */
    public static int enrolmentDay(LocalDate d) {
        return d.getMonthValue() == 9 && d.getDayOfMonth() <= ENROLMENT_DAYS ? d.getDayOfMonth() - 1 : -1;
    }

    public static boolean isGraduationDay(LocalDate d) {
        return d.getMonthValue() == 6 && d.getDayOfMonth() == 30;
    }

    public static boolean isSchoolDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        if (w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY) {
            return false;
        }
        int m = d.getMonthValue();
        if (m == 7 || m == 8) {
            return false;
        }
        MonthDay md = MonthDay.from(d);
        for (MonthDay[] b : BREAKS) {
            if (!md.isBefore(b[0]) && !md.isAfter(b[1])) {
                return false;
            }
        }
        for (MonthDay h : PUBLIC_HOLIDAYS) {
            if (h.equals(md)) {
                return false;
            }
        }
        LocalDate easter = easterSunday(d.getYear());
        return !d.equals(easter.plusDays(1)) && !d.equals(easter.plusDays(39)) && !d.equals(easter.plusDays(50));
    }

    /** Anonymous Gregorian algorithm. */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /** The n-th Saturday (1-based) of a month. */
    static LocalDate nthSaturday(int year, int month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.SATURDAY));
    }
}
