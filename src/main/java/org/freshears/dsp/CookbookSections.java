package org.freshears.dsp;

/**
 * The few second-order sections the dynamics processors need, from R. Bristow-Johnson's "Cookbook
 * formulae for audio EQ biquad filter coefficients" (W3C Audio EQ Cookbook): bilinear transform with
 * the centre/corner frequency prewarped, {@code w0 = 2 pi f / fs}, {@code alpha = sin(w0) / (2Q)}.
 * Because every section here comes from the same bilinear mapping, analog identities carry over
 * exactly: Butterworth LP^2 + HP^2 of one corner equals the all-pass of that corner (the
 * Linkwitz-Riley property {@link Crossover} relies on).
 *
 * <p>Kept deliberately small: the general EQ designs live with the EQ filters. StrictMath only, so
 * coefficients are identical on every JVM.
 */
public final class CookbookSections {
    /** Q of a second-order Butterworth section, 1/sqrt(2) (maximally flat). */
    public static final double BUTTERWORTH_Q = StrictMath.sqrt(0.5);

    private CookbookSections() {
    }

    /** Cookbook LPF. */
    public static BiquadCoefficients lowPass(double freqHz, double q, double sampleRate) {
        double w0 = omega(freqHz, sampleRate);
        double cos = StrictMath.cos(w0);
        double alpha = StrictMath.sin(w0) / (2 * q);
        return BiquadCoefficients.of((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** Cookbook HPF. */
    public static BiquadCoefficients highPass(double freqHz, double q, double sampleRate) {
        double w0 = omega(freqHz, sampleRate);
        double cos = StrictMath.cos(w0);
        double alpha = StrictMath.sin(w0) / (2 * q);
        return BiquadCoefficients.of((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** Cookbook APF: unit magnitude, phase turning through -180 degrees at {@code freqHz}. */
    public static BiquadCoefficients allPass(double freqHz, double q, double sampleRate) {
        double w0 = omega(freqHz, sampleRate);
        double cos = StrictMath.cos(w0);
        double alpha = StrictMath.sin(w0) / (2 * q);
        return BiquadCoefficients.of(1 - alpha, -2 * cos, 1 + alpha, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** Cookbook BPF with constant 0 dB peak gain (unity at {@code freqHz}). */
    public static BiquadCoefficients bandPass(double freqHz, double q, double sampleRate) {
        double w0 = omega(freqHz, sampleRate);
        double cos = StrictMath.cos(w0);
        double alpha = StrictMath.sin(w0) / (2 * q);
        return BiquadCoefficients.of(alpha, 0, -alpha, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** Cookbook peakingEQ: {@code gainDb} at {@code freqHz}, symmetric for boost and cut. */
    public static BiquadCoefficients peaking(double freqHz, double q, double gainDb, double sampleRate) {
        double w0 = omega(freqHz, sampleRate);
        double cos = StrictMath.cos(w0);
        double alpha = StrictMath.sin(w0) / (2 * q);
        double a = StrictMath.pow(10, gainDb / 40);
        return BiquadCoefficients.of(1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a);
    }

    private static double omega(double freqHz, double sampleRate) {
        return 2 * StrictMath.PI * freqHz / sampleRate;
    }
}
