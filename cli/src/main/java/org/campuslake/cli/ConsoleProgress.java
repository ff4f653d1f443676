package org.campuslake.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.campuslake.seed.Progress;

/** A progress bar on stderr in a terminal; in a pipe or CI log, a line at the start, every 10 s, and at the end. */
final class ConsoleProgress implements Progress {
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private final PrintStream err = System.err;
    private final boolean terminal = System.console() != null;
    private ProgressBar bar;
    private String task;
    private long total;
    private long done;
    private long started;
    private long lastLine;

    @Override
    public void begin(String task, long total) {
        this.task = task;
        this.total = total;
        this.done = 0;
        this.started = System.nanoTime();
        this.lastLine = started;
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(err, 110)).setUpdateIntervalMillis(200).build();
        } else {
            err.println(task + " (" + String.format("%,d", total) + ")...");
        }
    }

    @Override
    public void advance(long n) {
        done += n;
        if (bar != null) {
            bar.stepBy(n);
        } else if (System.nanoTime() - lastLine > LOG_EVERY_NANOS) {
            lastLine = System.nanoTime();
            err.printf("%s: %,d / %,d (%.0f%%)%n", task, done, total, total == 0 ? 100.0 : 100.0 * done / total);
        }
    }

    @Override
    public void end() {
        if (bar != null) {
            bar.close();
            bar = null;
        } else if (task != null) {
            err.printf("%s: done, %,d in %.1f s%n", task, done, (System.nanoTime() - started) / 1e9);
        }
        task = null;
    }
}
