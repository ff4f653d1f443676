package org.campuslake.ingest.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.IngestConfig;
import org.campuslake.ingest.IngestMain;
import org.campuslake.ingest.LakeLayout;
import org.campuslake.ingest.PartitionLines;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.stage.ExitCode;
import org.campuslake.ingest.stage.Stage;
import org.campuslake.ingest.stage.StageFailure;

/**
 * What the quarantine zone holds, by table, ingest date and reason, with a few samples of each reason: the key
 * and the detail (the column and its value), not the whole record, which may hold personal data and stays in the
 * files. {@code QuarantineReport --config FILE | --lake-root URI [--date YYYY-MM-DD] [--table T ...] [--samples N]};
 * runs on the lake's file system, HDFS included (with {@code --lake-root}: the built-in catalog).
 */
public final class QuarantineReport extends Stage {
    /** One partition's rejects: rows per reason, and the first samples of each. */
    static final class Partition {
        final String table;
        final String date;
        long landed = -1;
        long rows;
        final Map<String, Long> byReason = new TreeMap<String, Long>();
        final Map<String, List<String>> samples = new TreeMap<String, List<String>>();

        Partition(String table, String date) {
            this.table = table;
            this.date = date;
        }
    }

    public static void main(String[] args) {
        Stage.main(new QuarantineReport(), args);
    }

    @Override
    protected String name() {
        return "quarantine";
    }

    @Override
    protected ExitCode execute(String[] args) throws IOException, StageFailure {
        String config = null;
        String lakeRoot = null;
        LocalDate date = null;
        List<String> tables = new ArrayList<String>();
        int samples = 3;
        try {
            for (int i = 0; i < args.length; i++) {
                if ("--config".equals(args[i])) {
                    config = args[++i];
                } else if ("--lake-root".equals(args[i])) {
                    lakeRoot = args[++i];
                } else if ("--date".equals(args[i])) {
                    date = LocalDate.parse(args[++i]);
                } else if ("--table".equals(args[i])) {
                    tables.add(args[++i]);
                } else if ("--samples".equals(args[i])) {
                    samples = Integer.parseInt(args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if ((config == null) == (lakeRoot == null)) {
                throw new IllegalArgumentException("usage: QuarantineReport --config FILE | --lake-root URI [--date D]"
                        + " [--table T ...] [--samples N]");
            }
        } catch (RuntimeException e) {
            throw StageFailure.usage(e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value"
                    : e.getMessage());
        }
        IngestConfig cfg = config != null ? IngestConfig.load(Paths.get(config)).with(commandLine()) : null;
        Catalog catalog = cfg != null ? IngestMain.catalog(cfg) : Catalog.builtIn();
        List<TableSpec> specs = new ArrayList<TableSpec>();
        for (String t : tables.isEmpty() ? catalog.names() : tables) {
            try {
                specs.add(catalog.table(t));
            } catch (RuntimeException e) {
                throw StageFailure.usage(e.getMessage());
            }
        }
        LakeLayout layout = new LakeLayout(cfg != null ? cfg.lakeRoot() : lakeRoot);
        FileSystem fs = layout.root().getFileSystem(cfg != null ? cfg.hadoop() : getConf());
        print(read(fs, layout, specs, date, samples), layout, date, System.out);
        return ExitCode.OK;
    }

    static List<Partition> read(FileSystem fs, LakeLayout layout, List<TableSpec> specs, LocalDate date, final int samples)
            throws IOException {
        List<Partition> out = new ArrayList<Partition>();
        for (TableSpec spec : specs) {
            Path table = layout.quarantineTable(spec.name());
            if (!fs.exists(table)) {
                continue;
            }
            FileStatus[] parts = fs.listStatus(table);
            java.util.Arrays.sort(parts);
            for (FileStatus p : parts) {
                String name = p.getPath().getName();
                if (!p.isDirectory() || !name.startsWith("ingest_date=")) {
                    continue;
                }
                String d = name.substring("ingest_date=".length());
                if (date != null && !d.equals(date.toString())) {
                    continue;
                }
                final Partition part = new Partition(spec.name(), d);
                final int keyIndex = keyIndex(fs, layout, spec, LocalDate.parse(d));
                PartitionLines.read(fs, p.getPath(), new PartitionLines.Handler() {
                    @Override
                    public void line(String line) {
                        add(part, line, keyIndex, samples);
                    }
                });
                Path state = layout.validationState(spec.name(), LocalDate.parse(d));
                if (fs.exists(state)) {
                    Properties s = new Properties();
                    try (InputStream in = fs.open(state)) {
                        s.load(in);
                    }
                    part.landed = Long.parseLong(s.getProperty("input", "-1"));
                }
                if (part.rows > 0) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    /** A quarantine line is {@code reason TAB detail TAB record} (see {@link ValidationRecord#quarantineLine}). */
    static void add(Partition part, String line, int keyIndex, int samples) {
        String[] f = line.split("\t", 3);
        String reason = f[0];
        String detail = f.length > 1 ? f[1] : "";
        String record = f.length > 2 ? f[2] : "";
        String[] fields = RecordValidator.split(record);
        String key = keyIndex >= 0 && keyIndex < fields.length && fields[keyIndex] != null ? fields[keyIndex] : "?";
        part.rows++;
        Long n = part.byReason.get(reason);
        part.byReason.put(reason, n == null ? 1 : n + 1);
        List<String> s = part.samples.get(reason);
        if (s == null) {
            s = new ArrayList<String>();
            part.samples.put(reason, s);
        }
        if (s.size() < samples) {
            s.add("key " + (key.length() > 20 ? key.substring(0, 17) + "..." : key) + ": " + detail);
        }
    }

    private static int keyIndex(FileSystem fs, LakeLayout layout, TableSpec spec, LocalDate d) throws IOException {
        Path columns = new Path(layout.landing(spec.name(), d), LakeLayout.COLUMNS);
        List<String> names = fs.exists(columns) ? ValidationJob.readColumns(fs, columns) : spec.columnNames();
        return names.indexOf(spec.key());
    }

    static void print(List<Partition> parts, LakeLayout layout, LocalDate date, PrintStream out) {
        String where = layout.root() + "/quarantine" + (date == null ? "" : ", ingest date " + date);
        if (parts.isEmpty()) {
            out.println("No quarantined rows in " + where + ".");
            return;
        }
        out.println("Quarantined rows in " + where + " (key and detail; the whole records are in the files):");
        long total = 0;
        for (Partition p : parts) {
            total += p.rows;
            out.println(String.format(Locale.ROOT, "  erp.%s %s: %,d rows%s", p.table, p.date, p.rows,
                    p.landed >= 0 ? String.format(Locale.ROOT, " of %,d landed (%.2f %%)", p.landed,
                            p.landed == 0 ? 0.0 : 100.0 * p.rows / p.landed) : ""));
            for (Map.Entry<String, Long> r : p.byReason.entrySet()) {
                out.println(String.format(Locale.ROOT, "    %-18s %,7d  %s", r.getKey(), r.getValue(),
                        String.join("; ", p.samples.get(r.getKey()))));
            }
        }
        out.println(String.format(Locale.ROOT, "%,d quarantined rows in %d partitions. Reasons: docs/ingestion.md;"
                + " what to do: docs/operations.md.", total, parts.size()));
    }
}
