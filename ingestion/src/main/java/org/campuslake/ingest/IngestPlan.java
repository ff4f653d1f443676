package org.campuslake.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.stage.ExitCode;
import org.campuslake.ingest.stage.Stage;
import org.campuslake.ingest.stage.StageFailure;

/**
 * First step of the ingest workflow: plans every table's import for one date
 * ({@code IngestPlan --config FILE --date YYYY-MM-DD [--table T ...]}) and writes the plan to the lake's state.
 * Its output properties feed the Sqoop actions: {@code <table>.where}, {@code <table>.columns},
 * {@code <table>.staging}. Exit code 0, 1 when a table cannot be planned (schema check, unreachable ERP), 2 on
 * bad arguments.
 */
public final class IngestPlan extends Stage {
    public static void main(String[] args) {
        Stage.main(new IngestPlan(), args);
    }

    @Override
    protected String name() {
        return "ingest plan";
    }

    @Override
    protected ExitCode execute(String[] args) throws IOException, StageFailure {
        StepArgs a = StepArgs.of(this, "IngestPlan", args);
        SqoopImporter importer = new SqoopImporter(a.config);
        Properties plan = new Properties();
        Properties output = new Properties();
        try (Connection c = importer.connect()) {
            for (TableSpec spec : a.tables) {
                TablePlan p = importer.plan(c, spec, a.date);
                p.store(plan);
                output.setProperty(spec.name() + ".where", p.where());
                output.setProperty(spec.name() + ".columns", String.join(",", p.columns));
                output.setProperty(spec.name() + ".staging", p.staging.toString());
                output.setProperty(spec.name() + ".expected", Long.toString(p.expected));
                System.out.printf(Locale.ROOT, "erp.%-16s %,9d rows to import (%s%s)%s%n", spec.name(), p.expected,
                        p.window, p.window.reused ? "; same window as before" : "",
                        p.drift.isEmpty() ? "" : "  SCHEMA DRIFT: new column(s) " + p.drift);
            }
        } catch (ImportException e) {
            throw StageFailure.failed(e.getMessage(), e);
        } catch (SQLException e) {
            throw StageFailure.failed("the ERP cannot be read (" + a.config.jdbcUrl() + "): " + e.getMessage(), e);
        }
        plan.setProperty("tables", String.join(",", a.catalog.names()));
        Path file = importer.layout().importPlan(a.date);
        importer.fileSystem().mkdirs(file.getParent());
        try (OutputStream out = importer.fileSystem().create(file, true)) {
            plan.store(out, "Campus Lake import plan for " + a.date);
        }
        output.setProperty("plan", file.toString());
        StepArgs.captureOutput(output);
        System.out.println("plan for " + a.date + " written to " + file);
        return ExitCode.OK;
    }
}
