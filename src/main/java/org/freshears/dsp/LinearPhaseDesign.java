package org.freshears.dsp;

import java.util.List;

/**
 * Designs the linear-phase twin of an IIR cascade: a symmetric FIR whose magnitude is the cascade's |H|
 * and whose phase is a pure delay of {@code (taps - 1) / 2} frames (frequency sampling, e.g. J. O. Smith,
 * "Spectral Audio Signal Processing", "Window method" / "Frequency sampling method").
 *
 * <p>Steps: sample |H| (the product of the sections' magnitudes) on a dense grid of M points around the
 * circle, with zero phase; an inverse {@link Fft} gives the zero-phase impulse response, real and even,
 * time-aliased with period M; keep the centre {@code -D..D} taps, taper the outer half of each side with
 * a raised cosine (a Tukey window, flat where the response still has energy), and delay by D.
 *
 * <p><b>Length.</b> The zero-phase response decays like r^|n|, r being the largest radius of the
 * cascade's poles and zeros (|H| has its singularities there), so D is chosen where r^D falls to
 * {@value #DECAY_DB} dB: {@code D = ln(10^(-100/20)) / ln r}, rounded up to 2^k - 1 and clamped to
 * [{@value #MIN_HALF_TAPS}, {@value #MAX_HALF_TAPS}]. Taps are {@code 2D + 1}: 8191 to 65535. The
 * lowest, sharpest filters need the most: an 8th-order high-pass at 20 Hz at 48 kHz wants D ~ 22 500 and
 * gets 32 767 (0.68 s each side). At 96 kHz and above, or with a very high Q at a low frequency, D is
 * clamped and the FIR departs from |H| near the lowest frequencies (the design is exact to ~0.1 dB from
 * about two octaves above the filter's frequency). A notch has zeros on the unit circle (r = 1): its
 * |H| has a kink, the response never decays geometrically, D is the maximum and the null is finite.
 * The grid has M = 8 (D + 1) points, so the aliased copies sit 7 D away, far below the -100 dB tail.
 */
public final class LinearPhaseDesign {
    public static final int MIN_HALF_TAPS = 4095;
    public static final int MAX_HALF_TAPS = 32767;
    public static final double DECAY_DB = -100;

    private LinearPhaseDesign() {
    }

    /** The half length D (taps = 2D + 1) for the cascade at the sample rate. */
    public static int halfTaps(List<BiquadCoefficients> sections) {
        double r = 0;
        boolean notch = false;
        for (BiquadCoefficients c : sections) {
            r = Math.max(r, slowestRadius(1, c.a1(), c.a2()));
            r = Math.max(r, slowestRadius(c.b0(), c.b1(), c.b2()));
            notch |= hasZerosOnTheCircle(c);
        }
        long needed = 1;
        if (notch) {
            needed = MAX_HALF_TAPS;
        } else if (r > 0) {
            needed = (long) Math.ceil(StrictMath.log(StrictMath.pow(10, DECAY_DB / 20)) / StrictMath.log(r));
        }
        int half = MIN_HALF_TAPS;
        while (half < needed && half < MAX_HALF_TAPS) {
            half = 2 * half + 1;
        }
        return half;
    }

    /** The symmetric FIR (odd length 2D + 1, peak delay D) matching the cascade's magnitude. */
    public static double[] design(List<BiquadCoefficients> sections) {
        int half = halfTaps(sections);
        double[] magnitude = new double[gridPoints(half) / 2 + 1];
        int grid = gridPoints(half);
        for (int k = 0; k < magnitude.length; k++) {
            double w = 2 * StrictMath.PI * k / grid;
            double c1 = StrictMath.cos(w);
            double s1 = StrictMath.sin(w);
            double c2 = c1 * c1 - s1 * s1;
            double s2 = 2 * s1 * c1;
            double mag = 1;
            for (BiquadCoefficients c : sections) {
                double nr = c.b0() + c.b1() * c1 + c.b2() * c2;
                double ni = -(c.b1() * s1 + c.b2() * s2);
                double dr = 1 + c.a1() * c1 + c.a2() * c2;
                double di = -(c.a1() * s1 + c.a2() * s2);
                mag *= Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
            }
            magnitude[k] = mag;
        }
        return fromMagnitude(magnitude, half);
    }

