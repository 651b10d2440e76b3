package org.freshears.audio;

/**
 * Error-feedback noise shaping for requantisation. The quantiser feeds back its past total errors
 * e[n-k] through the coefficients h[k]: it quantises v[n] = x[n] - sum h[k] e[n-k], so the noise
 * reaching the output is e filtered by the noise transfer function NTF(z) = 1 - sum h[k] z^-(k+1).
 * With TPDF dither e is white with power 1/4 LSB^2, so the output noise spectrum is (1/4)|NTF|^2.
 */
public enum NoiseShaping {
    /** No shaping: white noise of 1/4 LSB^2 (TPDF plus rounding). */
    NONE(),
    /**
     * First-order highpass, NTF = 1 - z^-1: the textbook error-feedback shaper (e.g. Pohlmann,
     * "Principles of Digital Audio"; Lipshitz, Vanderkooy and Wannamaker, "Minimally audible noise
     * shaping", JAES 39(11), 1991, sec. 1). +6 dB/octave, zero at DC, +6 dB at Nyquist; works at any rate.
     */
    FIRST_ORDER(1.0),
    /**
     * Wannamaker's 3-tap F-weighted filter, R. A. Wannamaker, "Psychoacoustically optimal noise
     * shaping", JAES 40(7/8), 1992, Table 3. Designed for 44.1 kHz (at other rates the curve scales
     * with the rate).
     */
    WANNAMAKER_3(1.623, -0.982, 0.109),
    /**
     * Wannamaker's 9-tap F-weighted filter, same paper, Table 3 (SoX calls it "f-weighted"): pushes
     * noise away from the ear's most sensitive 2-5 kHz region towards the top octave. Designed for
     * 44.1 kHz. It costs total noise power: sum of NTF taps squared is about 69, so +18 dB in all,
     * for about -12 dB at low frequencies (NTF(1) = 1 - sum h = 0.251).
     */
    WANNAMAKER_9(2.412, -3.370, 3.937, -4.174, 3.353, -2.205, 1.281, -0.569, 0.0847);

    private final double[] feedback;

    NoiseShaping(double... feedback) {
        this.feedback = feedback;
    }

    /** The error-feedback coefficients h[0..n-1] (a copy). */
    public double[] feedbackCoefficients() {
        return feedback.clone();
    }

    int taps() {
        return feedback.length;
    }
}
