package org.freshears.dsp;

/**
 * The true-peak interpolator: an L-times polyphase Kaiser-windowed sinc cut off at the input Nyquist,
 * {@value #TAPS_PER_PHASE} taps per branch, beta {@value #KAISER_BETA}. It is the one reconstruction
 * both the true-peak meter (the judge, BS.1770-4 Annex 2) and the limiter's detector use, so a limiter
 * that holds its ceiling by its own detection holds it by the meter too.
 *
 * <p>Against the ideal band-limited interpolation its error is below +-0.02 dB up to 0.40 fs and
 * +-0.04 dB up to 0.45 fs (the standard's 48-tap example errs by +-0.23 dB at 0.35 fs). Cut off at
 * Nyquist it is an L-th band filter: branch 0 is the input sample itself, so only branches 1 .. L-1 cost
 * multiplies; each branch has unit DC gain. Coefficients are computed once with StrictMath; the sums
 * run in float in a fixed order (four taps grouped, as C2 vectorises them), so they are the same bits
 * on every JVM and in the meter and the detector.
 */
public final class TruePeakFilter {
    public static final int TAPS_PER_PHASE = 32;
    public static final double KAISER_BETA = 5.0;

    private final float[][] phases;
    private final int factor;
    private final float[] window;
    private final float[] acc;
    private final int maxFrames;
    private final Lanes lanes = new Lanes();
    /** No output exceeds this times the largest |input| it reads (see {@link #outputBound}). */
    private final double gainBound;

