package org.freshears.audio;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
 * constants as in Vigna's reference splitmix64.c, https://prng.di.unimi.it/splitmix64.c). Written out
 * here rather than taken from {@code java.util.SplittableRandom}, whose algorithm the JDK may change:
 * seeded dither must give the same bits on every JDK for a session to replay.
 */
public final class SplitMix64 {
    /** The golden-ratio increment 0x9E3779B97F4A7C15 = 2^64 / phi (Steele et al.). */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits: the top 53 bits times 2^-53 (exact, no rounding). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** The splitmix64 output mix (multipliers from Vigna's reference implementation). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
