package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlidingMinimumTest {

    @Test
    void matchesBruteForceWithInitialPadding() {
        long s = 99;
        double[] v = new double[5000];
        for (int i = 0; i < v.length; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            v[i] = ((s >>> 11) * 0x1.0p-53) * (i % 700 < 350 ? 1 : 0.2);
        }
        for (int window : new int[]{1, 2, 17, 256}) {
            SlidingMinimum m = new SlidingMinimum(window, 0.9);
            for (int i = 0; i < v.length; i++) {
                double expected = i + 1 < window ? 0.9 : Double.MAX_VALUE;
                for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                    expected = Math.min(expected, v[j]);
                }
                assertEquals(expected, m.push(v[i]), "window " + window + " at " + i);
            }
        }
    }
}
