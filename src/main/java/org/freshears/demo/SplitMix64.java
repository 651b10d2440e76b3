package org.freshears.demo;

/**
 * The SplitMix64 generator (Steele, Lea and Flood, "Fast Splittable Pseudorandom Number Generators",
 * OOPSLA 2014; constants from Vigna's reference C code at prng.di.unimi.it/splitmix64.c). Written out
 * rather than using {@code java.util.Random} so the stream is fixed by this file alone, on every JVM.
 */
final class SplitMix64 {
    /** The golden-ratio increment 2^64 / phi, from the reference code. */
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        state += GAMMA;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits (exact in a double). */
    double nextUnit() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1): white noise. */
    double nextSigned() {
        return 2 * nextUnit() - 1;
    }
}
