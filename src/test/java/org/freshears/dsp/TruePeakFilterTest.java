package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

class TruePeakFilterTest {
    private static final int[] BLOCKS = {1, 2, 64, 65, 256, 3, 256, 17};

    /**
     * Full-band noise with the worst case for inter-sample peaks written in: 32 full-scale samples whose signs
     * match the half-sample branch's taps, so one output reaches the sum of |taps| (+8.1 dB).
     */
    private static float[] signal() {
        float[] x = Signals.noise(1, 48_000, 4_096, 0.5, 7).channel(0).clone();
        float[] half = TruePeakFilter.phases(4)[2];
        for (int k = 0; k < half.length; k++) {
            x[1_000 + k] = half[k] >= 0 ? 1f : -1f;
        }
        return x;
    }

    @Test
    void tailIsBitIdenticalToFullUpsamplingAndKeepsTheState() {
        for (int factor : new int[] {1, 2, 4}) {
            float[] x = signal();
            TruePeakFilter full = new TruePeakFilter(factor, 256);
            TruePeakFilter partly = new TruePeakFilter(factor, 256);
            double[] a = new double[256 * factor];
            double[] b = new double[256 * factor];
            int off = 0;
            for (int k = 0; off < x.length; k++) {
                int n = Math.min(BLOCKS[k % BLOCKS.length], x.length - off);
                full.upsample(x, off, n, a);
                int points = n * factor;
                if (k % 2 == 0) {
                    partly.upsampleTail(x, off, n, b, points - 2); // every other block: only its last two points
                    for (int j = Math.max(0, points - 2); j < points; j++) {
                        assertEquals(Double.doubleToRawLongBits(a[j]), Double.doubleToRawLongBits(b[j]));
                    }
                } else {
                    partly.upsample(x, off, n, b); // ... and the next block sees the same filter state
                    for (int j = 0; j < points; j++) {
                        assertEquals(Double.doubleToRawLongBits(a[j]), Double.doubleToRawLongBits(b[j]));
                    }
                }
                off += n;
            }
        }
    }

    @Test
    void outputBoundHoldsEveryOutputAndIsNotLoose() {
        float[] x = signal();
        TruePeakFilter f = new TruePeakFilter(4, 256);
        double[] out = new double[256 * 4];
        double tightest = Double.POSITIVE_INFINITY;
        for (int off = 0; off < x.length; off += 64) {
            double bound = f.outputBound(x, off, 64);
            f.upsample(x, off, 64, out);
            double largest = 0;
            for (int j = 0; j < 64 * 4; j++) {
                largest = Math.max(largest, Math.abs(out[j]));
            }
            assertTrue(largest <= bound, "block at " + off + ": " + largest + " > bound " + bound);
            tightest = Math.min(tightest, bound / largest);
        }
        // The worst-case run meets the bound up to its rounding margin.
        assertTrue(tightest < 1.002, "bound never approached: " + tightest);
    }

    /**
     * The branch sums through shifted copies (so C2 vectorises them) give, for every count of outputs around
     * the copies' length, the bits of the documented order computed one output at a time.
     */
    @Test
    void branchGivesTheBitsOfItsDocumentedSumOrder() {
        java.util.Random random = new java.util.Random(15);
        float[][] phases = TruePeakFilter.phases(4);
        TruePeakFilter.Lanes lanes = new TruePeakFilter.Lanes();
        for (int outputs : new int[] {1, 7, 256, 1023, 1024, 1025, 3000}) {
            float[] window = new float[outputs + TruePeakFilter.TAPS_PER_PHASE - 1];
            for (int i = 0; i < window.length; i++) {
                window[i] = (float) (random.nextGaussian() * (i % 97 == 0 ? 1e-30 : 0.5)); // tiny values too
            }
            for (int p = 1; p < 4; p++) {
                float[] c = phases[p];
                float[] acc = new float[outputs + 3];
                java.util.Arrays.fill(acc, Float.NaN); // what lies past the outputs stays as it was
                TruePeakFilter.branch(c, window, acc, outputs, lanes);
                for (int i = 0; i < outputs; i++) {
                    float sum = (c[0] * window[i] + c[1] * window[i + 1]) + (c[2] * window[i + 2] + c[3] * window[i + 3]);
                    for (int k = 4; k < c.length; k += 4) {
                        sum += (c[k] * window[i + k] + c[k + 1] * window[i + k + 1])
                                + (c[k + 2] * window[i + k + 2] + c[k + 3] * window[i + k + 3]);
                    }
                    assertEquals(Float.floatToRawIntBits(sum), Float.floatToRawIntBits(acc[i]),
                            "output " + i + " of " + outputs + ", branch " + p);
                }
                assertTrue(Float.isNaN(acc[outputs]));
            }
        }
    }
}
