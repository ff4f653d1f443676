package org.campuslake.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/** {@code .lake/run/services.properties}: what the services daemon tells the {@code lake} commands. */
public record ServicesState(long pid, int port, int metastorePort, String status, String startedAt, String error) {
    public static final String STARTING = "starting";
    public static final String READY = "ready";
    public static final String FAILED = "failed";

    public static Optional<ServicesState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty(); // being rewritten: the caller polls again
        }
        try {
            return Optional.of(new ServicesState(Long.parseLong(p.getProperty("pid", "0")),
                    Integer.parseInt(p.getProperty("mariadb.port", "0")), Integer.parseInt(p.getProperty("metastore.port", "0")),
                    p.getProperty("status", ""),
                    p.getProperty("started.at", ""), p.getProperty("error")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Written to a temporary file and moved into place, so a reader never sees half a file. */
    public void write(Path file) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("mariadb.port", Integer.toString(port));
        p.setProperty("mariadb.version", EmbeddedMariaDb.MARIADB_VERSION);
        p.setProperty("metastore.port", Integer.toString(metastorePort));
        p.setProperty("status", status);
        p.setProperty("started.at", startedAt);
        if (error != null) {
            p.setProperty("error", error);
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Campus Lake local services (written by the services daemon)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
