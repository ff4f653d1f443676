package org.campuslake.ingest.catalog;

/** How a table is imported each day. */
public enum ImportMode {
    /** The whole table (small dimensions). */
    FULL,
    /** Rows whose key is above the last imported key (write-once tables). */
    APPEND,
    /** Rows whose {@code updated_at} falls in (last watermark - overlap, end of the day] (rows that change). */
    LASTMODIFIED
}
