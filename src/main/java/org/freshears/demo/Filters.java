package org.freshears.demo;

import org.freshears.dsp.BiquadCoefficients;

/**
 * Second-order filter designs from Robert Bristow-Johnson's "Cookbook formulae for audio EQ biquad
 * filter coefficients" (the bilinear-transform designs used by most DAW equalisers), computed with
 * StrictMath so that the coefficients, and hence the demo mix, are the same bits on every JVM.
 */
final class Filters {
    private Filters() {
    }

    static BiquadCoefficients lowPass(double sampleRate, double freqHz, double q) {
        double w0 = omega(sampleRate, freqHz);
        double cos = StrictMath.cos(w0);
        double alpha = StrictMath.sin(w0) / (2 * q);
        return BiquadCoefficients.of((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    static BiquadCoefficients highPass(double sampleRate, double freqHz, double q) {
        double w0 = omega(sampleRate, freqHz);
        double cos = StrictMath.cos(w0);
        double alpha = StrictMath.sin(w0) / (2 * q);
        return BiquadCoefficients.of((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** Band-pass with 0 dB gain at the centre ("constant 0 dB peak gain" in the cookbook). */
    static BiquadCoefficients bandPass(double sampleRate, double freqHz, double q) {
        double w0 = omega(sampleRate, freqHz);
        double cos = StrictMath.cos(w0);
        double alpha = StrictMath.sin(w0) / (2 * q);
        return BiquadCoefficients.of(alpha, 0, -alpha, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** A peaking ("bell") equaliser: gainDb at freqHz, 0 dB far from it. */
    static BiquadCoefficients peaking(double sampleRate, double freqHz, double q, double gainDb) {
        double w0 = omega(sampleRate, freqHz);
        double cos = StrictMath.cos(w0);
        double alpha = StrictMath.sin(w0) / (2 * q);
        double a = StrictMath.pow(10, gainDb / 40);
        return BiquadCoefficients.of(1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a);
    }

    /**
     * A design frequency kept below Nyquist: a note's harmonic-tracking cutoff can ask for more than a
     * low sample rate allows, and the bilinear designs break down at Nyquist.
     */
    static double belowNyquist(double sampleRate, double freqHz) {
        return Math.min(freqHz, 0.45 * sampleRate);
    }

    private static double omega(double sampleRate, double freqHz) {
        return 2 * StrictMath.PI * belowNyquist(sampleRate, freqHz) / sampleRate;
    }

}
