package org.campuslake.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void everySheetStartsItsRunnableBlocksWithTheLabsStart() throws Exception {
        for (Lab lab : Labs.ALL) {
            List<LabSheet.Block> blocks = LabSheet.runnable(Path.of("..").resolve(lab.sheet()));
            assertThat(blocks).as("the runnable blocks of %s", lab.sheet()).hasSizeGreaterThan(1);
            assertThat(blocks.get(0).language()).isEqualTo("bash");
            assertThat(blocks.get(0).text().strip()).isEqualTo("./lake lab start " + lab.number());
        }
    }

    @Test
    void aRunnableBlockIsBashOrSqlAndEveryBlockIsClosed(@TempDir Path dir) throws Exception {
        Path sheet = dir.resolve("sheet.md");
        Files.writeString(sheet, "# x\n```bash runnable\nls\n```\n\n```sql\nSELECT 1;\n```\n```sql runnable\nSELECT 2;\n```\n");
        assertThat(LabSheet.runnable(sheet)).containsExactly(new LabSheet.Block("bash", "ls\n", 2),
                new LabSheet.Block("sql", "SELECT 2;\n", 9));
        Files.writeString(sheet, "```python runnable\nprint(1)\n```\n");
        assertThatThrownBy(() -> LabSheet.runnable(sheet)).hasMessageContaining("sheet.md:1: a runnable block is bash or sql");
        Files.writeString(sheet, "text\n```bash runnable\nls\n");
        assertThatThrownBy(() -> LabSheet.runnable(sheet)).hasMessageContaining("sheet.md:2: a code block is not closed");
    }

    @Test
    void theTeachersPageHasNoAnswerLeftToFillIn() throws Exception {
        assertThat(Files.readString(DOCS.resolve("README.md"))).doesNotContain("ANSWER_");
    }
}
