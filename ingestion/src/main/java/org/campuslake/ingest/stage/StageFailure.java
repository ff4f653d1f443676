package org.campuslake.ingest.stage;

/**
 * A stage's failure, with the one line its user reads: the table, the step and the key where there is one. The
 * launcher prints it last on stdout (a local run's error and {@code lake runs} show it) and exits with its code.
 */
public class StageFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public final ExitCode exit;

    public StageFailure(ExitCode exit, String line) {
        super(line);
        this.exit = exit;
    }

    public StageFailure(ExitCode exit, String line, Throwable cause) {
        super(line, cause);
        this.exit = exit;
    }

    public static StageFailure usage(String line) {
        return new StageFailure(ExitCode.USAGE, line);
    }

    public static StageFailure failed(String line, Throwable cause) {
        return new StageFailure(ExitCode.FAILED, line, cause);
    }

    /** A step over several tables: the first failed table's line, and how many more failed. */
    public static StageFailure tables(String first, java.util.List<String> failed, String after) {
        return new StageFailure(ExitCode.FAILED, first + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more: "
                + failed + ")" : "") + after);
    }
}
