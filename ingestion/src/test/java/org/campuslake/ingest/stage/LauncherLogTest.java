package org.campuslake.ingest.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LauncherLogTest {
    @Test
    void theStageLineOfAFailedJavaActionOnTheRealOozieLauncher() throws Exception {
        // The stdout of Oozie 5.2.1's launcher for ForgetMain --contact notanumber on the cluster (yarn logs).
        String stdout = Files.readString(Path.of("src/test/resources/launcher/java-failure-stdout.txt"),
                StandardCharsets.UTF_8);
        assertThat(LauncherLog.lastMainLine(stdout)).isEqualTo("forget: the id must be a number, not 'notanumber'");
    }

    @Test
    void aShellActionsPrefixedLinesAndNoMainOutputAtAll() {
        assertThat(LauncherLog.lastMainLine(">>> Invoking Main class now >>>\n\nStdoutput Computing the KPIs\n"
                + "Stdoutput kpi job: kpi_student: no row\nExit code of the Shell command 1\nFailing Oozie Launcher, Main Class [ShellMain], exit code [1]\n"))
                .isEqualTo("kpi job: kpi_student: no row");
        assertThat(LauncherLog.lastMainLine("no launcher output")).isNull();
        assertThat(LauncherLog.lastMainLine(">>> Invoking Main class now >>>\nLauncher class: JavaMain\n"
                + "Java action arguments         :\n             --config\n\njava.lang.reflect.InvocationTargetException\n"))
                .isNull();
    }
}
