package org.campuslake.seed.gen;

import java.time.LocalDate;

/**
 * What the generator is asked for: a scale factor (SF1 is one academic year of a 20-campus school: about
 * 10,000 students, 300 professors, 2,000,000 attendance rows and 200,000 grades), a seed, and the first day of the
 * simulated academic year. Same config, same rows.
 */
public record GeneratorConfig(double scale, long seed, LocalDate start) {
    public static final String GENERATOR_VERSION = "1";
    /** Years of enrolment history simulated before {@link #start} (dimensions only: no lessons or grades). */
    public static final int HISTORY_YEARS = 5;
    /** Cohorts present in the seeded ERP: the history years plus the one joining at {@link #start}. */
    static final int COHORTS = HISTORY_YEARS + 1;

    public GeneratorConfig {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale factor must be a number > 0, got " + scale);
        }
        if (scale > 100) {
            throw new IllegalArgumentException("scale factor " + scale + " is above the supported maximum of 100");
        }
        if (start == null) {
            throw new IllegalArgumentException("start date is required");
        }
        if (start.getYear() < 2000 || start.getYear() > 2030) {
            throw new IllegalArgumentException("start date " + start + " is outside 2000-2030 (timestamps must fit MySQL TIMESTAMP)");
        }
    }

    public static final LocalDate DEFAULT_START = LocalDate.of(2025, 9, 1);
    public static final long DEFAULT_SEED = 42L;

    /** First simulated day: enrolment history starts {@link #HISTORY_YEARS} years before the seeded year. */
    public LocalDate historyStart() {
        return start.minusYears(HISTORY_YEARS);
    }

    /** Last day the seed simulates: one full year after {@link #start}. */
    public LocalDate seedEnd() {
        return start.plusYears(1).minusDays(1);
    }

    public int campuses() {
        return (int) Math.max(4, Math.min(20, Math.round(20 * Math.sqrt(scale))));
    }

    public int professors() {
        return (int) Math.max(4, Math.round(300 * scale));
    }

    public int companies() {
        return (int) Math.max(20, Math.round(800 * scale));
    }

    public int competingSchools() {
        return (int) Math.max(3, Math.min(25, Math.round(25 * Math.sqrt(scale))));
    }

    /** Mean new students per campus and cohort, so that all cohorts together hold about 10,000 x scale students. */
    public double cohortMeanPerCampus() {
        return 10_000 * scale / COHORTS / campuses();
    }

    /** Mean contacts collected per academic year over all events. */
    public double contactsPerYear() {
        return 2_900 * scale;
    }
}
