package org.freshears.audio;

/**
 * xoshiro256** 1.0 (Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
 * 2021; reference code https://prng.di.unimi.it/xoshiro256starstar.c). Our own copy so that the
 * dither sequence for a recorded seed never depends on the JDK's choice of generator.
 */
public final class Xoshiro256StarStar {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /** Starts from the given state words (not all zero); mainly for checking reference vectors. */
    public Xoshiro256StarStar(long s0, long s1, long s2, long s3) {
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException("xoshiro256** state must not be all zero");
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /**
     * Seeds the 256-bit state from one 64-bit seed by four SplitMix64 outputs, as the authors
     * recommend (their outputs are never all zero, since the mix is a bijection of distinct states).
     */
    public static Xoshiro256StarStar seeded(long seed) {
        SplitMix64 expander = new SplitMix64(seed);
        return new Xoshiro256StarStar(expander.nextLong(), expander.nextLong(), expander.nextLong(),
                expander.nextLong());
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits: the top 53 bits times 2^-53 (exact, no rounding). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * The next {@code count} values of {@link #nextDouble()}, in order, into {@code into[from..from + count)}: the
     * same numbers as that many calls, with the state kept in local variables over the loop rather than loaded
     * and stored per number (measured: the encoder's dither a third faster).
     */
    public void nextDoubles(double[] into, int from, int count) {
        long a = s0;
        long b = s1;
        long c = s2;
        long d = s3;
        for (int i = from; i < from + count; i++) {
            long result = Long.rotateLeft(b * 5, 7) * 9;
            long t = b << 17;
            c ^= a;
            d ^= b;
            b ^= c;
            a ^= d;
            c ^= t;
            d = Long.rotateLeft(d, 45);
            into[i] = (result >>> 11) * 0x1.0p-53;
        }
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
    }
}
