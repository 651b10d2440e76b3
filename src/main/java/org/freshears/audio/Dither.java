package org.freshears.audio;

import java.util.Objects;

/**
 * How samples are requantised to integers: no dither (plain rounding), TPDF dither, or TPDF dither
 * with error-feedback {@link NoiseShaping} ({@code enabled} says whether TPDF dither is added). The seed is part of the settings so a recorded session
 * renders the same bits again; each channel draws from its own stream derived from it.
 *
 * <p>TPDF dither is the sum of two independent uniforms of 1 LSB width: triangular on (-1, 1) LSB,
 * variance 1/6 LSB^2. It is the least-power dither that makes the first two moments of the total
 * error independent of the signal (Wannamaker, Lipshitz and Vanderkooy, "A theory of
 * nonsubtractive dither", IEEE Trans. Signal Processing 48(2), 2000), so the error is white noise of
 * 1/6 + 1/12 = 1/4 LSB^2 with no distortion or noise modulation.
 */
public record Dither(boolean enabled, NoiseShaping shaping, long seed) {
    /** The seed used unless one is given: the ASCII bytes of "FRESHEAR". */
    public static final long DEFAULT_SEED = 0x4652455348454152L;

    public Dither {
        Objects.requireNonNull(shaping, "shaping");
        if (!enabled && shaping != NoiseShaping.NONE) {
            throw new IllegalArgumentException("noise shaping needs TPDF dither (undithered error feedback "
                    + "can limit-cycle), got shaping " + shaping + " without dither");
        }
        if (!enabled && seed != 0) {
            throw new IllegalArgumentException("a seed only applies to TPDF dither, got seed " + seed
                    + " without dither");
        }
    }

    /** Plain rounding to the nearest code. */
    public static Dither none() {
        return new Dither(false, NoiseShaping.NONE, 0);
    }

    /** TPDF dither, no shaping, the default seed. */
    public static Dither tpdf() {
        return tpdf(DEFAULT_SEED);
    }

    public static Dither tpdf(long seed) {
        return new Dither(true, NoiseShaping.NONE, seed);
    }

    /** TPDF dither with Wannamaker's 9-tap F-weighted noise shaping, the default seed. */
    public static Dither shaped() {
        return shaped(NoiseShaping.WANNAMAKER_9, DEFAULT_SEED);
    }

    public static Dither shaped(NoiseShaping shaping, long seed) {
        return new Dither(true, shaping, seed);
    }

    /** A copy with another seed. */
    public Dither seed(long newSeed) {
        return new Dither(enabled, shaping, newSeed);
    }

    /** A copy with other noise shaping (turns TPDF on). */
    public Dither shaping(NoiseShaping newShaping) {
        return new Dither(true, newShaping, enabled ? seed : DEFAULT_SEED);
    }

    public boolean isNone() {
        return !enabled;
    }

    /**
     * Fresh quantiser state for one channel. Channel c draws from xoshiro256** seeded with the
     * (c+1)-th SplitMix64 output of the seed, so channels get independent streams and adding a
     * channel does not change the others.
     */
    public DitherQuantizer quantizer(int channel) {
        if (channel < 0) {
            throw new IllegalArgumentException("channel must be >= 0, got " + channel);
        }
        if (!enabled) {
            return new DitherQuantizer(null, shaping.feedbackCoefficients());
        }
        SplitMix64 channelSeeds = new SplitMix64(seed);
        long channelSeed = 0;
        for (int c = 0; c <= channel; c++) {
            channelSeed = channelSeeds.nextLong();
        }
        return new DitherQuantizer(Xoshiro256StarStar.seeded(channelSeed), shaping.feedbackCoefficients());
    }

    @Override
    public String toString() {
        if (!enabled) {
            return "Dither[none]";
        }
        return "Dither[tpdf, shaping=" + shaping + ", seed=0x" + Long.toHexString(seed) + "]";
    }
}
