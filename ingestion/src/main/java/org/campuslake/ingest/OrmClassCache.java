package org.campuslake.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Sqoop generates and compiles a record class for every import (about 3 s of javac). The class only depends on
 * the table's columns and the output format, so it is kept, keyed by both, and handed back to Sqoop with
 * {@code --jar-file}: the delimiters compiled into it are the ones it was generated with.
 */
public final class OrmClassCache {
    private final Path dir;

    public OrmClassCache(Path dir) {
        this.dir = dir;
    }

    public static String className(String table) {
        return "erp_" + table;
    }

    /** The cached jar for this signature, or null. */
    public Path lookup(String table, String signature) {
        // signature: the source schema plus the landing format (the class differs for text and Avro)
        Path jar = dir.resolve(key(table, signature)).resolve(className(table) + ".jar");
        return Files.isRegularFile(jar) ? jar : null;
    }

    /** Keeps the jar Sqoop just built (found in {@code bindir}). */
    public void store(String table, String signature, Path bindir) throws IOException {
        File[] jars = bindir.toFile().listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length != 1) {
            return; // nothing to cache: the next import generates again
        }
        Path target = dir.resolve(key(table, signature));
        Files.createDirectories(target);
        Path tmp = Files.createTempFile(target, "orm", ".jar.tmp");
        Files.copy(jars[0].toPath(), tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target.resolve(className(table) + ".jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    static String key(String table, String signature) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(
                    signature.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(table).append('-');
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", h[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
