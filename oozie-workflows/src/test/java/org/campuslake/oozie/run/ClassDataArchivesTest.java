package org.campuslake.oozie.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchivesTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    @Test
    void theFirstLaunchWritesTheArchiveTheNextOneMapsAndAChangedJarGetsANewOne() throws Exception {
        Path jar = launcherJar();
        ClassDataArchives archives = new ClassDataArchives(dir.resolve("cds"));

        ClassDataArchives.Use first = archives.use("ingest-java", JAVA, jar.toString());
        assertThat(first.options().get(0)).startsWith("-XX:ArchiveClassesAtExit=");
        Launch one = launch(first, jar);
        assertThat(one.rc).isZero();
        first.ended(true);
        assertThat(first.archive()).isRegularFile();
        assertThat(Files.list(dir.resolve("cds")).filter(f -> f.toString().endsWith(".tmp"))).isEmpty();

        ClassDataArchives.Use second = archives.use("ingest-java", JAVA, jar.toString());
        assertThat(second.options().get(0)).isEqualTo("-XX:SharedArchiveFile=" + first.archive());
        // -Xshare:on fails the JVM unless it maps the archive; stdout holds only what the main printed.
        Launch two = launch(second, jar, "-Xshare:on");
        assertThat(two.rc).as(two.stdout).isZero();
        assertThat(two.stdout).isEqualTo("LauncherMain\n");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        ClassDataArchives.Use changed = archives.use("ingest-java", JAVA, jar.toString());
        assertThat(changed.options().get(0)).startsWith("-XX:ArchiveClassesAtExit=");
        assertThat(changed.archive()).isNotEqualTo(first.archive());
        changed.ended(false); // a failed launch publishes nothing
        assertThat(changed.archive()).doesNotExist();
    }

    @Test
    void noArchiveWithAFolderOfClassesOrWhenTurnedOff() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/x"));
        Files.writeString(classes.resolve("A.class"), "not empty");
        assertThat(new ClassDataArchives(dir.resolve("cds")).use("a", JAVA, launcherJar() + ":" + dir.resolve("classes")))
                .isSameAs(ClassDataArchives.Use.NONE);
        assertThat(new ClassDataArchives(null).use("a", JAVA, launcherJar().toString())).isSameAs(ClassDataArchives.Use.NONE);
    }

    record Launch(int rc, String stdout) {}

    private Launch launch(ClassDataArchives.Use use, Path jar, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA.toString()));
        cmd.addAll(use.options());
        cmd.addAll(List.of(extra));
        cmd.addAll(List.of("-cp", jar.toString(), "Hello"));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Launch(p.waitFor(), out);
    }

    /** A jar with one main that prints a word, compiled here. */
    private Path launcherJar() throws Exception {
        Path jar = dir.resolve("hello.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Path src = Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(\"LauncherMain\"); } }");
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.resolve("out").toString(),
                src.toString());
        assertThat(rc).isZero();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(dir.resolve("out/Hello.class")));
            out.closeEntry();
        }
        return jar;
    }
}
