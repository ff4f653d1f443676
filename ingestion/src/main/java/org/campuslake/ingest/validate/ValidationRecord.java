package org.campuslake.ingest.validate;

/**
 * The mapper's value: a tag, then (for rejects) the reason and its detail, then the original record, separated
 * by \002. Only the first two separators are parsed, so the record may contain anything.
 */
final class ValidationRecord {
    static final char SEP = '\002';

    final boolean valid;
    final String reason;
    final String detail;
    final String record;

    private ValidationRecord(boolean valid, String reason, String detail, String record) {
        this.valid = valid;
        this.reason = reason;
        this.detail = detail;
        this.record = record;
    }

    static String valid(String record) {
        return "V" + SEP + SEP + record;
    }

    static String reject(RejectReason reason, String detail, String record) {
        return "R" + reason.name() + SEP + (detail == null ? "" : detail) + SEP + record;
    }

    static ValidationRecord parse(String value) {
        int a = value.indexOf(SEP);
        int b = value.indexOf(SEP, a + 1);
        boolean valid = value.charAt(0) == 'V';
        return new ValidationRecord(valid, valid ? null : value.substring(1, a), value.substring(a + 1, b),
                value.substring(b + 1));
    }

    /** A quarantine line: reason, detail and the record, tab-separated (the record is everything after the 2nd tab). */
    static String quarantineLine(String reason, String detail, String record) {
        return reason + "\t" + EscapedText.escape(detail).replace('\t', ' ') + "\t" + record;
    }
}
