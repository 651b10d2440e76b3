package org.freshears.testing;

import org.freshears.audio.AudioBuffer;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Independent true-peak readings for tests (not on the render path, so free to use JTransforms).
 * <ul>
 * <li>{@link #idealDbtp}: band-limited (sinc) reconstruction by zero-padding the spectrum, 16x. The
 *     channel is padded with at least 8192 zeros to a power of two so the circular reconstruction
 *     approximates the linear one; the Nyquist bin is split between its two images.</li>
 * <li>{@link #bs1770Dbtp}: the example 4x interpolator of ITU-R BS.1770-4 Annex 2 (48 taps, 4 phases
 *     of 12), coefficients copied from the recommendation.</li>
 * </ul>
 */
public final class ReferenceTruePeak {
    public static final int IDEAL_FACTOR = 16;

    /** BS.1770-4 Annex 2 rows 1-6, phases 0-3; rows 7-12 are rows 6-1 with the phases reversed. */
    private static final double[][] BS1770_ROWS = {
        {0.0017089843750, -0.0291748046875, -0.0189208984375, -0.0083007812500},
        {0.0109863281250, 0.0292968750000, 0.0330810546875, 0.0148925781250},
        {-0.0196533203125, -0.0517578125000, -0.0582275390625, -0.0266113281250},
        {0.0332031250000, 0.0891113281250, 0.1015625000000, 0.0476074218750},
        {-0.0594482421875, -0.1665039062500, -0.2003173828125, -0.1022949218750},
        {0.1373291015625, 0.4650878906250, 0.7797851562500, 0.9721679687500},
    };

    private ReferenceTruePeak() {
    }

    /** The 12 taps of BS.1770 phase p (0..3), row 1 first. */
    public static double[] bs1770Phase(int p) {
        double[] h = new double[12];
        for (int r = 0; r < 6; r++) {
            h[r] = BS1770_ROWS[r][p];
            h[11 - r] = BS1770_ROWS[r][3 - p];
        }
        return h;
    }

    public static double bs1770Dbtp(AudioBuffer buffer) {
        double peak = 0;
        double[][] phases = new double[4][];
        for (int p = 0; p < 4; p++) {
            phases[p] = bs1770Phase(p);
        }
        for (int c = 0; c < buffer.channels(); c++) {
            float[] x = buffer.channel(c);
            for (int n = 0; n < x.length + 11; n++) {
                for (int p = 0; p < 4; p++) {
                    double acc = 0;
                    for (int r = 0; r < 12; r++) {
                        int i = n - r;
                        if (i >= 0 && i < x.length) {
                            acc += phases[p][r] * x[i];
                        }
                    }
                    peak = Math.max(peak, Math.abs(acc));
                }
            }
        }
        return 20 * Math.log10(peak);
    }

    /** Largest |x(t)| of the ideal band-limited reconstruction, in dBTP, over all channels. */
    public static double idealDbtp(AudioBuffer buffer) {
        double peak = 0;
        for (int c = 0; c < buffer.channels(); c++) {
            peak = Math.max(peak, idealPeak(buffer.channel(c)));
        }
        return 20 * Math.log10(peak);
    }

    /** The 16x ideal reconstruction of a channel, first x.length * 16 points (for diagnosis). */
    public static double[] idealCurve(float[] x) {
        int n = Integer.highestOneBit(x.length + 8192 - 1) << 1;
        double[] a = new double[n];
        for (int i = 0; i < x.length; i++) {
            a[i] = x[i];
        }
        new DoubleFFT_1D(n).realForward(a);
        int m = n * IDEAL_FACTOR;
        double[] b = new double[m];
        b[0] = a[0];
        System.arraycopy(a, 2, b, 2, n - 2);
        b[n] = a[1] / 2;
        new DoubleFFT_1D(m).realInverse(b, true);
        for (int i = 0; i < m; i++) {
            b[i] *= IDEAL_FACTOR;
        }
        return b;
    }

    /**
     * Largest |x(t)| of a reconstruction like a DAC's interpolation filter: zero-phase, flat to
     * {@code edge} x fs, a raised-cosine transition to (1 - edge) x fs that is Nyquist-complementary
     * (R(f) + R(fs - f) = 1, as a half-band filter), so content near Nyquist is reconstructed as an
     * oversampling DAC would, not by the ideal brickwall. dBTP over all channels.
     */
    public static double dacStyleDbtp(AudioBuffer buffer, double edge) {
        double peak = 0;
        for (int c = 0; c < buffer.channels(); c++) {
            peak = Math.max(peak, dacStylePeak(buffer.channel(c), edge));
        }
        return 20 * Math.log10(peak);
    }

    private static double dacStylePeak(float[] x, double edge) {
        double peak = 0;
        for (double v : dacStyleCurve(x, edge)) {
            peak = Math.max(peak, Math.abs(v));
        }
        return peak;
    }

    /** The 16x DAC-style reconstruction of a channel (see {@link #dacStyleDbtp}). */
    public static double[] dacStyleCurve(float[] x, double edge) {
        int n = Integer.highestOneBit(x.length + 8192 - 1) << 1;
        double[] a = new double[n];
        for (int i = 0; i < x.length; i++) {
            a[i] = x[i];
        }
        new DoubleFFT_1D(n).realForward(a);
        int m = n * IDEAL_FACTOR;
        double[] b = new double[m];
        b[0] = a[0];
        int top = (int) Math.ceil((1 - edge) * n);
        for (int k = 1; k <= top; k++) {
            double f = k / (double) n;
            double r = f <= edge ? 1 : 0.5 + 0.5 * Math.cos(Math.PI * (f - edge) / (1 - 2 * edge));
            if (f >= 1 - edge) {
                r = 0;
            }
            double re;
            double im;
            if (k < n / 2) {
                re = a[2 * k];
                im = a[2 * k + 1];
            } else if (k == n / 2) {
                re = a[1];
                im = 0;
            } else { // image of the base spectrum: X[k] = conj(X[n - k])
                re = a[2 * (n - k)];
                im = -a[2 * (n - k) + 1];
            }
            b[2 * k] = re * r;
            b[2 * k + 1] = im * r;
        }
        new DoubleFFT_1D(m).realInverse(b, true);
        for (int i = 0; i < m; i++) {
            b[i] *= IDEAL_FACTOR;
        }
        return b;
    }

    private static double idealPeak(float[] x) {
        int n = Integer.highestOneBit(x.length + 8192 - 1) << 1;
        double[] a = new double[n];
        for (int i = 0; i < x.length; i++) {
            a[i] = x[i];
        }
        new DoubleFFT_1D(n).realForward(a);
        int m = n * IDEAL_FACTOR;
        double[] b = new double[m];
        b[0] = a[0];
        // bins 1 .. n/2 - 1 keep their place; the Nyquist bin (real, a[1]) is split between +-n/2
        System.arraycopy(a, 2, b, 2, n - 2);
        b[n] = a[1] / 2;
        new DoubleFFT_1D(m).realInverse(b, true);
        double peak = 0;
        for (double v : b) {
            peak = Math.max(peak, Math.abs(v));
        }
        return peak * IDEAL_FACTOR;
    }
}
