package org.campuslake.ingest.validate;

/** Why a landed record was quarantined. The name is what the quarantine files and counters show. */
public enum RejectReason {
    FIELD_COUNT("wrong number of fields (a delimiter or newline inside a value?)"),
    NULL_NOT_ALLOWED("NULL in a column that must have a value"),
    EMPTY("blank value in a column that must have one"),
    BAD_NUMBER("not a whole number"),
    BAD_DECIMAL("not a decimal number"),
    BAD_DATE("not a valid date (or a zero date)"),
    BAD_TIMESTAMP("not a valid timestamp"),
    OUT_OF_RANGE("outside the allowed range"),
    NOT_ALLOWED_VALUE("not one of the allowed values"),
    TOO_LONG("longer than allowed"),
    DUPLICATE_KEY("another record of the partition has the same key"),
    CROSS_FIELD("breaks a rule between two of its columns (the catalog's checks)"),
    ORPHAN_REFERENCE("refers to a key that the referenced table does not have");

    private final String description;

    RejectReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
