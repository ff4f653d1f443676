package org.campuslake.ingest.validate;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.CounterGroup;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.campuslake.ingest.IngestConfig;
import org.campuslake.ingest.LakeLayout;
import org.campuslake.ingest.PartitionPublisher;
import org.campuslake.ingest.Tombstones;
import org.campuslake.ingest.StepArgs;
import org.campuslake.ingest.Watermark;
import org.campuslake.ingest.WatermarkStore;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.stage.ExitCode;
import org.campuslake.ingest.stage.Stage;
import org.campuslake.ingest.stage.StageFailure;

/**
 * The raw-zone validation MapReduce job for one landed partition (text or Avro): valid records become the raw
 * partition that Hive reads (always text), rejects go to quarantine with their reason, and the counts are reconciled with the import
 * ({@code landed = valid + quarantined}). Runnable as an Oozie java or map-reduce action:
 * {@code ValidationJob --config FILE --date YYYY-MM-DD [--table T]}: without {@code --table}, every catalog table.
 */
public final class ValidationJob extends Stage {
    private IngestConfig config;
    private Catalog catalog;
    private final Map<String, java.util.Set<String>> keysOf = new HashMap<String, java.util.Set<String>>();

    /** The stage main's: its settings come from the command line. */
    public ValidationJob() {}

    public ValidationJob(IngestConfig config, Catalog catalog, Configuration conf) {
        setConf(conf);
        this.config = config;
        this.catalog = catalog;
    }

    public static void main(String[] args) {
        Stage.main(new ValidationJob(), args);
    }

    @Override
    protected String name() {
        return "validation";
    }

    /** One table ({@code --table T}): exit code 4 when its reject ratio is above the limit. Else every table. */
    @Override
    protected ExitCode execute(String[] args) throws Exception {
        StepArgs a = StepArgs.of(this, "ValidationJob", args);
        config = a.config;
        catalog = a.catalog;
        setConf(a.config.hadoop());
        if (java.util.Arrays.asList(args).contains("--table") && a.tables.size() == 1) {
            ValidationResult r = validate(a.tables.get(0), a.date);
            System.out.println(r.table + " " + r.date + ": " + r.input + " landed, " + r.valid + " valid, " + r.rejected
                    + " quarantined " + r.byReason);
            if (r.tooManyRejects()) {
                throw new StageFailure(ExitCode.TOO_MANY_REJECTS, String.format(java.util.Locale.ROOT,
                        "erp.%s: reject ratio %.2f%% > %.2f%% on %s", r.table, 100 * r.rejectRatio(), 100 * r.maxRatio, r.date));
            }
            return ExitCode.OK;
        }
        return validateAll(a.tables, a.date);
    }

