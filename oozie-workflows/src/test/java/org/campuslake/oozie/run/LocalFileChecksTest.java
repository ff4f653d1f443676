package org.campuslake.oozie.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.campuslake.oozie.el.ElScope;
import org.campuslake.oozie.el.Evaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileChecksTest {
    @TempDir
    Path dir;

    @Test
    void fsFunctionsReadTheLakesFileUris() throws Exception {
        Files.createDirectories(dir.resolve("state/curated/as_of=2026-09-01"));
        Files.writeString(dir.resolve("a.txt"), "12345");
        ElScope s = ElScope.of(Map.of("lakeRoot", dir.toUri().toString().replaceAll("/$", ""), "previousDate", "2026-09-01"))
                .withFileChecks(new LocalFileChecks());
        assertThat(Evaluator.evaluate("${fs:exists(concat(concat(lakeRoot, '/state/curated/as_of='), previousDate))"
                + " ? '111' : '110'}", s)).isEqualTo("111");
        assertThat(Evaluator.evaluate("${fs:exists(concat(lakeRoot, '/state/curated/as_of=2026-08-31')) ? '111' : '110'}", s))
                .isEqualTo("110");
        assertThat(Evaluator.evaluate("${fs:isDir(concat(lakeRoot, '/state'))} ${fs:fileSize(concat(lakeRoot, '/a.txt'))}"
                + " ${fs:fileSize(concat(lakeRoot, '/state'))}", s)).isEqualTo("true 5 -1");
        assertThatThrownBy(() -> new LocalFileChecks().exists("hdfs://master:8020/lake")).hasMessageContaining("file: paths only");
    }
}
