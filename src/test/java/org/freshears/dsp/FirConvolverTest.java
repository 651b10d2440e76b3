package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FirConvolverTest {

    private static float[] noise(int n, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }

    /** y[n] = sum h[k] x[n - k], delayed by the buffering, computed directly. */
    private static double direct(double[] h, float[] x, int n) {
        double sum = 0;
        for (int k = 0; k < h.length && k <= n; k++) {
            sum += h[k] * x[n - k];
        }
        return sum;
    }

    @Test
    void matchesDirectConvolutionOnBothChannels() {
        double[] h = new double[300];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < h.length; i++) {
            h[i] = random.nextGaussian() / 10;
        }
        int frames = 2000;
        float[] a = noise(frames, 1);
        float[] b = noise(frames, 2);
        float[] ya = a.clone();
        float[] yb = b.clone();
        FirConvolver conv = new FirConvolver(h, 64);
        // Uneven calls: the convolver must gather its own blocks.
        int pos = 0;
        int[] calls = {1, 63, 65, 100, 7};
        for (int i = 0; pos < frames; i++) {
            int n = Math.min(calls[i % calls.length], frames - pos);
            conv.process(ya, yb, pos, n);
            pos += n;
        }
        int lag = conv.bufferingFrames();
        assertEquals(64, lag);
        for (int n = lag; n < frames; n++) {
            assertEquals(direct(h, a, n - lag), ya[n], 1e-6, "a at " + n);
            assertEquals(direct(h, b, n - lag), yb[n], 1e-6, "b at " + n);
        }
        for (int n = 0; n < lag; n++) {
            assertEquals(0f, ya[n], "a before the first block");
        }
    }

    @Test
    void resetRepeatsTheSameBits() {
        double[] h = {0.5, 0.25, -0.125, 0.0625, 0.03};
        float[] x = noise(1000, 3);
        FirConvolver conv = new FirConvolver(h, 16);
        float[] first = x.clone();
        conv.process(first, null, 0, first.length);
        conv.reset();
        float[] second = x.clone();
        conv.process(second, null, 0, second.length);
        assertArrayEquals(first, second);
    }
}
