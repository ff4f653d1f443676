package org.campuslake.oozie.validate;

/** One thing wrong with an application file, where it is: printed as {@code file:line:col: message}. */
public record Problem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
