package org.campuslake.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.campuslake.oozie.run.RunListener;

/** The local runner's progress on the terminal: one line per workflow and action event, with the time of day. */
final class ChainProgress implements RunListener {
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintStream out;

    ChainProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void workflow(String label, String status, String detail) {
        out.printf(Locale.ROOT, "%s  %-34s %-9s %s%n", now(), label, status, detail == null ? "" : detail);
        out.flush();
    }

    @Override
    public synchronized void action(String label, String action, String type, String status, String detail) {
        if (status.equals("PROGRESS")) {
            out.printf(Locale.ROOT, "%s  %-34s   %s: %s%n", now(), label, action, detail);
        } else {
            out.printf(Locale.ROOT, "%s  %-34s   %-26s %-6s %-8s %s%n", now(), label, action, type, status,
                    detail == null ? "" : detail);
        }
        out.flush();
    }

    private static String now() {
        return HMS.format(LocalTime.now());
    }
}
