package org.campuslake.oozie.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The validator on small hand-written applications: a valid one of each kind, and one mistake per file. */
class AppValidatorTest {
    private static final Path RESOURCES = Path.of("src", "test", "resources");

    @ParameterizedTest
    @CsvSource({"workflow.xml", "coordinator.xml", "bundle.xml", "datasets.xml"})
    void validApplicationsPass(String file) throws Exception {
        assertThat(AppValidator.validate(RESOURCES.resolve("valid").resolve(file))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "misspelled-element.xml       | 48 | Invalid content was found starting with element '{\"uri:oozie:workflow:1.0\":kil}'",
        "missing-error.xml            | 18 | The content of element 'action' is not complete",
        "misspelled-action-body.xml   | 14 | Invalid content was found starting with element '{\"uri:oozie:sqoop-action:1.0\":agr}'",
        "unknown-action-namespace.xml | 12 | no declaration can be found for element 'sqoop'",
        "bad-target.xml               | 25 | action 'import-b' goes to unknown node 'chek'",
        "cycle.xml                    |    | cycle: ",
        "unreachable.xml              | 48 | action 'orphan' cannot be reached from <start>",
        "fork-without-join.xml        |  7 | fork 'split' has paths that never reach a join: [import-a]",
        "datasets-namespaced.xml      |  1 | a dataset file for <include> must have no namespace",
        "datasets-misspelled.xml      |  4 | Invalid content was found starting with element '{\"uri:oozie:coordinator:0.5\":done-flags}'",
        "coordinator-misspelled.xml   |  5 | Invalid content was found starting with element '{\"uri:oozie:coordinator:0.5\":concurency}'"})
    void eachMistakeIsReportedWithItsLine(String file, Integer line, String message) throws Exception {
        List<Problem> problems = AppValidator.validate(RESOURCES.resolve("invalid").resolve(file));
        assertThat(problems).as(file).isNotEmpty();
        Problem first = problems.get(0);
        assertThat(first.message()).contains(message);
        if (line != null) {
            assertThat(first.line()).as(first.toString()).isEqualTo(line);
        }
        assertThat(first.toString()).startsWith(RESOURCES.resolve("invalid").resolve(file) + ":" + first.line() + ":"
                + first.column() + ": ");
    }

    @Test
    void aFileThatIsNotXmlOrNotOozieIsRefused() throws Exception {
        Path pom = Path.of("pom.xml");
        assertThat(AppValidator.validate(pom)).singleElement().satisfies(p ->
                assertThat(p.message()).contains("not an Oozie application"));
    }
}
