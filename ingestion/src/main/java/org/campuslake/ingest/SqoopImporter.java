package org.campuslake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.sqoop.Sqoop;

import org.campuslake.ingest.catalog.SchemaCheck;
import org.campuslake.ingest.catalog.SourceSchema;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.erase.ErasureRegister;
import org.campuslake.ingest.erase.PartitionEraser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one ERP table for one ingest date with real Sqoop ({@code Sqoop.runTool}), then reconciles, publishes
 * and commits the watermark, in that order:
 * <ol>
 *   <li>the source schema is checked against the catalog (a vanished table or a changed type stops here);</li>
 *   <li>the window is taken: the one recorded for this date on a rerun, else the next one after the watermark;</li>
 *   <li>Sqoop writes into a hidden staging folder; the landed rows must equal the source's count for the window;</li>
 *   <li>the whole table is reconciled with the lake ({@link TableReconciler}): rows no window took are
 *       re-imported into the staging folder, and keys the source lost land as tombstones (the partition's
 *       {@code _deleted} file) for a table that declares deletes, and stop the import for one that does not;</li>
 *   <li>{@link PartitionPublisher} writes {@code _SUCCESS} and renames the folder into place;</li>
 *   <li>only then is the watermark committed.</li>
 * </ol>
 * Several tables can be imported one after the other in the same JVM.
 */
public final class SqoopImporter {
    private static final Logger LOG = LoggerFactory.getLogger(SqoopImporter.class);

    private final IngestConfig config;
    private final Configuration conf;
    private final FileSystem fs;
    private final LakeLayout layout;
    private final WatermarkStore watermarks;
    private final PartitionPublisher publisher;
    private final OrmClassCache ormCache;
    private final String password;

    public SqoopImporter(IngestConfig config) throws IOException {
        this.config = config;
        this.conf = config.hadoop();
        this.layout = new LakeLayout(config.lakeRoot());
        this.fs = layout.root().getFileSystem(conf);
        this.watermarks = new WatermarkStore(fs, layout);
        this.publisher = new PartitionPublisher(fs);
        this.ormCache = new OrmClassCache(config.ormCacheDir());
        this.password = readPassword(conf, passwordFileUri(config.passwordFile()));
    }

    public FileSystem fileSystem() { return fs; }
    public LakeLayout layout() { return layout; }
    public Configuration hadoopConf() { return conf; }

