package org.campuslake.seed.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void sameKeysGiveSameDrawsWhateverCameBefore() {
        Rng a = Rng.of(42, 7, 1000);
        Rng.of(42, 1).nextLong(); // unrelated draws in between change nothing
        Rng b = Rng.of(42, 7, 1000);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void differentSeedOrKeyGivesDifferentStreams() {
        assertThat(Rng.of(42, 7, 1).nextLong()).isNotEqualTo(Rng.of(43, 7, 1).nextLong());
        assertThat(Rng.of(42, 7, 1).nextLong()).isNotEqualTo(Rng.of(42, 7, 2).nextLong());
        assertThat(Rng.of(42, 1, 2).nextLong()).isNotEqualTo(Rng.of(42, 2, 1).nextLong());
    }

    @Test
    void distributionsHaveTheirMoments() {
        Rng r = Rng.of(1, 2, 3);
        int n = 200_000;
        double sum = 0;
        double sq = 0;
        double pois = 0;
        for (int i = 0; i < n; i++) {
            double g = r.gaussian();
            sum += g;
            sq += g * g;
            pois += r.poisson(4.5);
            int k = r.nextInt(10);
            assertThat(k).isBetween(0, 9);
            double u = r.nextDouble();
            assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
        }
        assertThat(sum / n).isCloseTo(0, within(0.01));
        assertThat(Math.sqrt(sq / n)).isCloseTo(1, within(0.01));
        assertThat(pois / n).isCloseTo(4.5, within(0.03));
        assertThat(Rng.of(1).poisson(500)).isBetween(400, 600);
    }

    @Test
    void weightedPicksFollowTheWeights() {
        double[] cumulative = {1, 4, 10}; // weights 1, 3, 6
        int[] hits = new int[3];
        Rng r = Rng.of(5);
        for (int i = 0; i < 100_000; i++) {
            hits[r.weighted(cumulative)]++;
        }
        assertThat(hits[0] / 100_000.0).isCloseTo(0.1, within(0.01));
        assertThat(hits[1] / 100_000.0).isCloseTo(0.3, within(0.01));
        assertThat(hits[2] / 100_000.0).isCloseTo(0.6, within(0.01));
    }
}
