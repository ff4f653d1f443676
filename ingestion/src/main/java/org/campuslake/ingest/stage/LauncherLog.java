package org.campuslake.ingest.stage;

/**
 * What Oozie's launcher keeps of a failed java or shell action's main: its stdout, in the launcher container's
 * {@code stdout} log (the server's error is only {@code Main Class [...], exit code [N]}). Every stage main ends
 * its stdout with the user's line, so that line is the last one the main printed before the launcher's own
 * trace or end marker.
 */
public final class LauncherLog {
    private static final String START = ">>> Invoking Main class now >>>";

    private LauncherLog() {}

    /** The main's last stdout line in a launcher's stdout log, or null when there is none. */
    public static String lastMainLine(String stdout) {
        if (stdout == null) {
            return null;
        }
        int start = stdout.lastIndexOf(START);
        if (start < 0) {
            return null;
        }
        String segment = stdout.substring(start + START.length());
        // The java launcher lists the main's arguments last, indented, before the main runs.
        int args = segment.indexOf("\nJava action arguments");
        if (args >= 0) {
            segment = segment.substring(segment.indexOf('\n', args + 1) + 1);
        }
        // The shell launcher prints the script's stdout with this prefix, among lines of its own.
        boolean shell = segment.contains("\nStdoutput ");
        String last = null;
        for (String line : segment.split("\r?\n")) {
            if (line.startsWith("<<< Invocation of Main class completed <<<") || line.startsWith("Intercepting System.exit")
                    || line.startsWith("Failing Oozie Launcher") || line.startsWith("java.lang.reflect.InvocationTargetException")) {
                break;
            }
            if (shell && !line.startsWith("Stdoutput ")) {
                continue;
            }
            String text = shell ? line.substring("Stdoutput ".length()) : line;
            if (!text.trim().isEmpty() && !Character.isWhitespace(text.charAt(0))) {
                last = text.trim();
            }
        }
        return last;
    }
}