    public Connection connect() throws ImportException {
        Properties p = new Properties();
        p.setProperty("user", config.user());
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "10000");
        try {
            return DriverManager.getConnection(config.jdbcUrl(), p);
        } catch (SQLException e) {
            throw new ImportException("cannot reach the ERP at " + config.jdbcUrl() + " as " + config.user() + ": "
                    + e.getMessage());
        }
    }

    /** Plan, land and commit one table in this JVM (lake import); the Oozie workflow runs the three as actions. */
    public ImportResult importTable(TableSpec spec, LocalDate date) throws ImportException {
        long t0 = System.nanoTime();
        TablePlan plan;
        try (Connection c = connect()) {
            plan = plan(c, spec, date);
        } catch (SQLException e) {
            throw new ImportException("import of " + config.schema() + "." + spec.name() + " for " + date + " failed: "
                    + e.getMessage(), e);
        }
        boolean cached = land(spec, plan);
        return commit(spec, plan, t0, cached);
    }

    /**
     * Checks the source schema against the catalog, takes the window (the one recorded for this date on a rerun,
     * else the next one after the watermark), counts the source's rows in it and picks a fresh staging folder.
     * Nothing moves yet.
     */
    public TablePlan plan(Connection c, TableSpec spec, LocalDate date) throws ImportException {
        Path partition = layout.landing(spec.name(), date);
        String table = config.schema() + "." + spec.name();
        try {
            publisher.cleanLeftovers(partition);
            SourceSchema source = SourceSchema.read(c, config.schema(), spec.name());
            SchemaCheck check = SchemaCheck.of(spec, source, config.schema());
            if (!check.ok()) {
                throw new ImportException(String.join("; ", check.errors()));
            }
            if (!check.drift().isEmpty()) {
                LOG.warn("Schema drift: {} has columns the catalog does not describe: {}. They are imported, not"
                        + " validated; describe them in the catalog.", table, check.drift());
            }
            ImportWindow window = window(c, spec, date);
            long expected = count(c, table, window);
            String signature = SqoopArguments.formatSignature(spec.format()) + "\n" + source.signature();
            return new TablePlan(spec.name(), date, spec.mode(), window, expected, source.names(), check.drift(),
                    publisher.staging(partition), partition, signature);
        } catch (SQLException | IOException e) {
            throw new ImportException("planning the import of " + table + " for " + date + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Runs Sqoop for the plan's window into its staging folder, reusing a cached record class; true if cached. */
    public boolean land(TableSpec spec, TablePlan plan) throws ImportException {
        return sqoop(spec, plan, plan.window, plan.staging, Math.min(spec.mappers(), config.maxMappers()), "import");
    }

    private boolean sqoop(TableSpec spec, TablePlan plan, ImportWindow window, Path target, int mappers, String what)
            throws ImportException {
        String table = config.schema() + "." + spec.name();
        try {
            java.nio.file.Path bindir = config.workDir().resolve("bin-" + spec.name() + "-" + System.nanoTime());
            java.nio.file.Path outdir = config.workDir().resolve("gen");
            java.nio.file.Path jar = ormCache.lookup(spec.name(), plan.signature);
            Files.createDirectories(outdir);
            List<String> args = SqoopArguments.importArgs(sqoopUrl(config.jdbcUrl()), config.user(),
                    passwordFileUri(config.passwordFile()), spec, plan.columns, window, target.toString(),
                    mappers, "campus-lake " + what + " " + table + " " + plan.date,
                    outdir.toString(), bindir.toString(), jar == null ? null : jar.toString());
            LOG.info("Sqoop {} of {} for {} ({}; {})", what, table, plan.date,
                    spec.mode().name().toLowerCase(java.util.Locale.ROOT), window);
            try {
                int rc = Sqoop.runTool(args.toArray(new String[0]), new Configuration(conf));
                if (rc != 0) {
                    fs.delete(target, true);
                    throw new ImportException("Sqoop " + what + " of " + table + " failed (exit code " + rc
                            + "; its log says why)");
                }
                if (jar == null) {
                    ormCache.store(spec.name(), plan.signature, bindir);
                }
            } finally {
                deleteLocal(bindir);
            }
            return jar != null;
        } catch (IOException e) {
            throw new ImportException(what + " of " + table + " for " + plan.date + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Reconciles what landed in the staging folder with the plan's count, writes the column list, publishes the
     * partition (_SUCCESS, then a rename) and only then commits the watermark. A mismatch deletes the staging
     * folder and leaves the previous partition and watermark as they were.
     */
    public ImportResult commit(TableSpec spec, TablePlan plan, long startNanos, boolean cachedRecordClass)
            throws ImportException {
        String table = config.schema() + "." + plan.table;
        try {
            if (!fs.exists(plan.staging)) {
                throw new ImportException("nothing landed for " + table + " on " + plan.date + ": " + plan.staging
                        + " does not exist (did the Sqoop step run?)");
            }
            long landed = LandedFiles.count(fs, plan.staging, spec.format());
            if (landed != plan.expected) {
                long now = countNow(table, plan.window);
                if (now == plan.expected) {
                    fs.delete(plan.staging, true);
                    throw new ImportException("reconciliation failed for " + table + ": the source has " + plan.expected
                            + " rows in the window (" + plan.window + ") but " + landed + " landed");
                }
                // Writers changed the window while Sqoop read it: no count can match; the key reconciliation
                // below finds what the window missed, and the next window takes the rows stamped after it.
                LOG.warn("{} changed during its import ({} rows in the window before, {} now, {} landed): reconciling"
                        + " its keys with the lake", table, plan.expected, now, landed);
            }
            long normalised = normalised(spec, plan);
            Reconciliation rec = reconcile(spec, plan);
            if (rec.deleted.length > 0) {
                if (!spec.deletes()) {
                    fs.delete(plan.staging, true);
                    throw new ImportException(table + " lost " + rec.deleted.length + " row(s) the lake holds (first key "
                            + spec.key() + "=" + rec.deleted[0] + "), but the catalog does not declare deletes for it:"
                            + " restore the rows in the source, or declare 'deletes: true' for " + plan.table);
                }
                LOG.warn("{}: {} row(s) deleted in the source (first key {}={}): landed as tombstones", table,
                        rec.deleted.length, spec.key(), rec.deleted[0]);
                publisher.writeFile(new Path(plan.staging, LakeLayout.DELETED), Tombstones.lines(rec.deleted));
            }
            long erased = eraseRegistered(spec, plan);
            publisher.writeFile(new Path(plan.staging, LakeLayout.COLUMNS), String.join("\n", plan.columns) + "\n");
            fault("before-publish");
            publisher.publish(plan.staging, plan.partition);
            fault("before-watermark");
            watermarks.commit(new Watermark(plan.table, plan.date, plan.mode, plan.window.lower, plan.window.upper,
                    landed + rec.repaired - erased, String.join(",", plan.columns), String.join(",", plan.drift))
                    .reconciled(rec.repaired, rec.deleted.length).erased(erased).normalised(normalised));
            return new ImportResult(plan.table, plan.date, plan.mode, plan.window, landed + rec.repaired - erased,
                    plan.drift, (System.nanoTime() - startNanos) / 1e9, cachedRecordClass).reconciled(rec).erased(erased)
                    .normalised(normalised).source(rec.source >= 0 ? rec.source : landed); // full: the whole table landed
        } catch (IOException e) {
            throw new ImportException("import of " + table + " for " + plan.date + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Values of a text-landed table that Sqoop changed ({@code --hive-delims-replacement}: a newline, CR or \001
     * inside a string becomes a space), counted in the source over the window: never silent, and the warning says
     * how to keep them (Avro landing).
     */
    private long normalised(TableSpec spec, TablePlan plan) throws ImportException {
        if ("avro".equals(spec.format())) {
            return 0;
        }
        StringBuilder any = new StringBuilder();
        for (String col : plan.columns) {
            org.campuslake.ingest.catalog.ColumnContract c = spec.column(col);
            if (c != null && c.type() == org.campuslake.ingest.catalog.ColumnType.STRING) {
                for (int ch : new int[] {1, 10, 13}) {
                    any.append(any.length() == 0 ? "" : " OR ").append("INSTR(").append(col).append(", CHAR(").append(ch)
                            .append(")) > 0");
                }
            }
        }
        if (any.length() == 0) {
            return 0;
        }
        String table = config.schema() + "." + spec.name();
        long n;
        try (Connection c = connect()) {
            n = count(c, table, ImportWindow.restore(null, null, "(" + plan.where() + ") AND (" + any + ")", false));
        } catch (SQLException e) {
            throw new ImportException("counting the values Sqoop normalises in " + table + " failed: " + e.getMessage(), e);
        }
        if (n > 0) {
            LOG.warn("{}: {} row(s) with a newline, CR or \\001 inside a value landed with a space instead (text"
                    + " landing): declare 'format: avro' for {} to keep every byte", table, n, spec.name());
        }
        return n;
    }

    /**
     * Leaves out the records of people erased from the lake ({@code lake forget}): the ERP may keep them, but no
     * import, rerun or backfill brings them back. Their keys go to the partition's _erased file.
     */
    private long eraseRegistered(TableSpec spec, TablePlan plan) throws IOException {
        Path dir = new Path(config.erasuresDir());
        ErasureRegister register = ErasureRegister.load(dir.getFileSystem(conf), dir);
        if (register.isEmpty()) {
            return 0;
        }
        Map<String, long[]> columns = register.byColumn(IngestMain.catalog(config), spec.name());
        if (columns.isEmpty()) {
            return 0;
        }
        long n = new PartitionEraser(fs).eraseStaging(spec, plan.staging, plan.columns, columns);
        if (n > 0) {
            LOG.info("{}.{}: {} record(s) of erased people left out (lake forget)", config.schema(), spec.name(), n);
        }
        return n;
    }

    /**
     * The whole-table check after the window's count ({@link TableReconciler}): rows the windows never took are
     * re-imported into the staging folder (a bounded repair import, as {@code part-repair-*} files), so they are in
     * this date's partition and validated with it.
     */
    private Reconciliation reconcile(TableSpec spec, TablePlan plan) throws ImportException, IOException {
        if (!TableReconciler.applies(spec)) {
            return Reconciliation.NONE;
        }
        String table = config.schema() + "." + spec.name();
        TableReconciler.Gaps gaps;
        try (Connection c = connect()) {
            gaps = new TableReconciler(fs, layout, config.schema(), config.reconcileBucketKeys()).compare(c, spec, plan);
        } catch (SQLException e) {
            throw new ImportException("reconciling " + table + " for " + plan.date + " failed: " + e.getMessage(), e);
        }
        if (gaps.missing.length == 0) {
            return new Reconciliation(0, gaps);
        }
        if (gaps.missing.length > config.repairMaxRows()) {
            throw new ImportException(table + " has " + gaps.missing.length + " rows the lake never imported (first key "
                    + gaps.missing[0] + "), more than the repair bound " + IngestConfig.REPAIR_MAX_ROWS + "="
                    + config.repairMaxRows() + ": if the rows are real, raise it in the environment's ingest.properties"
                    + " and rerun the date");
        }
        String where = TableReconciler.repairWhere(spec, gaps.missing, plan.window.upper);
        long expected;
        try (Connection c = connect()) {
            expected = count(c, table, ImportWindow.restore(null, null, where, false));
        } catch (SQLException e) {
            throw new ImportException("counting the repair of " + table + " failed: " + e.getMessage(), e);
        }
        Path target = new Path(plan.staging.getParent(), plan.staging.getName() + "_repair");
        fs.delete(target, true);
        LOG.warn("{}: {} row(s) the lake never imported (late stamps or commits during an import), first key {}:"
                + " re-importing them", table, gaps.missing.length, gaps.missing[0]);
        sqoop(spec, plan, ImportWindow.restore(null, null, where, false), target, 1, "repair import");
        long landed = LandedFiles.count(fs, target, spec.format());
        if (landed != expected) {
            fs.delete(target, true);
            throw new ImportException("reconciliation failed for the repair import of " + table + ": the source has "
                    + expected + " rows for it but " + landed + " landed");
        }
        for (FileStatus f : fs.listStatus(target)) {
            String n = f.getPath().getName();
            if (n.startsWith("part-") && !fs.rename(f.getPath(), new Path(plan.staging, "part-repair-" + n.substring(5)))) {
                throw new IOException("cannot move " + f.getPath() + " into " + plan.staging);
            }
        }
        fs.delete(target, true);
        return new Reconciliation(landed, gaps);
    }

    /** What the whole-table check found and repaired. */
    static final class Reconciliation {
        static final Reconciliation NONE = new Reconciliation(0, null);
        final long repaired;
        final long[] deleted;
        final long later;
        final int differing;
        /** The source's rows this import accounts for (all but the later ones), or -1 when not reconciled. */
        final long source;

        Reconciliation(long repaired, TableReconciler.Gaps gaps) {
            this.source = gaps == null ? -1 : gaps.sourceRows - gaps.later;
            this.repaired = repaired;
            this.deleted = gaps == null ? new long[0] : gaps.deleted;
            this.later = gaps == null ? 0 : gaps.later;
            this.differing = gaps == null ? 0 : gaps.differing;
        }
    }

    /** The window recorded for this date (a rerun), else the next window after the watermark in force. */
    private ImportWindow window(Connection c, TableSpec spec, LocalDate date) throws IOException, SQLException {
        Watermark same = watermarks.forDate(spec.name(), date);
        if (same != null && same.mode == spec.mode()) {
            return ImportWindow.of(spec.mode(), spec, same, date, config.overlapMinutes());
        }
        Watermark previous = watermarks.before(spec.name(), date);
        String lower = previous != null && previous.mode == spec.mode() ? previous.upper : null;
        switch (spec.mode()) {
            case APPEND:
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT MAX(" + spec.key() + ") FROM " + config.schema() + "." + spec.name())) {
                    rs.next();
                    String max = rs.getString(1);
                    // Nothing new since the last window: keep its upper bound.
                    if (lower != null && (max == null || Long.parseLong(max) < Long.parseLong(lower))) {
                        max = lower;
                    }
                    return ImportWindow.append(spec, lower, max, false);
                }
            case LASTMODIFIED:
                return ImportWindow.lastModified(lower, date, config.overlapMinutes(), false, null);
            default:
                return ImportWindow.full();
        }
    }

    private long countNow(String table, ImportWindow w) throws ImportException {
        try (Connection c = connect()) {
            return count(c, table, w);
        } catch (SQLException e) {
            throw new ImportException("counting " + table + " again failed: " + e.getMessage(), e);
        }
    }

    private static long count(Connection c, String table, ImportWindow w) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + (w.where == null ? "" : " WHERE " + w.where))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void fault(String point) throws IOException {
        if (point.equals(config.fault())) {
            throw new IOException("fault injected at " + point + " (" + IngestConfig.FAULT + ")");
        }
    }

    /** Sqoop's MySQL manager keeps zero dates as 0001-01-01 instead of failing the task; validation rejects them. */
    static String sqoopUrl(String jdbcUrl) {
        if (jdbcUrl.contains("zeroDateTimeBehavior")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "zeroDateTimeBehavior=ROUND";
    }

    public static String passwordFileUri(String file) {
        return file.contains("://") ? file : "file://" + new java.io.File(file).getAbsolutePath();
    }

    /** Sqoop sends the file's bytes as they are: a trailing newline would become part of the password. */
    public static String readPassword(Configuration conf, String uri) throws IOException {
        Path p = new Path(uri);
        byte[] buf;
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] b = new byte[256];
            int n;
            while ((n = in.read(b)) > 0) {
                out.write(b, 0, n);
            }
            buf = out.toByteArray();
        } catch (IOException e) {
            throw new IOException("cannot read the password file " + uri + ": " + e.getMessage(), e);
        }
        String pw = new String(buf, StandardCharsets.UTF_8);
        if (pw.isEmpty()) {
            throw new IOException("the password file " + uri + " is empty");
        }
        if (pw.endsWith("\n") || pw.endsWith("\r")) {
            throw new IOException("the password file " + uri + " ends with a newline, which Sqoop would send as part"
                    + " of the password; write it without one (printf '%s' \"$PASSWORD\" > file)");
        }
        return pw;
    }

    private static void deleteLocal(java.nio.file.Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (java.util.stream.Stream<java.nio.file.Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

}
