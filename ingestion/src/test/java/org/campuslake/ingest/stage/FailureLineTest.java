package org.campuslake.ingest.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FailureLineTest {
    private static final String BARE = "2: Main Class [org.apache.oozie.action.hadoop.JavaMain], exit code [2]";

    @Test
    void aBareOozieErrorGetsTheLineFromTheLaunchersAggregatedStdout() throws Exception {
        String stdout = Files.readString(Path.of("src/test/resources/launcher/java-failure-stdout.txt"),
                StandardCharsets.UTF_8);
        assertThat(FailureLine.detail(BARE, "application_1_0007", "etl", (app, owner) -> stdout, 0))
                .isEqualTo(": forget: the id must be a number, not 'notanumber'");
    }

    @Test
    void theLogsAreAskedAgainUntilYarnHasAggregatedThem() {
        AtomicInteger asked = new AtomicInteger();
        FailureLine.Logs late = (app, owner) -> {
            if (asked.incrementAndGet() < 3) {
                throw new FileNotFoundException("/tmp/logs/" + owner + "/logs-tfile/" + app + " does not exist");
            }
            return ">>> Invoking Main class now >>>\nStdoutput kpi job: kpi_student: no row\n"
                    + "Failing Oozie Launcher, Main Class [ShellMain], exit code [1]\n";
        };
        assertThat(FailureLine.detail("1: Main Class [ShellMain], exit code [1]", "application_1_0009", "etl", late,
                10_000)).isEqualTo(": kpi job: kpi_student: no row");
        assertThat(asked).hasValue(3);
    }

    @Test
    void nothingIsAddedWhenTheErrorHasItsLineOrThereIsNoLauncher() {
        FailureLine.Logs never = (app, owner) -> {
            throw new AssertionError("the logs must not be read");
        };
        // The local runner's error already ends with the stage's line.
        assertThat(FailureLine.detail("Main Class [IngestPlan] exit code [1]: ingest plan: grades: no table", "run-1/plan.log",
                "etl", never, 0)).isEmpty();
        // A hive2 or sqoop error says what failed; a node with no YARN application has no launcher log.
        assertThat(FailureLine.detail("E0729: Error while compiling statement", "application_1_2", "etl", never, 0)).isEmpty();
        assertThat(FailureLine.detail(BARE, "", "etl", never, 0)).isEmpty();
        assertThat(FailureLine.detail(BARE, "application_1_3", "etl", (app, owner) -> null, 0)).isEmpty();
    }
}
