package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

/** Pins JTransforms' realForward packing, so an upgrade that changes it fails here and nowhere else. */
class FftPackingTest {
    private static final int N = 16;
    private static final double EPS = 1e-12;

    private static double[] transform(double[] x) {
        double[] a = x.clone();
        new DoubleFFT_1D(a.length).realForward(a);
        return a;
    }

    @Test
    void cosineAtBinKIsRealAndHalfNTimesAmplitude() {
        int k = 3;
        double amplitude = 0.7;
        double[] x = new double[N];
        for (int j = 0; j < N; j++) {
            x[j] = amplitude * Math.cos(2 * Math.PI * k * j / N);
        }
        double[] a = transform(x);
        assertEquals(amplitude * N / 2, a[2 * k], EPS);
        assertEquals(0, a[2 * k + 1], EPS);
        assertEquals(amplitude * N / 2, FftPacking.re(a, N, k), EPS);
        double[] power = new double[FftPacking.bins(N)];
        FftPacking.power(a, N, power);
        for (int b = 0; b < power.length; b++) {
            assertEquals(b == k ? Math.pow(amplitude * N / 2, 2) : 0, power[b], 1e-9, "bin " + b);
        }
    }

    @Test
    void sineAtBinKHasNegativeImaginaryPart() {
        // X[k] = Σ x[j] e^(-2πi jk/n): sin gives -i·A·n/2 (the forward sign convention).
        int k = 5;
        double[] x = new double[N];
        for (int j = 0; j < N; j++) {
            x[j] = Math.sin(2 * Math.PI * k * j / N);
        }
        double[] a = transform(x);
        assertEquals(0, FftPacking.re(a, N, k), EPS);
        assertEquals(-N / 2.0, FftPacking.im(a, N, k), EPS);
    }

    @Test
    void dcSitsInSlotZeroAndNyquistInSlotOne() {
        double[] dc = new double[N];
        java.util.Arrays.fill(dc, 0.25);
        double[] a = transform(dc);
        assertEquals(0.25 * N, a[0], EPS);
        assertEquals(0, a[1], EPS);

        double[] nyquist = new double[N];
        for (int j = 0; j < N; j++) {
            nyquist[j] = (j & 1) == 0 ? 1 : -1;
        }
        double[] b = transform(nyquist);
        assertEquals(0, b[0], EPS);
        assertEquals(N, b[1], EPS);
        double[] power = new double[FftPacking.bins(N)];
        FftPacking.power(b, N, power);
        assertEquals((double) N * N, power[N / 2], 1e-9);
        assertEquals(0, power[0], 1e-9);
        assertEquals(0, FftPacking.im(b, N, N / 2));
    }

    @Test
    void everyBinMatchesADirectDft() {
        double[] x = new double[N];
        long s = 12345;
        for (int j = 0; j < N; j++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            x[j] = (s >>> 11) * 0x1.0p-53 - 0.5;
        }
        double[] a = transform(x);
        for (int k = 0; k <= N / 2; k++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < N; j++) {
                re += x[j] * Math.cos(2 * Math.PI * j * k / N);
                im -= x[j] * Math.sin(2 * Math.PI * j * k / N);
            }
            assertEquals(re, FftPacking.re(a, N, k), 1e-12, "Re bin " + k);
            assertEquals(im, FftPacking.im(a, N, k), 1e-12, "Im bin " + k);
        }
    }

    @Test
    void midSidePowerEqualsTransformOfMidAndSideSignals() {
        double[] l = new double[N];
        double[] r = new double[N];
        for (int j = 0; j < N; j++) {
            l[j] = Math.sin(0.9 * j) + 0.1;
            r[j] = Math.cos(2.3 * j) - 0.2 * ((j & 1) == 0 ? 1 : -1);
        }
        double[] mid = new double[N];
        double[] side = new double[N];
        for (int j = 0; j < N; j++) {
            mid[j] = (l[j] + r[j]) / 2;
            side[j] = (l[j] - r[j]) / 2;
        }
        int bins = FftPacking.bins(N);
        double[] midSum = new double[bins];
        double[] sideSum = new double[bins];
        FftPacking.addMidSidePower(transform(l), transform(r), N, midSum, sideSum);
        double[] midDirect = new double[bins];
        double[] sideDirect = new double[bins];
        FftPacking.addPower(transform(mid), N, midDirect);
        FftPacking.addPower(transform(side), N, sideDirect);
        for (int k = 0; k < bins; k++) {
            assertEquals(midDirect[k], midSum[k], 1e-10, "mid bin " + k);
            assertEquals(sideDirect[k], sideSum[k], 1e-10, "side bin " + k);
        }
    }

    @Test
    void oddSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FftPacking.checkSize(15));
        assertThrows(IllegalArgumentException.class, () -> FftPacking.checkSize(0));
    }

    @Test
    void stereoPowerInOnePassIsBitIdenticalToTheSeparateSums() {
        java.util.Random random = new java.util.Random(3);
        double[] l = new double[N];
        double[] r = new double[N];
        for (int i = 0; i < N; i++) {
            l[i] = random.nextGaussian();
            r[i] = random.nextGaussian();
        }
        double[][] separate = new double[4][FftPacking.bins(N)];
        double[][] fused = new double[4][FftPacking.bins(N)];
        for (int round = 0; round < 2; round++) { // accumulating onto earlier sums too
            FftPacking.addPower(l, N, separate[0]);
            FftPacking.addPower(r, N, separate[1]);
            FftPacking.addMidSidePower(l, r, N, separate[2], separate[3]);
            FftPacking.addStereoPower(l, r, N, fused[0], fused[1], fused[2], fused[3]);
        }
        for (int s = 0; s < 4; s++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(separate[s], fused[s], 0.0, "series " + s);
        }
    }
}
