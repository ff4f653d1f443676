package org.campuslake.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.campuslake.local.LakeHome;

/**
 * The local pseudonymisation salt: one random line in {@code .lake/secrets/pseudonym-salt/}, a folder only its
 * owner can read. The curated scripts read it through the {@code secure.pseudonym_salt} table, so the salt never
 * appears in a script, a command line or a log; the same salt keeps every pseudonymous key stable across runs.
 */
final class PseudonymSalt {
    private PseudonymSalt() {}

    static Path ensure(LakeHome home) throws IOException {
        Path dir = home.secrets().resolve("pseudonym-salt");
        Path file = dir.resolve("salt.txt");
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            Files.writeString(file, HexFormat.of().formatHex(b) + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        }
        return dir;
    }
}
