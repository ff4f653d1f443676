package org.campuslake.oozie.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Application class-data sharing for the launcher JVMs: each launcher loads thousands of Hadoop, Sqoop or Hive
 * classes to do seconds of work, and a JVM maps them from an archive faster than it loads them from jars. The first
 * launch of a classpath writes its archive at exit ({@code -XX:ArchiveClassesAtExit}); later launches map it
 * ({@code -XX:SharedArchiveFile}). The archive's name holds a digest of the java executable, the classpath and each
 * jar's size and time, so a rebuilt jar gets a new archive instead of one the JVM would refuse. The JVM's own
 * warnings go to stderr, so an archive problem never reaches an action's stdout (its last line is the action's
 * error, its captured output is read from it). A classpath with a folder of classes gets no archive: the JVM
 * archives from jars only.
 */
final class ClassDataArchives {
    /** The JVM's log: warnings and errors only, to stderr (the default is stdout). */
    private static final List<String> LOG = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");
    private static final AtomicLong PENDING = new AtomicLong();
    private final Path dir;

    /** @param dir where the archives live; null: no archives */
    ClassDataArchives(Path dir) {
        this.dir = dir;
    }

    /** The options of one launch and what to do when it ended. */
    record Use(List<String> options, Path pending, Path archive) {
        static final Use NONE = new Use(List.of(), null, null);

        /** Publishes an archive the launch wrote (the first of several concurrent launches wins). */
        void ended(boolean ok) {
            if (pending == null) {
                return;
            }
            try {
                if (ok && Files.exists(pending) && Files.size(pending) > 0 && !Files.exists(archive)) {
                    Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                // no archive this time: the next launch writes one
            } finally {
                try {
                    Files.deleteIfExists(pending);
                } catch (IOException ignored) {
                    // a leftover .tmp is removed by a later launch
                }
            }
        }
    }

    /** @param name a readable prefix of the archive's name (the application and the launcher kind) */
    Use use(String name, Path java, String classpath) throws IOException {
        if (dir == null) {
            return Use.NONE;
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update((java + "\n" + classpath + "\n").getBytes(StandardCharsets.UTF_8));
        for (String entry : classpath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.isRegularFile(p)) {
                return Use.NONE; // a folder of classes, or a missing entry: the JVM would not archive
            }
            sha.update((Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.createDirectories(dir);
        String key = name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + HexFormat.of().formatHex(sha.digest(), 0, 8);
        Path archive = dir.resolve(key + ".jsa");
        if (Files.isRegularFile(archive)) {
            return new Use(concat("-XX:SharedArchiveFile=" + archive), null, null);
        }
        removeStale();
        Path pending = dir.resolve(key + ".jsa." + ProcessHandle.current().pid() + "-" + PENDING.incrementAndGet() + ".tmp");
        return new Use(concat("-XX:ArchiveClassesAtExit=" + pending), pending, archive);
    }

    private static List<String> concat(String option) {
        return Stream.concat(Stream.of(option), LOG.stream()).toList();
    }

    /** Archives a killed launch left half-written. */
    private void removeStale() throws IOException {
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                if (Files.getLastModifiedTime(f).toMillis() < hourAgo) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
