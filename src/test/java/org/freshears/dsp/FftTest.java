package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class FftTest {

    private static double[][] randomComplex(int n, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][] x = new double[2][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = random.nextGaussian();
            x[1][i] = random.nextGaussian();
        }
        return x;
    }

    @Test
    void forwardMatchesADirectDft() {
        int n = 64;
        double[][] x = randomComplex(n, 1);
        double[] re = x[0].clone();
        double[] im = x[1].clone();
        new Fft(n).forward(re, im);
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * k * t / n;
                sr += x[0][t] * Math.cos(a) - x[1][t] * Math.sin(a);
                si += x[0][t] * Math.sin(a) + x[1][t] * Math.cos(a);
            }
            assertEquals(sr, re[k], 1e-12, "Re X[" + k + "]");
            assertEquals(si, im[k], 1e-12, "Im X[" + k + "]");
        }
    }

    @Test
    void forwardMatchesJTransformsAtLargeSize() {
        int n = 1 << 16;
        double[][] x = randomComplex(n, 2);
        double[] re = x[0].clone();
        double[] im = x[1].clone();
        new Fft(n).forward(re, im);
        double[] interleaved = new double[2 * n];
        for (int i = 0; i < n; i++) {
            interleaved[2 * i] = x[0][i];
            interleaved[2 * i + 1] = x[1][i];
        }
        new DoubleFFT_1D(n).complexForward(interleaved);
        double maxError = 0;
        for (int k = 0; k < n; k++) {
            maxError = Math.max(maxError, Math.abs(re[k] - interleaved[2 * k]));
            maxError = Math.max(maxError, Math.abs(im[k] - interleaved[2 * k + 1]));
        }
        // Bins are ~sqrt(n) = 256 in size; double rounding over 16 stages stays near 1e-12 of that.
        assertEquals(0, maxError, 1e-9, "largest difference from JTransforms");
    }

    @Test
    void inverseUndoesForward() {
        int n = 4096;
        double[][] x = randomComplex(n, 3);
        double[] re = x[0].clone();
        double[] im = x[1].clone();
        Fft fft = new Fft(n);
        fft.forward(re, im);
        fft.inverse(re, im);
        for (int i = 0; i < n; i++) {
            assertEquals(x[0][i], re[i], 1e-13);
            assertEquals(x[1][i], im[i], 1e-13);
        }
    }

    @Test
    void aPureToneLandsInOneBin() {
        int n = 256;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int t = 0; t < n; t++) {
            re[t] = StrictMath.cos(2 * StrictMath.PI * 10 * t / n);
        }
        new Fft(n).forward(re, im);
        assertEquals(n / 2.0, re[10], 1e-10);
        assertEquals(n / 2.0, re[n - 10], 1e-10);
        assertEquals(0, re[11], 1e-10);
    }

    @Test
    void rejectsSizesThatAreNotPowersOfTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Fft(96));
        assertEquals("FFT size must be a power of two >= 2, got 96", e.getMessage());
    }
}
