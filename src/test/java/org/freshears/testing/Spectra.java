package org.freshears.testing;

import org.jtransforms.fft.DoubleFFT_1D;

/** Power spectra for tests (JTransforms; never on the render path). */
public final class Spectra {
    private Spectra() {
    }

    /**
     * |X[k]|^2 for k = 0 .. n/2 of {@code x[from, from + n)}, rectangular window (use an n holding a
     * whole number of periods). Unpacks JTransforms' realForward layout: a[0] = Re[0], a[1] = Re[n/2]
     * (n even), a[2k], a[2k+1] = Re, Im[k].
     */
    public static double[] power(float[] x, int from, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = x[from + i];
        }
        return power(a);
    }

    public static double[] power(double[] a) {
        int n = a.length;
        double[] b = a.clone();
        new DoubleFFT_1D(n).realForward(b);
        double[] p = new double[n / 2 + 1];
        p[0] = b[0] * b[0];
        p[n / 2] = b[1] * b[1];
        for (int k = 1; k < n / 2; k++) {
            p[k] = b[2 * k] * b[2 * k] + b[2 * k + 1] * b[2 * k + 1];
        }
        return p;
    }
}