    /**
     * Every table, as the ingest workflow's validate action: exit code 0 once every table is validated, whatever
     * the reject ratios; they go to the output properties ({@code ingest.reject.ratio.exceeded},
     * {@code ingest.reject.tables}, {@code <table>.rejected}, {@code rows.rejected}) for the workflow's decision,
     * with the lake's terms of each table's conservation ({@link Conservation}).
     * Exit code 1 when a table cannot be validated.
     */
    ExitCode validateAll(List<TableSpec> tables, final LocalDate date) throws IOException, InterruptedException,
            StageFailure {
        Properties output = new Properties();
        List<String> over = new ArrayList<String>();
        long rejected = 0;
        long valid = 0;
        // On a cluster the tables' jobs run side by side (each is a small YARN application: most of its time is
        // start-up); Hadoop's local mode keeps one at a time.
        // A table is validated after the tables it refers to (their keys of the day included): in waves.
        int parallel = config.localMode() ? 1 : Math.max(1, config.maxMappers());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        Map<String, java.util.concurrent.Future<ValidationResult>> results =
                new HashMap<String, java.util.concurrent.Future<ValidationResult>>();
        try {
            for (List<TableSpec> wave : waves(tables)) {
                for (final TableSpec spec : wave) {
                    results.put(spec.name(), pool.submit(new java.util.concurrent.Callable<ValidationResult>() {
                        @Override
                        public ValidationResult call() throws Exception {
                            return validate(spec, date);
                        }
                    }));
                }
                for (TableSpec spec : wave) {
                    try {
                        results.get(spec.name()).get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw StageFailure.failed("erp." + spec.name() + " cannot be validated for " + date + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < tables.size(); i++) {
            TableSpec spec = tables.get(i);
            ValidationResult r;
            try {
                r = results.get(spec.name()).get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
            System.out.printf(java.util.Locale.ROOT, "erp.%-16s %,9d valid, %,d quarantined%s%s%n", spec.name(), r.valid,
                    r.rejected, r.byReason.isEmpty() ? "" : " " + r.byReason, r.tooManyRejects()
                            ? String.format(java.util.Locale.ROOT, "  REJECT RATIO %.2f%% > %.2f%%",
                                    100 * r.rejectRatio(), 100 * r.maxRatio) : "");
            output.setProperty(spec.name() + ".rejected", Long.toString(r.rejected));
            try {
                inventory(spec, date).store(spec.name(), spec.curatedTable(), output);
            } catch (IOException | RuntimeException e) {
                // The day's data stands without its accounting: say so, do not stop the chain for it.
                System.err.println("erp." + spec.name() + ": no conservation for " + date + ": " + e);
            }
            rejected += r.rejected;
            valid += r.valid;
            if (r.tooManyRejects()) {
                over.add(spec.name());
            }
        }
        output.setProperty("rows.valid", Long.toString(valid));
        output.setProperty("rows.rejected", Long.toString(rejected));
        output.setProperty("ingest.reject.ratio.exceeded", Boolean.toString(!over.isEmpty()));
        output.setProperty("ingest.reject.tables", String.join(",", over));
        StepArgs.captureOutput(output);
        return ExitCode.OK;
    }

    private Conservation.Inventory inventory(TableSpec spec, LocalDate date) throws IOException {
        LakeLayout layout = new LakeLayout(config.lakeRoot());
        return new Conservation(layout.root().getFileSystem(getConf()), layout).inventory(spec, date);
    }

    /** The tables in waves: each after every table of the list it refers to. */
    static List<List<TableSpec>> waves(List<TableSpec> tables) {
        List<List<TableSpec>> waves = new ArrayList<List<TableSpec>>();
        List<TableSpec> left = new ArrayList<TableSpec>(tables);
        while (!left.isEmpty()) {
            List<TableSpec> wave = new ArrayList<TableSpec>();
            for (TableSpec t : left) {
                if (!refersToAny(t, left)) {
                    wave.add(t);
                }
            }
            if (wave.isEmpty()) {
                throw new IllegalStateException("the catalog's references form a cycle among " + left.size() + " tables");
            }
            left.removeAll(wave);
            waves.add(wave);
        }
        return waves;
    }

    private static boolean refersToAny(TableSpec t, List<TableSpec> others) {
        for (org.campuslake.ingest.catalog.ColumnContract c : t.references()) {
            for (TableSpec o : others) {
                if (o.name().equals(c.referencedTable())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The keys of a referenced table as of a date, read once per run: several tables of a day refer to the same
     * one (students: four of them).
     */
    private java.util.Set<String> referencedKeys(FileSystem fs, LakeLayout layout, TableSpec target, LocalDate date)
            throws IOException {
        String key = target.name() + "@" + date;
        synchronized (keysOf) {
            java.util.Set<String> keys = keysOf.get(key);
            if (keys == null) {
                keys = ReferencedKeys.read(fs, layout, target, date);
                keysOf.put(key, keys);
            }
            return keys;
        }
    }

    public ValidationResult validate(TableSpec spec, LocalDate date) throws IOException, InterruptedException,
            ClassNotFoundException {
        Configuration conf = new Configuration(getConf());
        LakeLayout layout = new LakeLayout(config.lakeRoot());
        FileSystem fs = layout.root().getFileSystem(conf);
        PartitionPublisher publisher = new PartitionPublisher(fs);
        Path landing = layout.landing(spec.name(), date);
        if (!publisher.isComplete(landing)) {
            throw new IOException("no complete landing partition for erp." + spec.name() + " on " + date + " (" + landing
                    + "): import it first");
        }
        Watermark imported = new WatermarkStore(fs, layout).forDate(spec.name(), date);
        List<String> columns = readColumns(fs, new Path(landing, LakeLayout.COLUMNS));

        conf.set(ValidationMapper.CONF_CATALOG, catalog.yaml());
        conf.set(ValidationMapper.CONF_TABLE, spec.name());
        conf.setStrings(ValidationMapper.CONF_COLUMNS, columns.toArray(new String[0]));
        Path out = new Path(layout.scratch(), "validate-" + spec.name() + "-" + date + "-" + System.nanoTime());
        Path refs = new Path(out + "-references");
        for (org.campuslake.ingest.catalog.ColumnContract c : spec.references()) {
            Path file = new Path(refs, c.name());
            ReferencedKeys.write(fs, file, referencedKeys(fs, layout, catalog.table(c.referencedTable()), date));
            conf.set(ReferencedKeys.CONF_PREFIX + c.name(), fs.makeQualified(file).toString());
        }
        Job job = Job.getInstance(conf, "campus-lake validate erp." + spec.name() + " " + date);
        job.setJarByClass(ValidationJob.class);
        // On a cluster the tasks run in other JVMs, with Hadoop's classpath and this jar only: ship the catalog's
        // YAML parser and Avro's MapReduce input with the job (the first run on YARN failed on YAMLException).
        ship(job, org.yaml.snakeyaml.Yaml.class, org.apache.avro.Schema.class, AvroKeyInputFormat.class);
        if ("avro".equals(spec.format())) {
            job.setInputFormatClass(AvroKeyInputFormat.class); // reads with the writer's schema
            job.setMapperClass(AvroValidationMapper.class);
        } else {
            job.setInputFormatClass(TextInputFormat.class);
            job.setMapperClass(ValidationMapper.class);
        }
        FileInputFormat.addInputPath(job, landing);
        job.setReducerClass(ValidationReducer.class);
        job.setNumReduceTasks(1);
        job.setMapOutputKeyClass(Text.class);
        job.setMapOutputValueClass(Text.class);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(Text.class);
        job.setOutputFormatClass(RoutedTextOutputFormat.class);
        FileOutputFormat.setOutputPath(job, out);
        try {
            if (!job.waitForCompletion(false)) {
                throw new IOException("the validation job for erp." + spec.name() + " " + date + " failed: "
                        + job.getStatus().getFailureInfo());
            }
            CounterGroup g = job.getCounters().getGroup(ValidationMapper.COUNTERS);
            long input = g.findCounter("INPUT").getValue();
            long valid = g.findCounter("VALID").getValue();
            long rejected = g.findCounter("REJECTED").getValue();
            Map<String, Long> reasons = new HashMap<String, Long>();
            for (Counter c : g) {
                if (c.getName().startsWith("REJECT_")) {
                    reasons.put(c.getName().substring("REJECT_".length()), c.getValue());
                }
            }
            if (valid + rejected != input) {
                throw new IOException("validation of erp." + spec.name() + " lost records: " + input + " read, " + valid
                        + " valid + " + rejected + " quarantined");
            }
            if (imported != null && imported.rows != input) {
                throw new IOException("validation of erp." + spec.name() + " read " + input + " records but the import"
                        + " landed " + imported.rows);
            }
            // Raw without its done flag: the day's tables become ready together, after the reject-ratio decision
            // (the ingest workflow's mark-ready action, or IngestMain), so analytics never starts on a stopped day.
            publish(fs, publisher, new Path(out, ValidationReducer.VALID.toString()), layout.raw(spec.name(), date),
                    columns, false);
            publish(fs, publisher, new Path(out, ValidationReducer.QUARANTINE.toString()),
                    layout.quarantine(spec.name(), date), null, true);
            if (spec.deletes()) {
                publishTombstones(fs, publisher, landing, layout.deleted(spec.name(), date));
            }
            ValidationResult result = new ValidationResult(spec.name(), date, input, valid, rejected, reasons,
                    config.rejectRatioMax());
            writeState(fs, layout.validationState(spec.name(), date), result);
            return result;
        } finally {
            fs.delete(out, true);
            fs.delete(refs, true);
        }
    }

    /**
     * The landing partition's tombstones as the date's partition of raw.&lt;table&gt;_deleted (one key per line),
     * empty when the date found none, so a rerun replaces what an earlier run of the date published.
     */
    private static void publishTombstones(FileSystem fs, PartitionPublisher publisher, Path landing, Path partition)
            throws IOException {
        publisher.cleanLeftovers(partition);
        Path staging = publisher.staging(partition);
        fs.mkdirs(staging);
        long[] keys = Tombstones.read(fs, landing);
        if (keys.length > 0) {
            publisher.writeFile(new Path(staging, "part-00000"), Tombstones.lines(keys));
        }
        publisher.publish(staging, partition, true);
    }

    private static void publish(FileSystem fs, PartitionPublisher publisher, Path produced, Path partition,
                                List<String> columns, boolean ready) throws IOException {
        publisher.cleanLeftovers(partition);
        Path staging = publisher.staging(partition);
        fs.mkdirs(staging.getParent());
        if (fs.exists(produced)) {
            if (!fs.rename(produced, staging)) {
                throw new IOException("cannot stage " + produced);
            }
        } else {
            fs.mkdirs(staging); // nothing of this kind: an empty partition, so a rerun still replaces the old one
        }
        if (columns != null) {
            publisher.writeFile(new Path(staging, LakeLayout.COLUMNS), String.join("\n", columns) + "\n");
        }
        publisher.publish(staging, partition, ready);
    }

    private static void writeState(FileSystem fs, Path file, ValidationResult r) throws IOException {
        Properties p = new Properties();
        p.setProperty("table", r.table);
        p.setProperty("ingest_date", r.date.toString());
        p.setProperty("input", Long.toString(r.input));
        p.setProperty("valid", Long.toString(r.valid));
        p.setProperty("rejected", Long.toString(r.rejected));
        p.setProperty("reject_ratio", String.format(java.util.Locale.ROOT, "%.6f", r.rejectRatio()));
        p.setProperty("reject_ratio_max", Double.toString(r.maxRatio));
        p.setProperty("too_many_rejects", Boolean.toString(r.tooManyRejects()));
        for (Map.Entry<String, Long> e : r.byReason.entrySet()) {
            p.setProperty("rejected." + e.getKey(), Long.toString(e.getValue()));
        }
        fs.mkdirs(file.getParent());
        try (OutputStream out = fs.create(file, true)) {
            p.store(out, "Campus Lake validation");
        }
    }

    static List<String> readColumns(FileSystem fs, Path file) throws IOException {
        return org.campuslake.ingest.PartitionLines.columns(fs, file);
    }

    /** Adds the jars holding these classes to the job's task classpath ("tmpjars", as -libjars does). */
    static void ship(Job job, Class<?>... classes) {
        java.util.Set<String> jars = new java.util.LinkedHashSet<String>();
        String existing = job.getConfiguration().get("tmpjars");
        if (existing != null && !existing.isEmpty()) {
            jars.addAll(java.util.Arrays.asList(existing.split(",")));
        }
        for (Class<?> c : classes) {
            String jar = org.apache.hadoop.util.ClassUtil.findContainingJar(c);
            if (jar != null) {
                jars.add(new java.io.File(jar).toURI().toString());
            }
        }
        if (!jars.isEmpty()) {
            job.getConfiguration().set("tmpjars", String.join(",", jars));
        }
    }
}
