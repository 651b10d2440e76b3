package org.freshears.testing;

/** Level measurements over a frame range, for tests that compare a processor against a formula. */
public final class ToneProbe {
    private ToneProbe() {
    }

    public static double peakDb(float[] x, int from, int to) {
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        return 20 * Math.log10(peak);
    }

    public static double rmsDb(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return 10 * Math.log10(sum / (to - from));
    }

    /**
     * Peak amplitude (dB) of the component at {@code freqHz}, by a single-bin DFT over
     * {@code [from, to)}; exact for a steady sine when the range holds whole cycles.
     */
    public static double toneDb(float[] x, int from, int to, double freqHz, int sampleRate) {
        double re = 0, im = 0;
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * freqHz * (i - from) / sampleRate;
            re += x[i] * Math.cos(w);
            im -= x[i] * Math.sin(w);
        }
        return 20 * Math.log10(2 * Math.hypot(re, im) / (to - from));
    }
}
