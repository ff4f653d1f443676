package org.campuslake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.validate.Conservation;

/**
 * The step after the Sqoop actions: for every table of the date's plan, reconciles the rows that landed in its
 * staging folder with the source's count, publishes the partition and commits the watermark
 * ({@code IngestCommit --config FILE --date YYYY-MM-DD [--table T ...]}). Every table is tried; exit code 1 when
 * one failed (its previous partition and watermark stay), 2 on bad arguments. Output properties:
 * {@code <table>.rows}, {@code <table>.repaired}, {@code <table>.deleted}, {@code rows.imported},
 * {@code rows.repaired} and {@code rows.deleted}, and {@code conservation.<table>.source} (see {@link Conservation}).
 */
public final class IngestCommit {
    private IngestCommit() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws IOException {
        StepArgs a = StepArgs.parseOrReport("ingest commit", "IngestCommit", args);
        if (a == null) {
            return 2;
        }
        SqoopImporter importer = new SqoopImporter(a.config);
        Path file = importer.layout().importPlan(a.date);
        Properties plan = new Properties();
        if (!importer.fileSystem().exists(file)) {
            System.out.println("ingest commit: no import plan for " + a.date + " (" + file + "): run IngestPlan first");
            return 1;
        }
        try (InputStream in = importer.fileSystem().open(file)) {
            plan.load(in);
        }
        Properties output = new Properties();
        List<String> failed = new ArrayList<String>();
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
            }
        }
        output.setProperty("rows.imported", Long.toString(total));
        output.setProperty("rows.repaired", Long.toString(repaired));
        output.setProperty("rows.deleted", Long.toString(deleted));
        output.setProperty("rows.erased", Long.toString(erased));
        output.setProperty("values.normalised", Long.toString(normalised));
        output.setProperty("failed", String.join(",", failed));
        StepArgs.captureOutput(output);
        return failed.isEmpty() ? 0 : 1;
    }
}
