package org.campuslake.ingest;

import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.stage.ExitCode;
import org.campuslake.ingest.stage.Stage;
import org.campuslake.ingest.stage.StageFailure;
import org.campuslake.ingest.validate.ValidationJob;
import org.campuslake.ingest.validate.ValidationResult;

/**
 * Imports and validates ERP tables for one ingest date, one table after the other in this JVM:
 * {@code IngestMain --config FILE --date YYYY-MM-DD [--table T ...] [--skip-validation]}.
 *
 * <p>Exit code 0 when every table was imported and validated, 1 when a table failed (the others still ran;
 * a failed table leaves no partition and no advanced watermark), 2 on bad arguments, 4 when a table's reject
 * ratio is above {@code ingest.reject.ratio.max}. Under Oozie the same facts go to the action's output
 * properties ({@code <capture-output/>}).
 */
public final class IngestMain extends Stage {
    public static void main(String[] args) {
        Stage.main(new IngestMain(), args);
    }

    @Override
    protected String name() {
        return "ingest";
    }

    @Override
    protected ExitCode execute(String[] args) throws Exception {
        StepArgs a = StepArgs.of(this, "IngestMain", args, "--skip-validation");
        IngestConfig config = a.config;
        Catalog catalog = a.catalog;
        LocalDate date = a.date;
        List<TableSpec> specs = a.tables;
        boolean validate = !a.has("--skip-validation");

        SqoopImporter importer = new SqoopImporter(config);
        List<String> failures = new ArrayList<String>();
        String firstFailure = null;
        List<String> tooManyRejects = new ArrayList<String>();
        Properties output = new Properties();
        long t0 = System.nanoTime();
        int i = 0;
        for (TableSpec spec : specs) {
            i++;
            String prefix = String.format(Locale.ROOT, "[%d/%d] erp.%-16s", i, specs.size(), spec.name());
            try {
                ImportResult r = importer.importTable(spec, date);
                System.out.printf(Locale.ROOT, "%s imported %,9d rows in %5.1f s (%s%s)%s%s%n", prefix, r.rows, r.seconds,
                        spec.mode().name().toLowerCase(Locale.ROOT), r.window.reused ? ", same window as before" : "",
                        r.reconciliation(), r.drift.isEmpty() ? "" : "  SCHEMA DRIFT: new column(s) " + r.drift);
                output.setProperty(spec.name() + ".rows", Long.toString(r.rows));
                output.setProperty(spec.name() + ".repaired", Long.toString(r.repaired));
                output.setProperty(spec.name() + ".deleted", Long.toString(r.deleted));
                if (validate) {
                    long v0 = System.nanoTime();
                    ValidationResult v = new ValidationJob(config, catalog, importer.hadoopConf()).validate(spec, date);
                    System.out.printf(Locale.ROOT, "%s validated %,9d valid, %,d quarantined%s in %.1f s%s%n", prefix,
                            v.valid, v.rejected, v.byReason.isEmpty() ? "" : " " + v.byReason,
                            (System.nanoTime() - v0) / 1e9,
                            v.tooManyRejects() ? String.format(Locale.ROOT, "  REJECT RATIO %.2f%% > %.2f%%",
                                    100 * v.rejectRatio(), 100 * v.maxRatio) : "");
                    output.setProperty(spec.name() + ".rejected", Long.toString(v.rejected));
                    if (v.tooManyRejects()) {
                        tooManyRejects.add(spec.name()); // published but not ready: nothing downstream picks it up
                    } else {
                        new PartitionPublisher(importer.fileSystem()).markReady(
                                new LakeLayout(config.lakeRoot()).raw(spec.name(), date));
                    }
                }
            } catch (ImportException | java.io.IOException e) {
                failures.add(spec.name());
                System.out.println(prefix + " FAILED: " + e.getMessage());
                if (firstFailure == null) {
                    firstFailure = "erp." + spec.name() + ": " + e.getMessage();
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d table(s) for %s in %.1f s: %d failed%s%n", specs.size(), date,
                (System.nanoTime() - t0) / 1e9, failures.size(),
                tooManyRejects.isEmpty() ? "" : ", reject ratio too high for " + tooManyRejects);
        output.setProperty("failed", String.join(",", failures));
        output.setProperty("tooManyRejects", Boolean.toString(!tooManyRejects.isEmpty()));
        StepArgs.captureOutput(output);
        if (!failures.isEmpty()) {
            throw StageFailure.tables(firstFailure, failures, "");
        }
        if (!tooManyRejects.isEmpty()) {
            throw new StageFailure(ExitCode.TOO_MANY_REJECTS, "reject ratio above " + config.rejectRatioMax() + " for "
                    + tooManyRejects + " on " + date + ": see lake quarantine --date " + date);
        }
        return ExitCode.OK;
    }

    public static Catalog catalog(IngestConfig config) {
        String file = config.get(IngestConfig.CATALOG, "");
        return file.isEmpty() ? Catalog.builtIn() : Catalog.load(Paths.get(file));
    }
}
