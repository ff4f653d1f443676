package org.campuslake.seed.gen;

import java.util.List;

/**
 * Keyed randomness: every draw is a pure function of (seed, keys), never of how many draws came before, so the
 * same day simulated from memory or from a reloaded database gives the same rows. SplitMix64 mixing;
 * StrictMath so results do not depend on the JVM's intrinsics.
 */
public final class Rng {
    private long state;

    private Rng(long state) {
        this.state = state;
    }

    public static Rng of(long seed, long... keys) {
        long h = mix64(seed ^ 0x9E3779B97F4A7C15L);
        for (long k : keys) {
            h = mix64(h ^ mix64(k + 0x632BE59BD9B4E019L));
        }
        return new Rng(h);
    }

    /** Stable 64-bit code for a string key (String.hashCode is only 32 bits). */
    public static long key(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix64(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0");
        }
        return (int) ((nextLong() >>> 33) % bound);
    }

    public int between(int lo, int hiInclusive) {
        return lo + nextInt(hiInclusive - lo + 1);
    }

    public boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Standard normal (Box-Muller). */
    public double gaussian() {
        double u1 = nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** Poisson by inversion for small means, normal approximation above 50. */
    public int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gaussian()));
        }
        double l = StrictMath.exp(-mean);
        double p = nextDouble();
        int k = 0;
        double term = l;
        double cdf = l;
        while (p > cdf && k < 1000) {
            k++;
            term *= mean / k;
            cdf += term;
        }
        return k;
    }

    public <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** Index drawn with probability proportional to cumulative weights (ascending, last = total). */
    public int weighted(double[] cumulative) {
        double x = nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
