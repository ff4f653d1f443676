package org.campuslake.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    @Test
    void createsOwnerReadOnlyRandomSecretsOnceAndKeepsThem(@TempDir Path dir) throws Exception {
        LakeHome home = new LakeHome(dir).ensureLayout();
        Secrets secrets = new Secrets(home);
        String etl = secrets.getOrCreate("etl");
        assertThat(etl).hasSizeGreaterThanOrEqualTo(20).matches("[A-Za-z0-9_-]+");
        assertThat(secrets.getOrCreate("etl")).isEqualTo(etl);
        assertThat(new Secrets(home).read("etl")).isEqualTo(etl);
        assertThat(secrets.getOrCreate("other")).isNotEqualTo(etl);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.file("etl")))).isEqualTo("r--------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.secrets()))).isEqualTo("rwx------");
        assertThatThrownBy(() -> secrets.read("missing")).hasMessageContaining("missing.password");
    }

    @Test
    void servicesStateRoundTrips(@TempDir Path dir) {
        Path f = dir.resolve("run/services.properties");
        ServicesState s = new ServicesState(1234, 3307, 1527, ServicesState.READY, "2026-01-01T00:00:00Z", null);
        s.write(f);
        assertThat(ServicesState.read(f)).contains(s);
        assertThat(ServicesState.read(dir.resolve("absent"))).isEmpty();
    }
}
