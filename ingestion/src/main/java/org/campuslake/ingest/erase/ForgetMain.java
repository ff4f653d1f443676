package org.campuslake.ingest.erase;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.IngestConfig;
import org.campuslake.ingest.IngestMain;
import org.campuslake.ingest.LakeLayout;
import org.campuslake.ingest.PartitionLines;
import org.campuslake.ingest.StepArgs;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.stage.ExitCode;
import org.campuslake.ingest.stage.Stage;
import org.campuslake.ingest.stage.StageFailure;

/**
 * Erases one person from the lake's file zones ({@code ForgetMain --config FILE --student ID | --contact ID}): adds
 * them to the erasure register, so no import brings them back, then rewrites every landing, raw and quarantine
 * partition that holds a record of theirs (their own row and, for a student, every row that references them), each
 * partition atomically. Curated and the summary are derived, and are rebuilt by the caller ({@code lake forget},
 * or the cluster's forget workflow). Prints one line per table and zone; output properties
 * {@code rows.landing}, {@code rows.raw}, {@code rows.quarantine}, {@code partitions}, {@code tables} and
 * {@code curated.date} (the date curated is to be rebuilt for, empty when nothing is curated yet). Exit code 2 on
 * bad arguments, 1 on a failure (the register entry stays: rerunning finishes the job).
 */
public final class ForgetMain extends Stage {
    public static void main(String[] args) {
        Stage.main(new ForgetMain(), args);
    }

    @Override
    protected String name() {
        return "forget";
    }

    @Override
    protected ExitCode execute(String[] args) throws IOException, StageFailure {
        String config = StepArgs.value(args, "--config");
        String student = StepArgs.value(args, "--student");
        String contact = StepArgs.value(args, "--contact");
        if (config == null || (student == null) == (contact == null)) {
            throw StageFailure.usage("usage: ForgetMain --config FILE (--student ID | --contact ID)");
        }
        ErasureRegister.Kind kind = student != null ? ErasureRegister.Kind.STUDENT : ErasureRegister.Kind.CONTACT;
        long id;
        try {
            id = Long.parseLong(student != null ? student : contact);
        } catch (NumberFormatException e) {
            throw StageFailure.usage("the id must be a number, not '" + (student != null ? student : contact) + "'");
        }
        IngestConfig cfg = IngestConfig.load(Paths.get(config)).with(commandLine());
        Catalog catalog = IngestMain.catalog(cfg);
        try {
            Properties out = forget(cfg, catalog, kind, id);
            StepArgs.captureOutput(out);
            return ExitCode.OK;
        } catch (IOException | RuntimeException e) {
            throw StageFailure.failed("forget " + kind.name().toLowerCase(Locale.ROOT) + " failed (the register holds"
                    + " the request: a rerun finishes it): " + e, e);
        }
    }

    static Properties forget(IngestConfig cfg, Catalog catalog, ErasureRegister.Kind kind, long id) throws IOException {
        org.apache.hadoop.conf.Configuration conf = cfg.hadoop();
        LakeLayout layout = new LakeLayout(cfg.lakeRoot());
        FileSystem fs = layout.root().getFileSystem(conf);
        Path registerDir = new Path(cfg.erasuresDir());
        ErasureRegister register = ErasureRegister.load(registerDir.getFileSystem(conf), registerDir);
        register.add(kind, id); // first: a crash from here on is finished by a rerun, and no import brings them back
        fs.delete(layout.curatedState(), true); // raw's past changes: the next build must be a full one
        long[] one = {id};
        PartitionEraser eraser = new PartitionEraser(fs);
        long[] totals = new long[PartitionEraser.Zone.values().length];
        long partitions = 0;
        List<String> tables = new ArrayList<String>();
        for (Map.Entry<String, List<String>> e : kind.columns(catalog).entrySet()) {
            TableSpec spec = catalog.table(e.getKey());
            Map<String, long[]> erased = new java.util.LinkedHashMap<String, long[]>();
            for (String c : e.getValue()) {
                erased.put(c, one);
            }
            for (PartitionEraser.Zone zone : PartitionEraser.Zone.values()) {
                Path table = zone == PartitionEraser.Zone.LANDING ? layout.landingTable(spec.name())
                        : zone == PartitionEraser.Zone.RAW ? layout.rawTable(spec.name()) : layout.quarantineTable(spec.name());
                if (!fs.exists(table)) {
                    continue;
                }
                long rows = 0;
                for (FileStatus p : fs.listStatus(table)) {
                    if (!p.isDirectory() || !p.getPath().getName().startsWith("ingest_date=")) {
                        continue;
                    }
                    long n = eraser.erasePartition(spec, zone, p.getPath(), columns(fs, layout, spec, p.getPath()), erased);
                    if (n > 0) {
                        partitions++;
                        rows += n;
                    }
                }
                totals[zone.ordinal()] += rows;
                if (rows > 0) {
                    if (!tables.contains(spec.name())) {
                        tables.add(spec.name());
                    }
                    System.out.printf(Locale.ROOT, "erp.%-16s %-10s %,7d record(s) removed%n", spec.name(),
                            zone.name().toLowerCase(Locale.ROOT), rows);
                }
            }
        }
        Properties out = new Properties();
        out.setProperty("kind", kind.name().toLowerCase(Locale.ROOT));
        out.setProperty("rows.landing", Long.toString(totals[PartitionEraser.Zone.LANDING.ordinal()]));
        out.setProperty("rows.raw", Long.toString(totals[PartitionEraser.Zone.RAW.ordinal()]));
        out.setProperty("rows.quarantine", Long.toString(totals[PartitionEraser.Zone.QUARANTINE.ordinal()]));
        out.setProperty("partitions", Long.toString(partitions));
        out.setProperty("tables", String.join(",", tables));
        java.time.LocalDate curated = latestReadyDate(fs, layout.rawTable("students"));
        out.setProperty("curated.date", curated == null ? "" : curated.toString());
        System.out.printf(Locale.ROOT, "Erased from the lake's files: %d landing, %d raw, %d quarantined record(s) in %d"
                + " partition(s); registered, so no import brings them back%n", totals[0], totals[1], totals[2], partitions);
        return out;
    }

    /** The newest ingest date whose raw partition is ready (its done flag): what curated was last built from. */
    static java.time.LocalDate latestReadyDate(FileSystem fs, Path rawTable) throws IOException {
        java.time.LocalDate latest = null;
        if (!fs.exists(rawTable)) {
            return null;
        }
        for (FileStatus p : fs.listStatus(rawTable)) {
            String name = p.getPath().getName();
            if (p.isDirectory() && name.startsWith("ingest_date=") && fs.exists(new Path(p.getPath(), LakeLayout.SUCCESS))) {
                java.time.LocalDate d = java.time.LocalDate.parse(name.substring("ingest_date=".length()));
                if (latest == null || d.isAfter(latest)) {
                    latest = d;
                }
            }
        }
        return latest;
    }

    /** The column order of a partition: the landing partition's _columns (raw has its own; quarantine has none). */
    private static List<String> columns(FileSystem fs, LakeLayout layout, TableSpec spec, Path partition)
            throws IOException {
        Path own = new Path(partition, LakeLayout.COLUMNS);
        String date = partition.getName().substring("ingest_date=".length());
        Path file = fs.exists(own) ? own
                : new Path(layout.landing(spec.name(), java.time.LocalDate.parse(date)), LakeLayout.COLUMNS);
        return fs.exists(file) ? PartitionLines.values(fs, file) : spec.columnNames();
    }
}
