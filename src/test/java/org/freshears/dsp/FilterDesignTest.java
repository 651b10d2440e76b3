package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FilterDesignTest {
    private static final double FS = 48_000;

    private static double db(BiquadCoefficients c, double f) {
        return 20 * Math.log10(c.magnitudeAt(f, FS));
    }

    private static double db(List<BiquadCoefficients> sections, double f) {
        double sum = 0;
        for (BiquadCoefficients c : sections) {
            sum += db(c, f);
        }
        return sum;
    }

    @Test
    void peakingHasItsGainAtTheCentreAndNoneAtTheEnds() {
        for (double gain : new double[] {-12, -3, 2.5, 9}) {
            BiquadCoefficients c = FilterDesign.peaking(1_000, gain, 1.4, FS);
            assertEquals(gain, db(c, 1_000), 1e-9, "gain at f0");
            assertEquals(0, db(c, 0), 1e-9, "DC");
            assertEquals(0, db(c, FS / 2), 1e-9, "Nyquist");
        }
    }

    @Test
    void peakingAtZeroGainIsExactlyAPassThrough() {
        assertTrue(FilterDesign.isPassThrough(FilterDesign.peaking(300, 0, 1.2, FS)));
        assertTrue(FilterDesign.isPassThrough(FilterDesign.lowShelf(300, 0, 0.7, FS)));
        assertTrue(FilterDesign.isPassThrough(FilterDesign.highShelf(300, 0, 0.7, FS)));
    }

    @Test
    void shelvesHaveHalfTheirGainAtTheMidpointAndAllOfItAtTheEnd() {
        for (double gain : new double[] {-6, 4}) {
            BiquadCoefficients low = FilterDesign.lowShelf(200, gain, 0.7071, FS);
            assertEquals(gain / 2, db(low, 200), 1e-9);
            assertEquals(gain, db(low, 0), 1e-9);
            assertEquals(0, db(low, FS / 2), 1e-9);
            BiquadCoefficients high = FilterDesign.highShelf(8_000, gain, 0.7071, FS);
            assertEquals(gain / 2, db(high, 8_000), 1e-9);
            assertEquals(gain, db(high, FS / 2), 1e-9);
            assertEquals(0, db(high, 0), 1e-9);
        }
    }

    @Test
    void shelfSlopeOneIsQOfOneOverRootTwo() {
        assertEquals(1 / Math.sqrt(2), FilterDesign.shelfQ(6, 1), 1e-15);
        assertEquals(1 / Math.sqrt(2), FilterDesign.shelfQ(-15, 1), 1e-15);
        // S = 0.5 at +6 dB: 1/Q = sqrt((A + 1/A)(2 - 1) + 2) with A = 10^(6/40).
        double a = Math.pow(10, 6.0 / 40);
        assertEquals(1 / Math.sqrt(a + 1 / a + 2), FilterDesign.shelfQ(6, 0.5), 1e-15);
        BiquadCoefficients bySlope = FilterDesign.lowShelfBySlope(150, 6, 0.5, FS);
        assertEquals(3, db(bySlope, 150), 1e-9);
    }

    @Test
    void butterworthPoleQsMatchThePublishedTable() {
        // Normalised Butterworth polynomials, e.g. Zölzer DASP table: order 2: Q = 0.7071; order 4: 0.5412,
        // 1.3066; order 8: 0.5098, 0.6013, 0.9000, 2.5629.
        assertEquals(0.7071, FilterDesign.butterworthPoleQs(2)[0], 5e-5);
        double[] q4 = FilterDesign.butterworthPoleQs(4);
        assertEquals(1.3066, q4[0], 5e-5);
        assertEquals(0.5412, q4[1], 5e-5);
        double[] q8 = FilterDesign.butterworthPoleQs(8);
        assertEquals(2.5629, q8[0], 5e-5);
        assertEquals(0.9000, q8[1], 5e-5);
        assertEquals(0.6013, q8[2], 5e-5);
        assertEquals(0.5098, q8[3], 5e-5);
        assertEquals(0, FilterDesign.butterworthPoleQs(1).length);
    }

    @Test
    void butterworthOfEveryOrderIsTheWarpedAnalogMagnitude() {
        double fc = 1_000;
        double k = Math.tan(Math.PI * fc / FS);
        for (int order = 1; order <= 8; order++) {
            List<BiquadCoefficients> hp = FilterDesign.butterworthHighPass(fc, order, FS);
            List<BiquadCoefficients> lp = FilterDesign.butterworthLowPass(fc, order, FS);
            assertEquals((order + 1) / 2, hp.size(), "sections for order " + order);
            assertEquals(-10 * Math.log10(2), db(hp, fc), 1e-9, "HP order " + order + " at fc");
            assertEquals(-10 * Math.log10(2), db(lp, fc), 1e-9, "LP order " + order + " at fc");
            for (double f = 20; f < 23_000; f *= 1.25) {
                double ratio = Math.tan(Math.PI * f / FS) / k;
                double expectLp = -10 * Math.log10(1 + Math.pow(ratio, 2 * order));
                double expectHp = -10 * Math.log10(1 + Math.pow(ratio, -2 * order));
                assertEquals(expectLp, db(lp, f), 1e-6 + 1e-9 * Math.abs(expectLp), "LP " + order + " at " + f);
                assertEquals(expectHp, db(hp, f), 1e-6 + 1e-9 * Math.abs(expectHp), "HP " + order + " at " + f);
            }
        }
    }

    @Test
    void notchNullsAndBandPassPeaksAtZeroDb() {
        BiquadCoefficients notch = FilterDesign.notch(1_000, 5, FS);
        assertTrue(db(notch, 1_000) < -200, "notch depth " + db(notch, 1_000));
        assertEquals(0, db(notch, 0), 1e-9);
        BiquadCoefficients bp = FilterDesign.bandPass(1_000, 2, FS);
        assertEquals(0, db(bp, 1_000), 1e-9);
        assertTrue(db(bp, 100) < -20);
    }

    @Test
    void frequenciesMustBeBelowNyquist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FilterDesign.peaking(24_000, 3, 1, FS));
        assertEquals("freqHz must be below Nyquist (24000 Hz at 48000 Hz), got 24000", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FilterDesign.butterworthHighPass(30, 9, FS));
        assertEquals("order must be 1..8, got 9", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FilterDesign.notch(100, 0, FS));
        assertEquals("q must be > 0, got 0", e.getMessage());
    }
}
