package org.freshears.measure;

import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class ScratchFftTimingTest {
    @Test
    void time() {
        for (int n : new int[] {4096, 8192, 16384}) {
            DoubleFFT_1D fft = new DoubleFFT_1D(n);
            double[] a = new double[n];
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 2000; i++) {
                    a[i % n] = i;
                    fft.realForward(a);
                }
                System.out.printf("n=%d threads=%d: %.1f us/fft%n", n,
                        org.visnow.jlargearrays.ConcurrencyUtils.getNumberOfThreads(), (System.nanoTime() - t0) / 2000 / 1e3);
            }
        }
        org.visnow.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
        for (int n : new int[] {4096, 8192, 16384}) {
            DoubleFFT_1D fft = new DoubleFFT_1D(n);
            double[] a = new double[n];
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 2000; i++) {
                    a[i % n] = i;
                    fft.realForward(a);
                }
                System.out.printf("n=%d threads=%d: %.1f us/fft%n", n,
                        org.visnow.jlargearrays.ConcurrencyUtils.getNumberOfThreads(), (System.nanoTime() - t0) / 2000 / 1e3);
            }
        }
    }
}
