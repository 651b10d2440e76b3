package org.freshears.dsp;

/**
 * A second-order section normalised so that a0 = 1:
 * {@code H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2)}.
 */
public record BiquadCoefficients(double b0, double b1, double b2, double a1, double a2) {

    /** The section that passes the signal unchanged. */
    public static final BiquadCoefficients IDENTITY = new BiquadCoefficients(1, 0, 0, 0, 0);

    /** Normalises raw coefficients by a0. */
    public static BiquadCoefficients of(double b0, double b1, double b2, double a0, double a1, double a2) {
        return new BiquadCoefficients(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }

    /** |H| at a frequency, for tests and plots (not on the render path). */
    public double magnitudeAt(double freqHz, double sampleRate) {
        double w = 2 * StrictMath.PI * freqHz / sampleRate;
        double cos1 = StrictMath.cos(w), sin1 = StrictMath.sin(w);
        double cos2 = StrictMath.cos(2 * w), sin2 = StrictMath.sin(2 * w);
        double nr = b0 + b1 * cos1 + b2 * cos2, ni = -(b1 * sin1 + b2 * sin2);
        double dr = 1 + a1 * cos1 + a2 * cos2, di = -(a1 * sin1 + a2 * sin2);
        return StrictMath.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
    }
}
