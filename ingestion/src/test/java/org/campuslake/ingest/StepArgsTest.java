package org.campuslake.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of the workflow's java actions, and how their results reach the workflow. */
class StepArgsTest {
    @TempDir
    Path dir;

    private String config() throws Exception {
        Path f = dir.resolve("ingest.properties");
        Files.write(f, ("lake.root=file://" + dir.resolve("lake") + "\n").getBytes("UTF-8"));
        return f.toString();
    }

    @Test
    void everyCatalogTableUnlessSomeAreNamed() throws Exception {
        StepArgs all = StepArgs.parse("IngestPlan", new String[] {"--config", config(), "--date", "2026-09-02"});
        assertThat(all.date).isEqualTo(LocalDate.of(2026, 9, 2));
        assertThat(all.tables).hasSize(all.catalog.names().size()).hasSizeGreaterThan(5);
        StepArgs two = StepArgs.parse("IngestPlan", new String[] {"--config", config(), "--date", "2026-09-02",
            "--table", "grades", "--table", "lessons"});
        assertThat(two.tables).extracting(t -> t.name()).containsExactly("grades", "lessons");
    }

    @Test
    void usageProblemsAreClearMessages() throws Exception {
        String c = config();
        assertThatThrownBy(() -> StepArgs.parse("IngestPlan", new String[] {"--config", c}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage: IngestPlan");
        assertThatThrownBy(() -> StepArgs.parse("IngestPlan", new String[] {"--config", c, "--date", "2026-13-01"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> StepArgs.parse("IngestPlan", new String[] {"--config", c, "--date"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks its value");
        assertThatThrownBy(() -> StepArgs.parse("IngestPlan", new String[] {"--config", c, "--date", "2026-09-02",
            "--table", "gradez"})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gradez");
        assertThatThrownBy(() -> StepArgs.parse("IngestPlan", new String[] {"--verbose"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--verbose");
    }

    @Test
    void capturedOutputGoesToTheFileTheLauncherNames() throws Exception {
        Path out = dir.resolve("output.properties");
        Properties p = new Properties();
        p.setProperty("rows.imported", "12");
        System.setProperty("oozie.action.output.properties", out.toString());
        try {
            StepArgs.captureOutput(p);
        } finally {
            System.clearProperty("oozie.action.output.properties");
        }
        Properties back = new Properties();
        try (InputStream in = Files.newInputStream(out)) {
            back.load(in);
        }
        assertThat(back.getProperty("rows.imported")).isEqualTo("12");
    }
}