    /** A streaming interpolator for blocks of up to {@code maxFrames} frames. */
    public TruePeakFilter(int factor, int maxFrames) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be >= 1, got " + factor);
        }
        this.factor = factor;
        this.phases = phases(factor);
        this.maxFrames = maxFrames;
        this.window = new float[maxFrames + TAPS_PER_PHASE - 1];
        this.acc = new float[maxFrames];
        double largestSum = 1; // branch 0 passes the input through
        for (int p = 1; p < factor; p++) {
            double sum = 0;
            for (float c : phases[p]) {
                sum += Math.abs(c);
            }
            largestSum = Math.max(largestSum, sum);
        }
        // Margin for the float rounding of the T products and their sums (relative error below T * 2^-23).
        this.gainBound = largestSum * 1.001;
    }

    /** The output lags the input by this many frames: an output needs {@code TAPS_PER_PHASE / 2} frames ahead. */
    public int latencyFrames() {
        return TAPS_PER_PHASE / 2;
    }

    public void reset() {
        java.util.Arrays.fill(window, 0f);
    }

    /**
     * Interpolates {@code in[off, off + n)}: {@code out[i * factor + p]} is the reconstruction at
     * {@code (m - latencyFrames()) + p / factor}, m being the stream position of input i. Input before the
     * first frame is taken as zero.
     */
    public void upsample(float[] in, int off, int n, double[] out) {
        if (n > maxFrames) {
            throw new IllegalArgumentException("block of " + n + " frames, prepared for " + maxFrames);
        }
        final int taps = TAPS_PER_PHASE;
        System.arraycopy(in, off, window, taps - 1, n);
        for (int i = 0; i < n; i++) {
            out[i * factor] = window[i + taps / 2 - 1];
        }
        for (int p = 1; p < factor; p++) {
            branch(phases[p], window, acc, n, lanes);
            for (int i = 0; i < n; i++) {
                out[i * factor + p] = acc[i];
            }
        }
        System.arraycopy(window, n, window, 0, taps - 1);
    }

    /**
     * An upper bound of |every output| that {@code upsample(in, off, n, out)} would write next: the largest
     * |input| those outputs read (the frames kept from earlier blocks and the block itself) times the largest
     * sum of |taps| of a branch. Costs a pass over the block, a small fraction of interpolating it.
     */
    public double outputBound(float[] in, int off, int n) {
        float largest = 0;
        for (int i = 0; i < TAPS_PER_PHASE - 1; i++) {
            largest = Math.max(largest, Math.abs(window[i]));
        }
        for (int i = off; i < off + n; i++) {
            largest = Math.max(largest, Math.abs(in[i]));
        }
        return gainBound * largest;
    }

    /**
     * The same as {@link #upsample}, but only {@code out[from, n * factor)} is written (the rest of
     * {@code out} is left as it was), each value computed alone with the same float operations in the same
     * order as {@link #branch}, so the same bits. For a block whose outputs are known not to matter (by
     * {@link #outputBound}) except the last few a caller carries on: the filter's state still advances.
     */
    public void upsampleTail(float[] in, int off, int n, double[] out, int from) {
        if (n > maxFrames) {
            throw new IllegalArgumentException("block of " + n + " frames, prepared for " + maxFrames);
        }
        final int taps = TAPS_PER_PHASE;
        System.arraycopy(in, off, window, taps - 1, n);
        for (int j = Math.max(0, from); j < n * factor; j++) {
            int i = j / factor;
            int p = j % factor;
            out[j] = p == 0 ? window[i + taps / 2 - 1] : output(phases[p], window, i);
        }
        System.arraycopy(window, n, window, 0, taps - 1);
    }

    /** {@code acc[i]} of {@link #branch} for one i: the same operations in the same order. */
    private static float output(float[] c, float[] window, int i) {
        float sum = (c[0] * window[i] + c[1] * window[i + 1]) + (c[2] * window[i + 2] + c[3] * window[i + 3]);
        for (int k = 4; k < c.length; k += 4) {
            sum += (c[k] * window[i + k] + c[k + 1] * window[i + k + 1])
                    + (c[k + 2] * window[i + k + 2] + c[k + 3] * window[i + k + 3]);
        }
        return sum;
    }

    /**
     * {@code acc[i] = sum over k of c[k] * window[i + k]} for i in [0, outputs): the value of one branch
     * for {@code outputs} consecutive positions. The order of the float sums is fixed: per output, the taps
     * in groups of four, {@code (c0 w0 + c1 w1) + (c2 w2 + c3 w3)}, the groups added in tap order.
     *
     * <p>Why the copies: Java 17's C2 vectorises a loop only when every array it reads is read at one
     * offset, and a group reads the window at four ({@code i + k} .. {@code i + k + 3}). So each group reads
     * four copies of the window, shifted by one frame each, made {@value Lanes#OUTPUTS} outputs at a time (they
     * stay in the L1 cache); every output is still the same float operations in the same order (Java never
     * fuses a multiply and an add), so the bits do not change. Measured on this project's 2-core machine
     * (AVX-512): 7.2-7.9 ns per output before, 3.4-3.5 ns after, at the limiter's 256-frame blocks.
     */
    public static void branch(float[] c, float[] window, float[] acc, int outputs, Lanes lanes) {
        float[] w0 = lanes.shifted[0];
        float[] w1 = lanes.shifted[1];
        float[] w2 = lanes.shifted[2];
        float[] w3 = lanes.shifted[3];
        float[] sum = lanes.sum;
        for (int from = 0; from < outputs; from += Lanes.OUTPUTS) {
            int m = Math.min(Lanes.OUTPUTS, outputs - from);
            for (int k = 0; k < c.length; k += 4) {
                System.arraycopy(window, from + k, w0, 0, m);
                System.arraycopy(window, from + k + 1, w1, 0, m);
                System.arraycopy(window, from + k + 2, w2, 0, m);
                System.arraycopy(window, from + k + 3, w3, 0, m);
                float c0 = c[k];
                float c1 = c[k + 1];
                float c2 = c[k + 2];
                float c3 = c[k + 3];
                if (k == 0) {
                    for (int i = 0; i < m; i++) {
                        sum[i] = (c0 * w0[i] + c1 * w1[i]) + (c2 * w2[i] + c3 * w3[i]);
                    }
                } else {
                    for (int i = 0; i < m; i++) {
                        sum[i] += (c0 * w0[i] + c1 * w1[i]) + (c2 * w2[i] + c3 * w3[i]);
                    }
                }
            }
            System.arraycopy(sum, 0, acc, from, m);
        }
    }

    /** The working arrays of {@link #branch}: one per thread that interpolates (each filter and meter has its own). */
    public static final class Lanes {
        static final int OUTPUTS = 1024;
        private final float[][] shifted = new float[4][OUTPUTS];
        private final float[] sum = new float[OUTPUTS];
    }

    /**
     * The polyphase branches of the L-times interpolator: prototype h(m) = sinc(m / L) w(m) for
     * |m| <= L T / 2, w the Kaiser window; branch p, tap k is h(L (T/2 - 1 - k) + p), normalised to unit
     * DC gain. Branch 0 (the input itself) is null.
     */
    public static float[][] phases(int factor) {
        int taps = TAPS_PER_PHASE;
        double half = factor * taps / 2.0;
        double i0Beta = KaiserWindow.besselI0(KAISER_BETA);
        float[][] phases = new float[factor][];
        for (int p = 1; p < factor; p++) {
            double[] h = new double[taps];
            double dc = 0;
            for (int k = 0; k < taps; k++) {
                int m = factor * (taps / 2 - 1 - k) + p;
                double t = (double) m / factor;
                double sinc = StrictMath.sin(StrictMath.PI * t) / (StrictMath.PI * t);
                double r = m / half;
                double kaiser = KaiserWindow.besselI0(KAISER_BETA * StrictMath.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
                h[k] = sinc * kaiser;
                dc += h[k];
            }
            phases[p] = new float[taps];
            for (int k = 0; k < taps; k++) {
                phases[p][k] = (float) (h[k] / dc);
            }
        }
        return phases;
    }
}
