package org.campuslake.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsSettingsTest {
    @TempDir
    Path dir;

    private static AnalyticsSettings of(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return new AnalyticsSettings(p);
    }

    @Test
    void defaultsAndValidation() {
        AnalyticsSettings s = of();
        assertThat(s.source()).isEqualTo("metastore");
        assertThat(s.topN()).isEqualTo(10);
        assertThat(s.minGrades()).isEqualTo(5);
        assertThat(s.forecastConfidence()).isEqualTo(0.95);
        assertThatThrownBy(() -> of("analytics.source", "hdfs").source()).hasMessageContaining("metastore or parquet");
        assertThatThrownBy(() -> of("analytics.top.n", "ten").topN()).hasMessageContaining("analytics.top.n must be a whole number");
        assertThatThrownBy(() -> of("analytics.forecast.confidence", "95").forecastConfidence())
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> s.required("summary.jdbc.url")).hasMessage("missing setting summary.jdbc.url");
    }

    @Test
    void passwordComesFromItsFileOnly() throws IOException {
        Path file = dir.resolve("summary.password");
        Files.write(file, "s3cret\n".getBytes());
        assertThat(of("summary.password.file", file.toString()).summaryPassword()).isEqualTo("s3cret");
        assertThat(of("summary.password.file", file.toUri().toString()).summaryPassword()).isEqualTo("s3cret");
        assertThatThrownBy(() -> of("summary.password.file", dir.resolve("nope").toString()).summaryPassword())
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> of().summaryPassword()).hasMessage("missing setting summary.password.file");
    }
}
