package org.campuslake.seed;

/** A problem the user can fix (already seeded, not seeded yet, bad argument): reported as one line. */
public class SeedException extends RuntimeException {
    public SeedException(String message) {
        super(message);
    }

    public SeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
