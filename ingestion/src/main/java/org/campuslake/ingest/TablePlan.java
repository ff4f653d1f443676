package org.campuslake.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.catalog.ImportMode;

/**
 * One table's import, decided before any data moves: the window, the rows the source has in it, the columns and
 * the staging folder Sqoop writes into. The plan step writes it to the lake so that the commit step, in another
 * process (another Oozie action), reconciles against the very same numbers.
 */
public final class TablePlan {
    public final String table;
    public final LocalDate date;
    public final ImportMode mode;
    public final ImportWindow window;
    public final long expected;
    public final List<String> columns;
    public final List<String> drift;
    public final Path staging;
    public final Path partition;
    /** Landing format plus source column types: the key of the cached Sqoop record class. */
    public final String signature;

    TablePlan(String table, LocalDate date, ImportMode mode, ImportWindow window, long expected, List<String> columns,
              List<String> drift, Path staging, Path partition, String signature) {
        this.table = table;
        this.date = date;
        this.mode = mode;
        this.window = window;
        this.expected = expected;
        this.columns = Collections.unmodifiableList(new ArrayList<String>(columns));
        this.drift = Collections.unmodifiableList(new ArrayList<String>(drift));
        this.staging = staging;
        this.partition = partition;
        this.signature = signature;
    }

    /** Sqoop's --where: the window, or a condition that is always true for a full snapshot. */
    public String where() {
        return window.where == null ? "1=1" : window.where;
    }

    void store(Properties p) {
        String k = table + ".";
        p.setProperty(k + "mode", mode.name());
        set(p, k + "lower", window.lower);
        set(p, k + "upper", window.upper);
        set(p, k + "window", window.where);
        p.setProperty(k + "reused", Boolean.toString(window.reused));
        p.setProperty(k + "expected", Long.toString(expected));
        p.setProperty(k + "columns", String.join(",", columns));
        p.setProperty(k + "drift", String.join(",", drift));
        p.setProperty(k + "staging", staging.toString());
        p.setProperty(k + "partition", partition.toString());
        p.setProperty(k + "signature", signature);
    }

    static TablePlan load(Properties p, String table, LocalDate date) {
        String k = table + ".";
        if (p.getProperty(k + "mode") == null) {
            throw new IllegalArgumentException("the plan for " + date + " has no entry for " + table);
        }
        ImportWindow w = ImportWindow.restore(p.getProperty(k + "lower"), p.getProperty(k + "upper"),
                p.getProperty(k + "window"), Boolean.parseBoolean(p.getProperty(k + "reused")));
        return new TablePlan(table, date, ImportMode.valueOf(p.getProperty(k + "mode")), w,
                Long.parseLong(p.getProperty(k + "expected")), split(p.getProperty(k + "columns")),
                split(p.getProperty(k + "drift")), new Path(p.getProperty(k + "staging")),
                new Path(p.getProperty(k + "partition")), p.getProperty(k + "signature"));
    }

    private static void set(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? Collections.<String>emptyList() : Arrays.asList(s.split(","));
    }
}
