package org.campuslake.oozie.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.oozie.validate.AppValidator;
import org.campuslake.oozie.validate.Problem;
import org.junit.jupiter.api.Test;

/** The project's own applications, as the build generated them into target/apps: valid, and complete per table. */
class ProjectAppsTest {
    private static final Path APPS = Path.of("target", "apps");
    private static final Catalog CATALOG = Catalog.builtIn();

    private static List<Path> xml() throws Exception {
        try (Stream<Path> s = Files.walk(APPS)) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    @Test
    void everyApplicationValidates() throws Exception {
        List<Path> files = xml();
        assertThat(files).extracting(p -> APPS.relativize(p).toString()).contains("ingest/workflow.xml",
                "ingest/coordinator.xml", "analytics/workflow.xml", "analytics/coordinator.xml", "forget/workflow.xml",
                "bundle/bundle.xml", "datasets.xml");
        for (Path f : files) {
            List<Problem> problems = AppValidator.validate(f);
            assertThat(problems).as(f.toString()).isEmpty();
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void everyCatalogTableHasItsImportItsDatasetAndItsEvents() throws Exception {
        String wf = Files.readString(APPS.resolve("ingest/workflow.xml"));
        int tables = CATALOG.tables().size();
        assertThat(count(wf, "<sqoop xmlns=\"uri:oozie:sqoop-action:1.0\">")).isEqualTo(tables);
        assertThat(count(wf, "<path start=\"import-")).isEqualTo(tables);
        for (String t : CATALOG.names()) {
            assertThat(wf).contains("<action name=\"import-" + t + "\"")
                    .contains("<arg>${wf:actionData('plan')['" + t + ".where']}</arg>")
                    .contains("<touchz path=\"${lakeRoot}/raw/erp/" + t + "/ingest_date=${ingestDate}/_SUCCESS\"/>");
            assertThat(Files.readString(APPS.resolve("datasets.xml"))).contains("<dataset name=\"raw-" + t + "\"");
            assertThat(Files.readString(APPS.resolve("ingest/coordinator.xml")))
                    .contains("<data-out name=\"" + t + "\" dataset=\"raw-" + t + "\">");
            assertThat(Files.readString(APPS.resolve("analytics/coordinator.xml")))
                    .contains("<data-in name=\"" + t + "\" dataset=\"raw-" + t + "\">");
        }
        // Avro tables land as Avro, the others as text with Sqoop's escapes (no control characters in the XML).
        assertThat(wf).contains("<arg>--as-avrodatafile</arg>").contains("<arg>\\001</arg>");
        assertThat(wf.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')).isEmpty();
        assertThat(wf).doesNotContain("@");
    }

    @Test
    void jobPropertiesHoldEnvironmentFactsButNoPassword() throws Exception {
        for (String env : new String[] {"local", "vagrant"}) {
            Path file = APPS.resolve("env").resolve(env).resolve("job.properties");
            Properties p = new Properties();
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            }
            assertThat(p.stringPropertyNames()).as(env).contains("nameNode", "resourceManager", "lakeRoot",
                    "erpJdbcUrl", "erpPasswordFile", "hiveJdbcUrl", "appRoot", "oozie.bundle.application.path");
            for (String key : p.stringPropertyNames()) {
                assertThat(key.toLowerCase()).as(env).doesNotContain("password=").isNotEqualTo("password");
                if (key.toLowerCase().contains("password")) {
                    assertThat(key).as(env).endsWith("PasswordFile");
                }
            }
            assertThat(Files.readString(file)).doesNotContainPattern("(?i)password\\s*=");
        }
    }
}
