package org.campuslake.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Password files: one secret per file, owner-read-only (0400), without a trailing newline, generated on first use. Passwords are only
 * ever read from these files: never taken from argv, never printed, never logged.
 */
public final class Secrets {
    private static final Set<PosixFilePermission> OWNER_READ = PosixFilePermissions.fromString("r--------");
    private final Path dir;

    public Secrets(Path dir) {
        this.dir = dir;
    }

    public Secrets(LakeHome home) {
        this(home.secrets());
    }

    public Path file(String name) {
        return dir.resolve(name + ".password");
    }

    /** Reads the secret, creating a random one first if the file does not exist. */
    public String getOrCreate(String name) {
        Path f = file(name);
        if (!Files.exists(f)) {
            write(f, randomPassword());
        }
        return read(name);
    }

    public String read(String name) {
        Path f = file(name);
        try {
            String s = Files.readString(f, StandardCharsets.UTF_8).strip();
            if (s.isEmpty()) {
                throw new IllegalStateException("secret file " + f + " is empty");
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secret file " + f + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    public boolean exists(String name) {
        return Files.exists(file(name));
    }

    private static void write(Path f, String secret) {
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), ".secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            // No trailing newline: Sqoop's --password-file sends the file's bytes as the password.
            Files.writeString(tmp, secret, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.setPosixFilePermissions(tmp, OWNER_READ);
            Files.move(tmp, f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write secret file " + f, e);
        }
    }

    static String randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
