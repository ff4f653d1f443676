package org.campuslake.labs;

/**
 * One thing a check looked at: done, or what is missing or wrong, with a hint.
 *
 * @param done whether it is as the lab asks
 * @param what what was checked, in plain words ("lab02.students is an external table")
 * @param hint when not done: what to do about it (null when done)
 */
public record Finding(boolean done, String what, String hint) {
    public static Finding ok(String what) {
        return new Finding(true, what, null);
    }

    public static Finding missing(String what, String hint) {
        return new Finding(false, what, hint);
    }
}
