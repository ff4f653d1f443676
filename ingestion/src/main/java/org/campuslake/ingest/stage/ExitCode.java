package org.campuslake.ingest.stage;

/**
 * The exit codes every stage main shares. Under Oozie a java action's exit code is its error code
 * ({@code Main Class [...], exit code [N]}); none of these is in Oozie's retried list, since rerunning a step that
 * failed on its input fails again.
 */
public enum ExitCode {
    /** Done; the output properties are written. */
    OK(0),
    /** The step failed on its input or a service; what it published before stays as it was. */
    FAILED(1),
    /** Bad arguments or settings: nothing was done. */
    USAGE(2),
    /** A table's reject ratio is above {@code ingest.reject.ratio.max}: published, but not ready downstream. */
    TOO_MANY_REJECTS(4);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
