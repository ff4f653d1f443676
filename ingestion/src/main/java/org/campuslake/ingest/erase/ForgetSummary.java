package org.campuslake.ingest.erase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.IngestConfig;
import org.campuslake.ingest.SqoopImporter;
import org.campuslake.ingest.StepArgs;
import org.campuslake.ingest.stage.ExitCode;
import org.campuslake.ingest.stage.Stage;
import org.campuslake.ingest.stage.StageFailure;

/**
 * The last step of an erasure, once curated no longer holds the person ({@code ForgetSummary --config
 * analytics.properties --salt-dir DIR (--student ID | --contact ID) [--rows-landing N --rows-raw N
 * --rows-quarantine N] [--curated-as-of D] --requested-by USER}): deletes the summary rows keyed by their pseudonym,
 * in every snapshot, checks none is left and records the erasure in {@code lake_meta.erasures} without identifiers.
 * The pseudonym is computed here from the salt folder, so it is on no command line and in no log. Output
 * properties {@code rows.summary} and {@code erasure.id}. A rerun deletes nothing more and records it again.
 */
public final class ForgetSummary extends Stage {
    public static void main(String[] args) {
        Stage.main(new ForgetSummary(), args);
    }

    @Override
    protected String name() {
        return "forget summary";
    }

    @Override
    protected ExitCode execute(String[] args) throws IOException, StageFailure {
        String config = StepArgs.value(args, "--config");
        String saltDir = StepArgs.value(args, "--salt-dir");
        String student = StepArgs.value(args, "--student");
        String contact = StepArgs.value(args, "--contact");
        String by = StepArgs.value(args, "--requested-by");
        if (config == null || saltDir == null || by == null || (student == null) == (contact == null)) {
            throw StageFailure.usage("usage: ForgetSummary --config FILE --salt-dir DIR (--student ID | --contact ID)"
                    + " --requested-by USER [--rows-landing N --rows-raw N --rows-quarantine N] [--curated-as-of D]");
        }
        String kind = student != null ? "student" : "contact";
        long id = number(args, student != null ? "--student" : "--contact", -1);
        long landing = number(args, "--rows-landing", 0);
        long raw = number(args, "--rows-raw", 0);
        long quarantine = number(args, "--rows-quarantine", 0);
        String asOf = StepArgs.value(args, "--curated-as-of");
        LocalDate curated;
        try {
            curated = asOf == null || asOf.isEmpty() ? null : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw StageFailure.usage("--curated-as-of must be a date (YYYY-MM-DD), not '" + asOf + "'");
        }
        IngestConfig cfg = IngestConfig.load(Paths.get(config)).with(commandLine());
        String url = cfg.get(IngestConfig.SUMMARY_JDBC_URL);
        String pseudonym = SummaryEraser.pseudonym(salt(cfg.hadoop(), saltDir), kind, id);
        Properties p = new Properties();
        p.setProperty("user", cfg.get(IngestConfig.SUMMARY_USER));
        p.setProperty("password", SqoopImporter.readPassword(cfg.hadoop(),
                SqoopImporter.passwordFileUri(cfg.get(IngestConfig.SUMMARY_PASSWORD_FILE))));
        p.setProperty("connectTimeout", "10000");
        try (Connection c = DriverManager.getConnection(url, p)) {
            long deleted = SummaryEraser.erase(c, kind, pseudonym);
            long left = SummaryEraser.count(c, kind, pseudonym);
            if (left != 0) {
                throw StageFailure.failed("summary: " + left + " row(s) still keyed by the " + kind + " after the delete",
                        null);
            }
            long erasure = SummaryEraser.record(c, kind, by, landing, raw, quarantine, deleted, curated);
            System.out.printf(Locale.ROOT, "Summary: %d row(s) keyed by their pseudonym deleted, every snapshot%n", deleted);
            System.out.println("Recorded as lake_meta.erasures #" + erasure + " (no identifier). Later imports, reruns"
                    + " and backfills leave them out.");
            Properties out = new Properties();
            out.setProperty("rows.summary", Long.toString(deleted));
            out.setProperty("erasure.id", Long.toString(erasure));
            StepArgs.captureOutput(out);
            return ExitCode.OK;
        } catch (SQLException e) {
            throw StageFailure.failed("summary database " + url.replaceAll("\\?.*", "") + ": " + e.getMessage()
                    + " (nothing of the summary changed: the delete is one transaction; a rerun finishes it)", e);
        }
    }

    /**
     * The salt as Hive reads it: {@code MAX(salt)} over the lines of the files of the secure.pseudonym_salt table's
     * folder (hidden files aside), so the key computed here is the one curated holds.
     */
    static String salt(Configuration conf, String dir) throws IOException {
        Path folder = new Path(dir);
        FileSystem fs = folder.getFileSystem(conf);
        String max = null;
        for (FileStatus f : fs.listStatus(folder)) {
            String name = f.getPath().getName();
            if (!f.isFile() || name.startsWith("_") || name.startsWith(".")) {
                continue;
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (max == null || line.compareTo(max) > 0) {
                        max = line;
                    }
                }
            }
        }
        if (max == null || max.isEmpty()) {
            throw new IOException("no pseudonymisation salt in " + dir);
        }
        return max;
    }

    private static long number(String[] args, String name, long dflt) throws StageFailure {
        String v = StepArgs.value(args, name);
        if (v == null) {
            if (dflt < 0) {
                throw StageFailure.usage(name + " needs a number");
            }
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw StageFailure.usage(name + " must be a number, not '" + v + "'");
        }
    }
}
