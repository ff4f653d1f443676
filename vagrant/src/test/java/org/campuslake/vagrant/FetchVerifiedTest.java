package org.campuslake.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provisioning's checked download ({@code fetch_verified} in provision/common.sh), run by bash on file:// URLs:
 * a file is used only when its SHA-512 matches, a bad one is deleted, the cache makes the second run offline.
 */
class FetchVerifiedTest {
    @TempDir
    Path dir;
    Path cache;
    Path file;
    String sha512;

    @BeforeAll
    static void tools() throws Exception {
        HostTools.require("curl", "curl");
    }

    @BeforeEach
    void artifact() throws Exception {
        cache = dir.resolve("cache");
        file = dir.resolve("mirror/tool-1.0.tar.gz");
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[100_000];
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);
        sha512 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    }

    HostTools.Result fetch(Map<String, String> settings) throws Exception {
        Map<String, String> env = new HashMap<>(settings);
        env.put("LAKE_CACHE_DIR", cache.toString());
        return HostTools.bash("source provision/common.sh && fetch_verified TOOL", env);
    }

    @Test
    void aPinnedFileIsDownloadedOnceThenServedFromTheCache() throws Exception {
        HostTools.Result first = fetch(Map.of("TOOL_URL", file.toUri().toString(), "TOOL_SHA512", sha512));
        assertThat(first.exit()).as(first.output()).isZero();
        Path cached = cache.resolve("tool-1.0.tar.gz");
        assertThat(first.output()).contains("downloading").endsWith(cached + "\n");
        assertThat(cached).hasSameBinaryContentAs(file);

        // Offline: the mirror is gone, the cache still serves the file.
        Files.delete(file);
        HostTools.Result second = fetch(Map.of("TOOL_URL", "file://" + file, "TOOL_SHA512", sha512));
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output()).contains("from the download cache").doesNotContain("downloading");
    }

    @Test
    void aFileWithTheWrongChecksumIsRefusedAndDeleted() throws Exception {
        String wrong = sha512.substring(0, 127) + (sha512.endsWith("0") ? "1" : "0");
        HostTools.Result r = fetch(Map.of("TOOL_URL", file.toUri().toString(), "TOOL_SHA512", wrong));
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("SHA-512 mismatch: expected " + wrong + ", got " + sha512)
                .contains("failed its checksum and was deleted");
        assertThat(cache.resolve("tool-1.0.tar.gz")).doesNotExist();
        assertThat(cache.resolve("tool-1.0.tar.gz.part")).doesNotExist();
    }

    @Test
    void aCorruptedCachedFileIsDownloadedAgain() throws Exception {
        Files.createDirectories(cache);
        Files.writeString(cache.resolve("tool-1.0.tar.gz"), "truncated");
        HostTools.Result r = fetch(Map.of("TOOL_URL", file.toUri().toString(), "TOOL_SHA512", sha512));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("does not verify; downloading it again");
        assertThat(cache.resolve("tool-1.0.tar.gz")).hasSameBinaryContentAs(file);
    }

    /** The three layouts Apache projects publish: GNU coreutils, BSD tag naming an RC file, GnuPG's groups. */
    @Test
    void anUnpinnedFileIsCheckedAgainstThePublishedChecksumInEveryLayout() throws Exception {
        String upper = sha512.toUpperCase(Locale.ROOT);
        StringBuilder gpg = new StringBuilder("tool-1.0.tar.gz: ");
        for (int i = 0; i < 128; i += 8) {
            gpg.append(upper, i, i + 8).append(i == 56 ? "\n                 " : " ");
        }
        for (String published : new String[] {sha512 + "  tool-1.0.tar.gz\n",
                "SHA512 (tool-1.0-RC1.tar.gz) = " + sha512 + "\n", gpg + "\n"}) {
            Path sums = dir.resolve("mirror/tool-1.0.tar.gz.sha512");
            Files.writeString(sums, published);
            HostTools.deleteTree(cache);
            HostTools.Result r = fetch(Map.of("TOOL_URL", file.toUri().toString(),
                    "TOOL_CHECKSUM_URL", sums.toUri().toString()));
            assertThat(r.exit()).as("%s\n%s", published, r.output()).isZero();
            assertThat(r.output()).contains("pin it in versions.env: TOOL_SHA512=" + sha512);
        }
    }

    @Test
    void anUnpinnedFileThatDoesNotMatchItsPublishedChecksumIsRefused() throws Exception {
        Path sums = dir.resolve("mirror/tool-1.0.tar.gz.sha512");
        Files.writeString(sums, "0".repeat(128) + "  tool-1.0.tar.gz\n");
        HostTools.Result r = fetch(Map.of("TOOL_URL", file.toUri().toString(),
                "TOOL_CHECKSUM_URL", sums.toUri().toString()));
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("does not match the published checksum");
        assertThat(cache.resolve("tool-1.0.tar.gz")).doesNotExist();
    }

    @Test
    void requirePinsRefusesAnUnpinnedFile() throws Exception {
        HostTools.Result r = fetch(Map.of("TOOL_URL", file.toUri().toString(), "LAKE_REQUIRE_PINS", "1",
                "TOOL_CHECKSUM_URL", "file:///nowhere"));
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("TOOL is not pinned (TOOL_SHA512 is empty in versions.env)");
    }

    /** versions.env itself: every download has a URL and a way to check it; pins are SHA-512s. */
    @Test
    void everyPinnedVersionHasAChecksum() throws Exception {
        Properties v = new Properties();
        try (var in = Files.newBufferedReader(HostTools.VAGRANT_DIR.resolve("versions.env"))) {
            v.load(in);
        }
        for (String key : v.stringPropertyNames()) {
            if (key.endsWith("_URL") && !key.endsWith("_CHECKSUM_URL")) {
                String name = key.substring(0, key.length() - "_URL".length());
                assertThat(v.getProperty(key)).startsWith("https://");
                String pin = v.getProperty(name + "_SHA512", "");
                assertThat(pin.isEmpty() ? v.getProperty(name + "_CHECKSUM_URL") : pin)
                        .as("%s needs %s_SHA512 or %s_CHECKSUM_URL", name, name, name).isNotBlank();
                if (!pin.isEmpty()) {
                    assertThat(pin).as(name).matches("[0-9a-f]{128}");
                }
            }
        }
        assertThat(v).containsEntry("HADOOP_VERSION", "3.3.6").containsEntry("HIVE_VERSION", "3.1.3")
                .containsEntry("SPARK_VERSION", "3.5.1").containsEntry("SQOOP_VERSION", "1.4.7")
                .containsEntry("OOZIE_VERSION", "5.2.1");
    }
}
