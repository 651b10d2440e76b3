package org.freshears.testing;

/** Measures a rendered impulse response, independently of the code under test (a direct DFT). */
public final class Responses {
    private Responses() {
    }

    /**
     * |X(f)| in dB of {@code x[from, from + length)} taken as an impulse response starting at {@code from},
     * by a direct DFT at one frequency (the phasor is advanced by complex multiplication in double; its
     * drift over 10^5 steps is ~1e-11, far below what the tests resolve).
     */
    public static double magnitudeDb(float[] x, int from, int length, double freqHz, double sampleRate) {
        double w = 2 * Math.PI * freqHz / sampleRate;
        double stepRe = Math.cos(w);
        double stepIm = -Math.sin(w);
        double pRe = 1;
        double pIm = 0;
        double re = 0;
        double im = 0;
        for (int n = 0; n < length; n++) {
            double v = x[from + n];
            re += v * pRe;
            im += v * pIm;
            double t = pRe * stepRe - pIm * stepIm;
            pIm = pRe * stepIm + pIm * stepRe;
            pRe = t;
        }
        return 10 * Math.log10(re * re + im * im);
    }

    /** Log-spaced frequencies from lowHz to highHz inclusive. */
    public static double[] logFrequencies(double lowHz, double highHz, int count) {
        double[] f = new double[count];
        for (int i = 0; i < count; i++) {
            f[i] = lowHz * Math.pow(highHz / lowHz, i / (double) (count - 1));
        }
        return f;
    }

    /** RMS of {@code x[from, to)} in dB. */
    public static double rmsDb(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return 10 * Math.log10(sum / (to - from));
    }
}
