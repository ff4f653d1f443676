package org.campuslake.ingest.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.campuslake.ingest.IngestConfig;
import org.campuslake.ingest.StepArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract of every stage main: -D works, the user's line is last on stdout, traces go to stderr, named codes. */
class StageTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A stage that parses the ingestion command line, then does what its {@code --table} says. */
    static final class Probe extends Stage {
        StepArgs seen;

        @Override
        protected String name() {
            return "probe";
        }

        @Override
        protected ExitCode execute(String[] args) throws Exception {
            seen = StepArgs.of(this, "Probe", args);
            System.out.println("working on " + seen.date);
            String t = seen.tables.size() == 1 ? seen.tables.get(0).name() : "";
            if (t.equals("grades")) {
                throw new StageFailure(ExitCode.FAILED, "erp.grades: student_id=42 refers to no student",
                        new IllegalStateException("deep cause"));
            }
            if (t.equals("lessons")) {
                throw new IllegalStateException("a bug");
            }
            if (t.equals("students")) {
                throw new StageFailure(ExitCode.FAILED, "summary: Communications link failure\n\nThe last packet sent"
                        + " successfully to the server was 0 milliseconds ago.", null);
            }
            return ExitCode.OK;
        }
    }

    private int run(Probe p, String... args) {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true));
        try {
            return Stage.launch(p, args, System.out, new PrintStream(err, true));
        } finally {
            System.setOut(stdout);
        }
    }

    private String config() throws Exception {
        Path f = dir.resolve("ingest.properties");
        Files.write(f, ("lake.root=file://" + dir.resolve("lake") + "\ningest.reject.ratio.max=0.05\n").getBytes("UTF-8"));
        return f.toString();
    }

    private String lastLine() {
        String[] lines = new String(out.toByteArray(), StandardCharsets.UTF_8).trim().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void commandLineSettingsOverrideTheFileAndReachHadoop() throws Exception {
        Probe p = new Probe();
        int rc = run(p, "-D", "ingest.reject.ratio.max=0.25", "-Dmapreduce.job.queuename=labs", "--config", config(),
                "--date", "2026-09-02");
        assertThat(rc).isEqualTo(0);
        IngestConfig c = p.seen.config;
        assertThat(c.rejectRatioMax()).isEqualTo(0.25);
        assertThat(c.hadoop().get("mapreduce.job.queuename")).isEqualTo("labs");
        assertThat(p.commandLine()).containsOnlyKeys("ingest.reject.ratio.max", "mapreduce.job.queuename");
    }

    @Test
    void aFailureEndsWithTheUsersLineAndItsCodeTheTraceOnStderr() throws Exception {
        int rc = run(new Probe(), "--config", config(), "--date", "2026-09-02", "--table", "grades");
        assertThat(rc).isEqualTo(ExitCode.FAILED.code);
        assertThat(lastLine()).isEqualTo("probe: erp.grades: student_id=42 refers to no student");
        String trace = new String(err.toByteArray(), StandardCharsets.UTF_8);
        assertThat(trace).contains("deep cause").contains("at org.campuslake");
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).doesNotContain("\tat ");
    }

    @Test
    void anUnexpectedExceptionIsNamedOnStdoutAndTracedOnStderr() throws Exception {
        int rc = run(new Probe(), "--config", config(), "--date", "2026-09-02", "--table", "lessons");
        assertThat(rc).isEqualTo(ExitCode.FAILED.code);
        assertThat(lastLine()).isEqualTo("probe failed: java.lang.IllegalStateException: a bug");
        assertThat(new String(err.toByteArray(), StandardCharsets.UTF_8)).contains("IllegalStateException: a bug");
    }

    @Test
    void theUsersLineIsOneLineEvenWhenTheMessageIsNot() throws Exception {
        // MySQL Connector/J's message spans three lines: a launcher log's last line would be its tail only.
        assertThat(run(new Probe(), "--config", config(), "--date", "2026-09-02", "--table", "students"))
                .isEqualTo(ExitCode.FAILED.code);
        assertThat(lastLine()).isEqualTo("probe: summary: Communications link failure The last packet sent successfully"
                + " to the server was 0 milliseconds ago.");
    }

    @Test
    void badArgumentsAreAUsageError() throws Exception {
        assertThat(run(new Probe(), "--config", config())).isEqualTo(ExitCode.USAGE.code);
        assertThat(lastLine()).startsWith("probe: usage: Probe --config FILE --date YYYY-MM-DD");
        assertThat(run(new Probe(), "--config", config(), "--date", "2026-09-02", "--table", "gradez"))
                .isEqualTo(ExitCode.USAGE.code);
        assertThat(lastLine()).contains("gradez");
    }

    @Test
    void aStagesOwnOptionsReachItUnchanged() {
        final String[][] seen = new String[1][];
        Stage s = new Stage() {
            @Override
            protected String name() {
                return "echo";
            }

            @Override
            protected ExitCode execute(String[] args) {
                seen[0] = args;
                return ExitCode.OK;
            }
        };
        // HiveMain's -f and -e are not Hadoop's generic options (-fs, -files): they stay the stage's.
        assertThat(Stage.launch(s, new String[] {"-D", "a=b", "-f", "x.hql", "-e", "SELECT 1", "--hivevar", "d=1"},
                new PrintStream(out, true), new PrintStream(err, true))).isEqualTo(0);
        assertThat(seen[0]).containsExactly("-f", "x.hql", "-e", "SELECT 1", "--hivevar", "d=1");
    }

    @Test
    void aStepOverSeveralTablesNamesTheFirstFailureAndCountsTheOthers() {
        assertThat(StageFailure.tables("erp.grades: x", java.util.Arrays.asList("grades"), "; kept").getMessage())
                .isEqualTo("erp.grades: x; kept");
        StageFailure f = StageFailure.tables("erp.grades: x", java.util.Arrays.asList("grades", "lessons"), "");
        assertThat(f.getMessage()).isEqualTo("erp.grades: x (and 1 more: [grades, lessons])");
        assertThat(f.exit).isEqualTo(ExitCode.FAILED);
    }
}
