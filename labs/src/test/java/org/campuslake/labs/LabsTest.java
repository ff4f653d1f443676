package org.campuslake.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabsTest {
    private static final Path DOCS = Path.of("..", "docs", "labs");

    @Test
    void everyLabHasItsSheetAndALineOnTheTeachersPage() throws Exception {
        String teacher = Files.readString(DOCS.resolve("README.md"));
        Set<Integer> numbers = new HashSet<>();
        for (Lab lab : Labs.ALL) {
            assertThat(numbers.add(lab.number())).as("lab %d twice", lab.number()).isTrue();
            Path sheet = Path.of("..").resolve(lab.sheet());
            assertThat(sheet).as("the sheet of lab %d", lab.number()).exists();
            String text = Files.readString(sheet);
            assertThat(text).startsWith("# Lab " + lab.number() + ": ")
                    .contains("## Starting state", "## Steps", "## Questions", "## Going further",
                            "./lake lab start " + lab.number(), "./lake lab check " + lab.number());
            assertThat(teacher).contains("| " + lab.number() + " | [" + lab.title() + "](" + sheet.getFileName() + ")")
                    .contains("**Lab " + lab.number() + ".**");
        }
    }

    @Test
    void theTeachersPageHasNoAnswerLeftToFillIn() throws Exception {
        assertThat(Files.readString(DOCS.resolve("README.md"))).doesNotContain("ANSWER_");
    }
}
