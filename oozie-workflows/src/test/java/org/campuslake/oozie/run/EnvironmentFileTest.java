package org.campuslake.oozie.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentFileTest {
    @Test
    void fillsEveryFactAndRefusesAnUnknownOne() {
        assertThat(EnvironmentFile.render("lake.root=file://${lakeHome}/lake\nport=${dbPort}\n",
                Map.of("lakeHome", "/x/.lake", "dbPort", "3307"), "t")).isEqualTo("lake.root=file:///x/.lake/lake\nport=3307\n");
        assertThatThrownBy(() -> EnvironmentFile.render("a=${nope}", Map.of("dbPort", "1"), "env/local/x.properties"))
                .hasMessageContaining("env/local/x.properties: no value for ${nope} (known: dbPort)");
    }

    /** The project's local files name only the facts the lake command supplies (LocalEnvironmentFiles). */
    @Test
    void theLocalEnvironmentFilesRender(@TempDir Path tmp) throws Exception {
        Map<String, String> facts = Map.of("lakeHome", "/h", "dbPort", "3307", "etlPasswordFile", "/h/secrets/etl",
                "cores", "2", "metastorePort", "1527", "analyticsSource", "metastore");
        for (String f : new String[] {"ingest.properties", "analytics.properties"}) {
            Path out = EnvironmentFile.render(Path.of("src/main/apps/env/local", f), facts, tmp.resolve(f));
            Properties p = new Properties();
            try (var in = Files.newInputStream(out)) {
                p.load(in);
            }
            assertThat(p.getProperty("lake.root")).isEqualTo("file:///h/lake");
            assertThat(String.join(" ", p.stringPropertyNames().stream().map(p::getProperty).toList())).doesNotContain("${");
        }
    }
}
