package org.campuslake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Properties;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.stage.ExitCode;
import org.campuslake.ingest.stage.Stage;
import org.campuslake.ingest.stage.StageFailure;

/**
 * Records that an operator accepted a day's rejects above the reject ratio, so the chain goes on without them:
 * who, when, which tables and how many rows, in {@code state/ingest/acceptances/ingest_date=D.properties} (no row
 * and no identifier in it; the rows stay in quarantine). The ingest workflow's {@code accept-rejects} action runs it
 * when the run was started with {@code acceptRejects=true} ({@code lake run --accept-rejects}, or
 * {@code -DacceptRejects=true} on a cluster). {@code RejectAcceptance --config FILE --date D --tables T1,T2 --by USER}.
 */
public final class RejectAcceptance extends Stage {
    public static void main(String[] args) {
        Stage.main(new RejectAcceptance(), args);
    }

    @Override
    protected String name() {
        return "accept-rejects";
    }

    @Override
    protected ExitCode execute(String[] args) throws IOException, StageFailure {
        String config = StepArgs.value(args, "--config");
        String date = StepArgs.value(args, "--date");
        String tables = StepArgs.value(args, "--tables");
        String by = StepArgs.value(args, "--by");
        if (config == null || date == null || tables == null || by == null) {
            throw StageFailure.usage("usage: RejectAcceptance --config FILE --date YYYY-MM-DD --tables T1,T2 --by USER");
        }
        IngestConfig cfg = IngestConfig.load(Paths.get(config)).with(commandLine());
        LakeLayout layout = new LakeLayout(cfg.lakeRoot());
        FileSystem fs = layout.root().getFileSystem(cfg.hadoop());
        LocalDate d;
        try {
            d = LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw StageFailure.usage("--date takes YYYY-MM-DD: " + date);
        }
        Properties record = new Properties();
        record.setProperty("ingest_date", date);
        record.setProperty("accepted_by", by);
        record.setProperty("accepted_at", Instant.now().toString());
        record.setProperty("tables", tables);
        long rows = 0;
        for (String t : tables.split(",")) {
            if (t.trim().isEmpty()) {
                continue;
            }
            Properties state = new Properties();
            Path file = layout.validationState(t.trim(), d);
            try (InputStream in = fs.open(file)) {
                state.load(in);
            } catch (IOException e) {
                throw StageFailure.failed("erp." + t.trim() + " has no validation result for " + date + " (" + file
                        + "): validate the date first", e);
            }
            long rejected = Long.parseLong(state.getProperty("rejected", "0"));
            rows += rejected;
            record.setProperty(t.trim() + ".rejected", Long.toString(rejected));
            record.setProperty(t.trim() + ".input", state.getProperty("input", ""));
            record.setProperty(t.trim() + ".reject_ratio", state.getProperty("reject_ratio", ""));
        }
        record.setProperty("rows.accepted", Long.toString(rows));
        Path out = new Path(layout.root(), "state/ingest/acceptances/" + LakeLayout.partition(d) + ".properties");
        fs.mkdirs(out.getParent());
        try (OutputStream o = fs.create(out, true)) {
            record.store(o, "Campus Lake: rejects above the ratio accepted for " + date);
        }
        System.out.println("Accepted for " + date + " by " + by + ": " + rows + " quarantined rows of " + tables
                + " stay out of the lake; the day goes on (" + out + ")");
        Properties output = new Properties();
        output.setProperty("rows.accepted", Long.toString(rows));
        StepArgs.captureOutput(output);
        return ExitCode.OK;
    }
}
