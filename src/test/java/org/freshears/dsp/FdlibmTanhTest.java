package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** FdlibmTanh against the JDK's StrictMath, bit for bit (renders depend on every bit). */
class FdlibmTanhTest {
    private static final double LN2 = 0.6931471805599453;

    @Test
    void specialValuesAreThoseOfStrictMath() {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
            Double.MIN_NORMAL - Double.MIN_VALUE, 0x1p-1060, -0x1p-1060, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -1e300, 1e-300, 709.78, 710, -710, 1000};
        for (double x : special) {
            assertSameTanh(x);
            assertSameExpm1(x);
        }
        assertEquals(1.0, FdlibmTanh.tanh(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-1.0, FdlibmTanh.tanh(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(FdlibmTanh.tanh(-0.0)));
        assertTrue(Double.isNaN(FdlibmTanh.tanh(Double.NaN)));
        assertTrue(Double.isNaN(FdlibmTanh.tanh(-Double.NaN)));
        assertTrue(Double.isNaN(FdlibmTanh.tanh(Double.longBitsToDouble(0x7ff0000000000001L))));
        assertTrue(Double.isNaN(FdlibmTanh.tanh(Double.longBitsToDouble(0xfff8000000000123L))));
        assertTrue(Double.isNaN(FdlibmTanh.expm1(Double.NaN)));
    }

    /** Every argument within 2000 ulps of a point where fdlibm's tanh or expm1 changes branch. */
    @Test
    void agreesAroundEveryBranchThreshold() {
        double[] thresholds = {
            0x1p-55, 0x1p-54, 1.0, 22.0, // tanh: x(1+x) / -t/(t+2) / 1-2/(t+2) / 1
            0.25 * LN2, 0.75 * LN2, // expm1(-2|x|) reduction: k = 0 / k = -1 / k by rounding
            fromHighWord(0x3fd62e42) / 2, fromHighWord(0x3FF0A2B2) / 2, // the same by fdlibm's high words
            fromHighWord(0x3c900000) / 2, fromHighWord(0x3c800000), fromHighWord(0x40360000),
            19.5 * LN2 / 2, 56.5 * LN2 / 2, // expm1: k 19 to 20 and k 56 to 57 switch formulas
            2.5 * LN2 / 2, 3.5 * LN2 / 2, // k = -2 / -3 in expm1(-2|x|), k = 3 / 4 in expm1(2|x|)
        };
        for (double threshold : thresholds) {
            for (double sign : new double[] {1, -1}) {
                double up = sign * threshold;
                double down = up;
                for (int i = 0; i < 2000; i++) {
                    assertSameTanh(up);
                    assertSameTanh(down);
                    up = Math.nextUp(up);
                    down = Math.nextDown(down);
                }
            }
        }
        // expm1 on its own thresholds, including those tanh never reaches (|x| >= 56 ln 2, overflow)
        for (double threshold : new double[] {0.5 * LN2, 1.5 * LN2, 56 * LN2, 0x1p-54, 709.782712893384, 19.5 * LN2,
            56.5 * LN2, 2.5 * LN2, LN2 - 0.25}) { // ... and r < -0.25 inside k = 1 (x < ln 2 - 0.25)
            for (double sign : new double[] {1, -1}) {
                double up = sign * threshold;
                double down = up;
                for (int i = 0; i < 2000; i++) {
                    assertSameExpm1(up);
                    assertSameExpm1(down);
                    up = Math.nextUp(up);
                    down = Math.nextDown(down);
                }
            }
        }
    }

    /** The arguments a saturator's curves see (driven, biased samples) and far beyond, a few million of each. */
    @Test
    void agreesOnMillionsOfRandomArguments() {
        SplittableRandom random = new SplittableRandom(20261202);
        for (int i = 0; i < 2_000_000; i++) {
            assertSameTanh(-50 + 100 * random.nextDouble()); // |x| up to 50: every branch
        }
        for (int i = 0; i < 2_000_000; i++) {
            assertSameTanh(-2 + 4 * random.nextDouble()); // where most samples of a mix land
        }
        for (int i = 0; i < 1_000_000; i++) {
            double magnitude = StrictMath.pow(2, -60 + 66 * random.nextDouble()); // 2^-60 .. 64, log-uniform
            assertSameTanh(random.nextBoolean() ? magnitude : -magnitude);
        }
        for (int i = 0; i < 1_000_000; i++) {
            double x = Double.longBitsToDouble(random.nextLong()); // any bit pattern: every exponent, NaNs
            assertSameTanh(x);
            assertSameExpm1(x);
        }
        for (int i = 0; i < 500_000; i++) {
            assertSameExpm1(-750 + 1500 * random.nextDouble());
        }
    }

    private static void assertSameTanh(double x) {
        assertSameBits(StrictMath.tanh(x), FdlibmTanh.tanh(x), "tanh", x);
    }

    private static void assertSameExpm1(double x) {
        assertSameBits(StrictMath.expm1(x), FdlibmTanh.expm1(x), "expm1", x);
    }

    /** The same bits, NaNs apart (any NaN for a NaN: the payload is the hardware's affair). */
    private static void assertSameBits(double expected, double actual, String function, double x) {
        if (Double.isNaN(expected) && Double.isNaN(actual)) {
            return;
        }
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
            fail(function + "(" + x + " = 0x" + Long.toHexString(Double.doubleToRawLongBits(x)) + "): StrictMath "
                    + expected + ", FdlibmTanh " + actual);
        }
    }

    private static double fromHighWord(int high) {
        return Double.longBitsToDouble((long) high << 32);
    }
}
