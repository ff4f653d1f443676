package org.campuslake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.stage.ExitCode;
import org.campuslake.ingest.stage.Stage;
import org.campuslake.ingest.stage.StageFailure;
import org.campuslake.ingest.validate.Conservation;

/**
 * The step after the Sqoop actions: for every table of the date's plan, reconciles the rows that landed in its
 * staging folder with the source's count, publishes the partition and commits the watermark
 * ({@code IngestCommit --config FILE --date YYYY-MM-DD [--table T ...]}). Every table is tried; exit code 1 when
 * one failed (its previous partition and watermark stay; the last line names it), 2 on bad arguments ({@link ExitCode}). Output properties:
 * {@code <table>.rows}, {@code <table>.repaired}, {@code <table>.deleted}, {@code rows.imported},
 * {@code rows.repaired} and {@code rows.deleted}, and {@code conservation.<table>.source} (see {@link Conservation}).
 */
public final class IngestCommit extends Stage {
    public static void main(String[] args) {
        Stage.main(new IngestCommit(), args);
    }

    @Override
    protected String name() {
        return "ingest commit";
    }

    @Override
    protected ExitCode execute(String[] args) throws IOException, StageFailure {
        StepArgs a = StepArgs.of(this, "IngestCommit", args);
        SqoopImporter importer = new SqoopImporter(a.config);
        Path file = importer.layout().importPlan(a.date);
        Properties plan = new Properties();
        if (!importer.fileSystem().exists(file)) {
            throw new StageFailure(ExitCode.FAILED, "no import plan for " + a.date + " (" + file + "): run IngestPlan first");
        }
        try (InputStream in = importer.fileSystem().open(file)) {
            plan.load(in);
        }
        Properties output = new Properties();
        List<String> failed = new ArrayList<String>();
        String firstFailure = null;
        long total = 0;
        long repaired = 0;
        long deleted = 0;
        long erased = 0;
        long normalised = 0;
        for (TableSpec spec : a.tables) {
            try {
                ImportResult r = importer.commit(spec, TablePlan.load(plan, spec.name(), a.date), System.nanoTime(), false);
                total += r.rows;
                repaired += r.repaired;
                deleted += r.deleted;
                erased += r.erased;
                normalised += r.normalised;
                output.setProperty(spec.name() + ".values.normalised", Long.toString(r.normalised));
                output.setProperty(Conservation.PREFIX + spec.name() + ".source", Long.toString(r.source));
                output.setProperty(spec.name() + ".rows", Long.toString(r.rows));
                output.setProperty(spec.name() + ".repaired", Long.toString(r.repaired));
                output.setProperty(spec.name() + ".deleted", Long.toString(r.deleted));
                System.out.printf(Locale.ROOT, "erp.%-16s %,9d rows published%s%n", spec.name(), r.rows, r.reconciliation());
            } catch (ImportException | IllegalArgumentException e) {
                failed.add(spec.name());
                System.out.println("erp." + spec.name() + " FAILED: " + e.getMessage());
                if (firstFailure == null) {
                    firstFailure = "erp." + spec.name() + ": " + e.getMessage();
                }
            }
        }
        output.setProperty("rows.imported", Long.toString(total));
        output.setProperty("rows.repaired", Long.toString(repaired));
        output.setProperty("rows.deleted", Long.toString(deleted));
        output.setProperty("rows.erased", Long.toString(erased));
        output.setProperty("values.normalised", Long.toString(normalised));
        output.setProperty("failed", String.join(",", failed));
        StepArgs.captureOutput(output);
        if (!failed.isEmpty()) {
            throw StageFailure.tables(firstFailure, failed, "; its previous partition and watermark stay");
        }
        return ExitCode.OK;
    }
}
