package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

class BiquadCascadeTest {
    @Test
    void pairedFilteringIsBitIdenticalToOneSampleAtATime() {
        // 1 to 5 sections: the paired path runs sections two at a time, plus a single one for odd counts.
        for (int count = 1; count <= 5; count++) {
            List<BiquadCoefficients> sections = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                sections.add(FilterDesign.peaking(200.0 * (s + 1), s % 2 == 0 ? 3 : -4, 1.0 + 0.3 * s, 48_000));
            }
            float[][] x = Signals.noise(2, 48_000, 3_000, 0.4, count).planar();
            float[] left = x[0].clone();
            float[] right = x[1].clone();
            BiquadCascade one = new BiquadCascade(sections);
            float[][] expected = new float[2][x[0].length];
            for (int c = 0; c < 2; c++) {
                one.reset();
                for (int i = 0; i < x[c].length; i++) {
                    expected[c][i] = (float) one.process((double) x[c][i]);
                }
            }
            BiquadCascade first = new BiquadCascade(sections);
            BiquadCascade second = new BiquadCascade(sections);
            for (int off = 0, n = 1; off < left.length; off += n, n = n * 3 + 1) { // uneven blocks
                int len = Math.min(n, left.length - off);
                BiquadCascade.processPair(first, left, second, right, off, len);
            }
            assertArrayEquals(expected[0], left, "left, " + count + " sections");
            assertArrayEquals(expected[1], right, "right, " + count + " sections");
        }
    }
}