    /** The frequency grid a design of half length D samples: M = 8 (D + 1) points around the circle. */
    public static int gridPoints(int half) {
        return 8 * (half + 1);
    }

    /**
     * The symmetric FIR (odd length 2D + 1, peak delay D) whose magnitude is sampled in {@code magnitude}:
     * |H| at w = 2 pi k / M for k = 0 .. M/2, M = {@link #gridPoints}(D), with zero phase (the steps above).
     * Any magnitude a caller can sample this way gets the same treatment as a cascade's (a match EQ's curve).
     */
    public static double[] fromMagnitude(double[] magnitude, int half) {
        int grid = gridPoints(half);
        if (magnitude.length != grid / 2 + 1) {
            throw new IllegalArgumentException("a design of half length " + half + " needs " + (grid / 2 + 1)
                    + " magnitudes, got " + magnitude.length);
        }
        double[] re = new double[grid];
        double[] im = new double[grid];
        for (int k = 0; k <= grid / 2; k++) {
            re[k] = magnitude[k];
            if (k > 0 && k < grid / 2) {
                re[grid - k] = magnitude[k];
            }
        }
        new Fft(grid).inverse(re, im);
        double[] taps = new double[2 * half + 1];
        int flat = half / 2;
        for (int n = -half; n <= half; n++) {
            int a = Math.abs(n);
            double window = 1;
            if (a > flat) {
                window = 0.5 * (1 + StrictMath.cos(StrictMath.PI * (a - flat) / (half - flat + 1)));
            }
            // The zero-phase response is real and even: use the mean of the two mirror samples so the
            // taps are exactly symmetric whatever the FFT's rounding.
            double v = n == 0 ? re[0] : 0.5 * (re[Math.floorMod(n, grid)] + re[Math.floorMod(-n, grid)]);
            taps[half + n] = v * window;
        }
        return taps;
    }

    /**
     * The radius, folded inside the unit circle, of the root of {@code p0 x^2 + p1 x + p2} (or of the
     * first-order {@code p0 x + p1} when p2 = 0) nearest the circle, ignoring roots on the circle: those
     * (a notch's zeros, a high-pass's zeros at DC) give |H| a power-law kink or a smooth even zero rather
     * than a geometric tail, and no length fixes the former.
     */
    static double slowestRadius(double p0, double p1, double p2) {
        if (p2 == 0) {
            return p0 == 0 ? 0 : fold(Math.abs(p1 / p0));
        }
        double b = p1 / p0;
        double c = p2 / p0;
        double disc = b * b - 4 * c;
        if (disc < 0) {
            return fold(Math.sqrt(c));
        }
        double s = Math.sqrt(disc);
        return Math.max(fold(Math.abs((-b + s) / 2)), fold(Math.abs((-b - s) / 2)));
    }

    /**
     * True for a complex pair of zeros on the unit circle (a notch): |H| then has a V-shaped null that
     * a FIR can only round off, the more sharply the longer it is, so such a design gets the maximum
     * length. Real zeros at DC or Nyquist (high-pass, band-pass) are left alone: there the rounding only
     * limits how deep the response goes at the very ends of the band.
     */
    static boolean hasZerosOnTheCircle(BiquadCoefficients c) {
        if (c.b2() == 0 || c.b0() == 0) {
            return false;
        }
        double b = c.b1() / c.b0();
        double p = c.b2() / c.b0();
        return b * b - 4 * p < 0 && Math.abs(p - 1) < 1e-9;
    }

    private static double fold(double radius) {
        double r = radius > 1 ? 1 / radius : radius;
        return r > 1 - 1e-9 ? 0 : r;
    }
}
