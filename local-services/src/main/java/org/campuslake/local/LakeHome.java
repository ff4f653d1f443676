package org.campuslake.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The local working area ({@code .lake/} at the repository root by default): everything the local mode
 * writes lives here, so deleting it resets the machine. Never committed.
 */
public final class LakeHome {
    private final Path root;

    public LakeHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The {@code lake.home} system property, else {@code $LAKE_HOME}, else {@code ./.lake}. */
    public static LakeHome fromEnvironment() {
        String dir = System.getProperty("lake.home");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("LAKE_HOME");
        }
        return new LakeHome(Path.of(dir == null || dir.isBlank() ? ".lake" : dir));
    }

    public Path root() { return root; }
    public Path mariadbBase() { return root.resolve("mariadb/base"); }
    public Path mariadbData() { return root.resolve("mariadb/data"); }
    public Path tmp() { return root.resolve("tmp"); }
    public Path logs() { return root.resolve("logs"); }
    public Path run() { return root.resolve("run"); }
    public Path secrets() { return root.resolve("secrets"); }
    public Path servicesState() { return run().resolve("services.properties"); }

    /** Creates the layout; the secrets folder is readable by its owner only. */
    public LakeHome ensureLayout() {
        try {
            for (Path p : new Path[] {root, tmp(), logs(), run(), root.resolve("mariadb")}) {
                Files.createDirectories(p);
            }
            if (!Files.isDirectory(secrets())) {
                Files.createDirectories(secrets());
            }
            Files.setPosixFilePermissions(secrets(), PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lake home " + root + ": " + e.getMessage(), e);
        }
        return this;
    }

    @Override
    public String toString() { return root.toString(); }
}
