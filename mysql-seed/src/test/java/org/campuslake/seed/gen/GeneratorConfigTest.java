package org.campuslake.seed.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {
    private static final LocalDate START = GeneratorConfig.DEFAULT_START;

    @Test
    void rejectsScalesThatAreNotPositiveFiniteNumbers() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 101}) {
            assertThatThrownBy(() -> new GeneratorConfig(bad, 1, START))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("scale factor");
        }
    }

    @Test
    void rejectsStartDatesOutsideTimestampRange() {
        assertThatThrownBy(() -> new GeneratorConfig(1, 1, LocalDate.of(2035, 9, 1)))
                .hasMessageContaining("outside 2000-2030");
        assertThatThrownBy(() -> new GeneratorConfig(1, 1, null)).hasMessageContaining("start date");
    }

    @Test
    void sizesFollowTheScaleFactor() {
        GeneratorConfig sf1 = new GeneratorConfig(1, 1, START);
        assertThat(sf1.campuses()).isEqualTo(20);
        assertThat(sf1.professors()).isEqualTo(300);
        assertThat(sf1.cohortMeanPerCampus() * sf1.campuses() * GeneratorConfig.COHORTS).isCloseTo(10_000.0, within(1e-6));
        GeneratorConfig tiny = new GeneratorConfig(0.01, 1, START);
        assertThat(tiny.campuses()).isEqualTo(4);
        assertThat(tiny.professors()).isEqualTo(4);
        assertThat(sf1.seedEnd()).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(ErpSimulator.historyStart(sf1)).isEqualTo(LocalDate.of(2020, 9, 1));
    }
}
