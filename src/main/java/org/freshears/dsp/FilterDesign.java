package org.freshears.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Coefficient formulas for the EQ filters, computed with StrictMath only so that the same settings give
 * the same coefficient bits on every JVM.
 *
 * <p>Bell, shelves, notch, band-pass and the second-order low-, high- and all-passes follow
 * R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter coefficients" (the "Audio EQ
 * Cookbook", W3C Audio WG note of 2021, the text of the 2005 musicdsp.org version):
 * {@code A = 10^(dBgain/40)}, {@code w0 = 2 pi f0 / Fs}, {@code alpha = sin(w0) / (2 Q)} and, for shelves
 * given by their slope S, {@code alpha = sin(w0)/2 * sqrt((A + 1/A)(1/S - 1) + 2)}. Because these sections
 * all come from the same bilinear mapping, analog identities carry over exactly: at one corner with
 * {@link #BUTTERWORTH_Q}, LP^2 + HP^2 equals the all-pass (the Linkwitz-Riley property {@link Crossover}
 * relies on).
 *
 * <p>Butterworth high- and low-passes are the analog Butterworth prototype of order n factored into
 * second-order sections with pole quality factors {@code Q_k = 1 / (2 sin((2k - 1) pi / (2n)))},
 * k = 1..floor(n/2), plus one first-order section for odd n (the real pole at s = -1); see e.g.
 * U. Zölzer, "Digital Audio Signal Processing", 2nd ed., ch. 5, or any table of normalised Butterworth
 * polynomials. Each section goes through the bilinear transform prewarped at the cut-off,
 * {@code K = tan(pi fc / Fs)} (Zölzer, "DAFX", 2nd ed., table 2.2), so every order is exactly
 * -3.01 dB at fc and its magnitude is {@code 1 / sqrt(1 + (tan(pi f/Fs) / K)^(+-2n))}.
 */
public final class FilterDesign {
    /** Orders 1..8 are 6..48 dB per octave: each pole adds 20 log10(2) = 6.02 dB per octave. */
    public static final int MAX_BUTTERWORTH_ORDER = 8;
    /** Q of a second-order Butterworth section, 1/sqrt(2) (maximally flat). */
    public static final double BUTTERWORTH_Q = StrictMath.sqrt(0.5);

    private FilterDesign() {
    }

    /** RBJ peaking EQ ("bell"): gainDb at freqHz, bandwidth set by q. */
    public static BiquadCoefficients peaking(double freqHz, double gainDb, double q, double sampleRate) {
        Corner w = Corner.of(freqHz, q, sampleRate);
        double a = StrictMath.pow(10, gainDb / 40);
        return BiquadCoefficients.of(
                1 + w.alpha * a, -2 * w.cos, 1 - w.alpha * a,
                1 + w.alpha / a, -2 * w.cos, 1 - w.alpha / a);
    }

    /** RBJ low shelf: gainDb below freqHz, gainDb/2 at freqHz (the shelf midpoint), corner shaped by q. */
    public static BiquadCoefficients lowShelf(double freqHz, double gainDb, double q, double sampleRate) {
        Corner w = Corner.of(freqHz, q, sampleRate);
        return lowShelf(StrictMath.pow(10, gainDb / 40), w.cos, w.alpha);
    }

    /** RBJ high shelf: gainDb above freqHz, gainDb/2 at freqHz, corner shaped by q. */
    public static BiquadCoefficients highShelf(double freqHz, double gainDb, double q, double sampleRate) {
        Corner w = Corner.of(freqHz, q, sampleRate);
        return highShelf(StrictMath.pow(10, gainDb / 40), w.cos, w.alpha);
    }

    /** RBJ low shelf by shelf slope S (0 < S <= 1; S = 1 is the steepest monotonic shelf). */
    public static BiquadCoefficients lowShelfBySlope(double freqHz, double gainDb, double slope, double sampleRate) {
        checkFrequency(freqHz, sampleRate);
        return lowShelf(freqHz, gainDb, shelfQ(gainDb, slope), sampleRate);
    }

    /** RBJ high shelf by shelf slope S (0 < S <= 1). */
    public static BiquadCoefficients highShelfBySlope(double freqHz, double gainDb, double slope,
            double sampleRate) {
        checkFrequency(freqHz, sampleRate);
        return highShelf(freqHz, gainDb, shelfQ(gainDb, slope), sampleRate);
    }

