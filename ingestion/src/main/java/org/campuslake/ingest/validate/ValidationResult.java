package org.campuslake.ingest.validate;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Counts of one validated partition: every landed record is either valid or quarantined. */
public final class ValidationResult {
    public final String table;
    public final LocalDate date;
    public final long input;
    public final long valid;
    public final long rejected;
    public final Map<String, Long> byReason;
    public final double maxRatio;

    public ValidationResult(String table, LocalDate date, long input, long valid, long rejected, Map<String, Long> byReason,
                            double maxRatio) {
        this.table = table;
        this.date = date;
        this.input = input;
        this.valid = valid;
        this.rejected = rejected;
        this.byReason = new TreeMap<String, Long>(byReason);
        this.maxRatio = maxRatio;
    }

    public double rejectRatio() {
        return input == 0 ? 0 : (double) rejected / input;
    }

    /** Above the threshold: the workflow stops the chain before anything is published. */
    public boolean tooManyRejects() {
        return rejectRatio() > maxRatio;
    }
}
