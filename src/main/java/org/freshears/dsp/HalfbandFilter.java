package org.freshears.dsp;

/**
 * A linear-phase half-band lowpass (cutoff at a quarter of its running rate) designed as a Kaiser
 * windowed sinc, the building block of the 2x stages of {@link Oversampler}.
 *
 * <p>A half-band filter of length {@code 4K - 1} centred on tap {@code c = 2K - 1} has h[c] = 1/2 and
 * h[c +- 2m] = 0 for m != 0 (sinc zeros), so only the K distinct values at odd distances from the centre
 * need multiplies (they come in symmetric pairs). Its response is antisymmetric about a quarter of the
 * rate: H(f) + H(rate/2 - f) = 1, so the passband ripple equals the stopband ripple (Vaidyanathan,
 * Multirate Systems and Filter Banks, 1993, sec. 4.6.1).
 *
 * <p>Parameters are given relative to the LOW rate of the stage (the rate before interpolation, after
 * decimation): the passband reaches {@code passbandFraction} of it and the stopband starts at
 * {@code 1 - passbandFraction}; the transition band is centred on the low rate's Nyquist frequency.
 */
public final class HalfbandFilter {
    private final int halfLength;
    private final double[] pairCoefficients;
    private final double passbandFraction;
    private final double attenuationDb;

    private HalfbandFilter(double[] pairCoefficients, double passbandFraction, double attenuationDb) {
        this.halfLength = pairCoefficients.length;
        this.pairCoefficients = pairCoefficients;
        this.passbandFraction = passbandFraction;
        this.attenuationDb = attenuationDb;
    }

    /**
     * Designs the shortest half-band filter that, by Kaiser's formula, attenuates the stopband by
     * {@code attenuationDb} while passing {@code [0, passbandFraction * lowRate]}.
     */
    public static HalfbandFilter design(double passbandFraction, double attenuationDb) {
        if (!(passbandFraction > 0 && passbandFraction < 0.5)) {
            throw new IllegalArgumentException("passbandFraction must be in (0, 0.5), got " + passbandFraction);
        }
        if (!(attenuationDb >= 21 && attenuationDb <= 200)) {
            throw new IllegalArgumentException("attenuationDb must be in [21, 200], got " + attenuationDb);
        }
        // Transition from passbandFraction to (1 - passbandFraction) of the low rate, i.e. half that in
        // cycles per sample at the high rate where the filter runs.
        double transitionRadians = StrictMath.PI * (1 - 2 * passbandFraction);
        int order = KaiserWindow.order(attenuationDb, transitionRadians);
        int k = Math.max(1, (order + 2 + 3) / 4); // smallest K with 4K - 1 >= order + 1 taps
        // Kaiser's formula is an estimate (optimistic for short filters): lengthen until a dense check
        // of the stopband meets the attenuation.
        double limit = StrictMath.pow(10, -attenuationDb / 20);
        while (true) {
            HalfbandFilter f = new HalfbandFilter(coefficients(k, attenuationDb), passbandFraction, attenuationDb);
            if (f.worstStopbandAmplitude() <= limit) {
                return f;
            }
            k++;
        }
    }

    private static double[] coefficients(int k, double attenuationDb) {
        int length = 4 * k - 1;
        int centre = 2 * k - 1;
        double[] w = KaiserWindow.window(length, KaiserWindow.beta(attenuationDb));
        double[] pairs = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            int distance = centre - 2 * j; // odd distance from the centre: 2K-1, 2K-3, ..., 1
            double x = distance / 2.0;
            double sinc = StrictMath.sin(StrictMath.PI * x) / (StrictMath.PI * x);
            pairs[j] = 0.5 * sinc * w[2 * j];
            sum += 2 * pairs[j];
        }
        // The odd-distance taps should sum to 1/2 so DC passes at exactly unity in both polyphase
        // branches; the windowed sinc misses it by about the ripple, so renormalise.
        for (int j = 0; j < k; j++) {
            pairs[j] = pairs[j] * (0.5 / sum);
        }
        return pairs;
    }

    /** The largest |H| over the stopband, on a grid of 2048 points. */
    public double worstStopbandAmplitude() {
        double start = (1 - passbandFraction) / 2; // cycles per sample at the high rate
        double worst = 0;
        for (int i = 0; i <= 2048; i++) {
            worst = Math.max(worst, amplitudeAt(start + (0.5 - start) * i / 2048));
        }
        return worst;
    }

    /** The largest deviation of |H| from 1 over the passband, on a grid of 2048 points. */
    public double worstPassbandDeviation() {
        double end = passbandFraction / 2;
        double worst = 0;
        for (int i = 0; i <= 2048; i++) {
            worst = Math.max(worst, Math.abs(amplitudeAt(end * i / 2048) - 1));
        }
        return worst;
    }

    /** K: the number of distinct nonzero side coefficients; the filter has 4K - 1 taps. */
    public int halfLength() {
        return halfLength;
    }

    public int taps() {
        return 4 * halfLength - 1;
    }

    /** Group delay in samples at the high rate: the centre tap index, 2K - 1. */
    public int delaySamples() {
        return 2 * halfLength - 1;
    }

    /** Side coefficient j (0 = outermost), used at distances +-(2K - 1 - 2j) from the centre. */
    public double pairCoefficient(int j) {
        return pairCoefficients[j];
    }

    public double passbandFraction() {
        return passbandFraction;
    }

    public double attenuationDb() {
        return attenuationDb;
    }

    /** The full impulse response (4K - 1 taps), for analysis and tests. */
    public double[] impulseResponse() {
        double[] h = new double[taps()];
        int centre = delaySamples();
        h[centre] = 0.5;
        for (int j = 0; j < halfLength; j++) {
            h[2 * j] = pairCoefficients[j];
            h[2 * centre - 2 * j] = pairCoefficients[j];
        }
        return h;
    }

    /** |H| (zero-phase amplitude) at a frequency given in cycles per sample of the high rate. */
    public double amplitudeAt(double cyclesPerSample) {
        double a = 0.5;
        double w = 2 * StrictMath.PI * cyclesPerSample;
        for (int j = 0; j < halfLength; j++) {
            a += 2 * pairCoefficients[j] * StrictMath.cos(w * (delaySamples() - 2 * j));
        }
        return Math.abs(a);
    }
}