    /**
     * The Q equivalent to shelf slope S: {@code 1/Q = sqrt((A + 1/A)(1/S - 1) + 2)} (RBJ cookbook). S = 1
     * gives Q = 1/sqrt(2) whatever the gain.
     */
    public static double shelfQ(double gainDb, double slope) {
        if (!(slope > 0 && slope <= 1)) {
            throw new IllegalArgumentException("slope must be in (0, 1], got " + format(slope));
        }
        double a = StrictMath.pow(10, gainDb / 40);
        return 1 / StrictMath.sqrt((a + 1 / a) * (1 / slope - 1) + 2);
    }

    /** RBJ notch: unity gain away from freqHz, a zero on the unit circle at freqHz; q sets the width. */
    public static BiquadCoefficients notch(double freqHz, double q, double sampleRate) {
        Corner w = Corner.of(freqHz, q, sampleRate);
        return BiquadCoefficients.of(1, -2 * w.cos, 1, 1 + w.alpha, -2 * w.cos, 1 - w.alpha);
    }

    /** RBJ band-pass with constant 0 dB peak gain at freqHz. */
    public static BiquadCoefficients bandPass(double freqHz, double q, double sampleRate) {
        Corner w = Corner.of(freqHz, q, sampleRate);
        return BiquadCoefficients.of(w.alpha, 0, -w.alpha, 1 + w.alpha, -2 * w.cos, 1 - w.alpha);
    }

    /** RBJ second-order low-pass (LPF); q = {@link #BUTTERWORTH_Q} is the 2nd-order Butterworth. */
    public static BiquadCoefficients lowPass(double freqHz, double q, double sampleRate) {
        Corner w = Corner.of(freqHz, q, sampleRate);
        return BiquadCoefficients.of((1 - w.cos) / 2, 1 - w.cos, (1 - w.cos) / 2,
                1 + w.alpha, -2 * w.cos, 1 - w.alpha);
    }

    /** RBJ second-order high-pass (HPF); q = {@link #BUTTERWORTH_Q} is the 2nd-order Butterworth. */
    public static BiquadCoefficients highPass(double freqHz, double q, double sampleRate) {
        Corner w = Corner.of(freqHz, q, sampleRate);
        return BiquadCoefficients.of((1 + w.cos) / 2, -(1 + w.cos), (1 + w.cos) / 2,
                1 + w.alpha, -2 * w.cos, 1 - w.alpha);
    }

    /** RBJ all-pass (APF): unit magnitude, phase turning through -180 degrees at freqHz. */
    public static BiquadCoefficients allPass(double freqHz, double q, double sampleRate) {
        Corner w = Corner.of(freqHz, q, sampleRate);
        return BiquadCoefficients.of(1 - w.alpha, -2 * w.cos, 1 + w.alpha, 1 + w.alpha, -2 * w.cos, 1 - w.alpha);
    }

    /**
     * The cookbook's shared intermediates {@code cos(w0)} and {@code alpha = sin(w0) / (2 Q)} at
     * {@code w0 = 2 pi f0 / Fs}, after checking the frequency, then Q.
     */
    private record Corner(double cos, double alpha) {
        static Corner of(double freqHz, double q, double sampleRate) {
            checkFrequency(freqHz, sampleRate);
            checkQ(q);
            double w0 = 2 * StrictMath.PI * freqHz / sampleRate;
            return new Corner(StrictMath.cos(w0), StrictMath.sin(w0) / (2 * q));
        }
    }

    /** Butterworth high-pass of the given order (1..8, i.e. 6..48 dB/oct), as cascaded sections. */
    public static List<BiquadCoefficients> butterworthHighPass(double freqHz, int order, double sampleRate) {
        return butterworth(freqHz, order, sampleRate, true);
    }

    /** Butterworth low-pass of the given order (1..8), as cascaded sections. */
    public static List<BiquadCoefficients> butterworthLowPass(double freqHz, int order, double sampleRate) {
        return butterworth(freqHz, order, sampleRate, false);
    }

    /** The pole quality factors of the order-n Butterworth polynomial, one per second-order section. */
    public static double[] butterworthPoleQs(int order) {
        checkOrder(order);
        double[] qs = new double[order / 2];
        for (int k = 1; k <= order / 2; k++) {
            qs[k - 1] = 1 / (2 * StrictMath.sin((2 * k - 1) * StrictMath.PI / (2 * order)));
        }
        return qs;
    }

    private static List<BiquadCoefficients> butterworth(double freqHz, int order, double sampleRate,
            boolean highPass) {
        checkFrequency(freqHz, sampleRate);
        checkOrder(order);
        double k = StrictMath.tan(StrictMath.PI * freqHz / sampleRate);
        double kk = k * k;
        List<BiquadCoefficients> sections = new ArrayList<>();
        for (double q : butterworthPoleQs(order)) {
            // Bilinear transform of 1/(s^2 + s/Q + 1) (low-pass) or s^2/(...) (high-pass), s = (1/K)(1-z^-1)/(1+z^-1).
            double a0 = 1 + k / q + kk;
            double a1 = 2 * (kk - 1);
            double a2 = 1 - k / q + kk;
            sections.add(highPass
                    ? BiquadCoefficients.of(1, -2, 1, a0, a1, a2)
                    : BiquadCoefficients.of(kk, 2 * kk, kk, a0, a1, a2));
        }
        if (order % 2 == 1) {
            // Bilinear transform of 1/(s + 1) or s/(s + 1): a first-order section (b2 = a2 = 0).
            sections.add(highPass
                    ? BiquadCoefficients.of(1, -1, 0, 1 + k, k - 1, 0)
                    : BiquadCoefficients.of(k, k, 0, 1 + k, k - 1, 0));
        }
        return List.copyOf(sections);
    }

    private static BiquadCoefficients lowShelf(double a, double cos, double alpha) {
        double twoSqrtAAlpha = 2 * StrictMath.sqrt(a) * alpha;
        return BiquadCoefficients.of(
                a * ((a + 1) - (a - 1) * cos + twoSqrtAAlpha),
                2 * a * ((a - 1) - (a + 1) * cos),
                a * ((a + 1) - (a - 1) * cos - twoSqrtAAlpha),
                (a + 1) + (a - 1) * cos + twoSqrtAAlpha,
                -2 * ((a - 1) + (a + 1) * cos),
                (a + 1) + (a - 1) * cos - twoSqrtAAlpha);
    }

    private static BiquadCoefficients highShelf(double a, double cos, double alpha) {
        double twoSqrtAAlpha = 2 * StrictMath.sqrt(a) * alpha;
        return BiquadCoefficients.of(
                a * ((a + 1) + (a - 1) * cos + twoSqrtAAlpha),
                -2 * a * ((a - 1) + (a + 1) * cos),
                a * ((a + 1) + (a - 1) * cos - twoSqrtAAlpha),
                (a + 1) - (a - 1) * cos + twoSqrtAAlpha,
                2 * ((a - 1) - (a + 1) * cos),
                (a + 1) - (a - 1) * cos - twoSqrtAAlpha);
    }

    /** freqHz must lie strictly inside (0, Nyquist): the formulas degenerate at both ends. */
    public static void checkFrequency(double freqHz, double sampleRate) {
        if (!(sampleRate > 0)) {
            throw new IllegalArgumentException("sampleRate must be > 0, got " + format(sampleRate));
        }
        if (!(freqHz > 0)) {
            throw new IllegalArgumentException("freqHz must be > 0, got " + format(freqHz));
        }
        if (!(freqHz < sampleRate / 2)) {
            throw new IllegalArgumentException("freqHz must be below Nyquist (" + format(sampleRate / 2) + " Hz at "
                    + format(sampleRate) + " Hz), got " + format(freqHz));
        }
    }

    private static void checkQ(double q) {
        if (!(q > 0) || Double.isInfinite(q)) {
            throw new IllegalArgumentException("q must be > 0, got " + format(q));
        }
    }

    private static void checkOrder(int order) {
        if (order < 1 || order > MAX_BUTTERWORTH_ORDER) {
            throw new IllegalArgumentException("order must be 1.." + MAX_BUTTERWORTH_ORDER + ", got " + order);
        }
    }

    /** True when the section is exactly H(z) = 1 (numerator equal to denominator), so it can be skipped. */
    public static boolean isPassThrough(BiquadCoefficients c) {
        return c.b0() == 1 && c.b1() == c.a1() && c.b2() == c.a2();
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
