package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecibelsTest {

    @Test
    void amplitudeToDecibelsMatchesStrictMath() {
        double worst = 0;
        long seed = 7;
        for (int i = 0; i < 200_000; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            // Log-uniform over 1e-12 .. 1e4, which covers every table slot and many exponents.
            double x = StrictMath.pow(10, -12 + 16 * ((seed >>> 11) * 0x1.0p-53));
            worst = Math.max(worst, Math.abs(Decibels.fromAmplitude(x) - 20 * StrictMath.log10(x)));
            worst = Math.max(worst, Math.abs(Decibels.fromPower(x) - 10 * StrictMath.log10(x)));
        }
        // The error analysis promises about 1e-13 dB; a compressor needs 0.001 dB.
        assertTrue(worst < 1e-12, "worst error " + worst + " dB");
        assertEquals(0.0, Decibels.fromAmplitude(1.0), 0.0);
        assertEquals(-6.020599913279624, Decibels.fromAmplitude(0.5), 1e-13);
        assertEquals(20.0, Decibels.fromAmplitude(10.0), 1e-13);
        assertEquals(-20 * 1074 * StrictMath.log10(2), Decibels.fromAmplitude(Double.MIN_VALUE), 1e-9);
    }

    @Test
    void decibelsToAmplitudeMatchesStrictMath() {
        double worst = 0;
        for (double db = -300; db <= 300; db += 0.0137) {
            double exact = StrictMath.pow(10, db / 20);
            worst = Math.max(worst, Math.abs(Decibels.toAmplitude(db) / exact - 1));
        }
        assertTrue(worst < 1e-14, "worst relative error " + worst);
        for (double tiny : new double[] {-1e-17, -1e-300, -Double.MIN_VALUE, 1e-17, -3 - 1e-15}) {
            assertEquals(StrictMath.pow(10, tiny / 20), Decibels.toAmplitude(tiny), 1e-15); // f rounds to 1
        }
        assertEquals(1.0, Decibels.toAmplitude(0), 0.0); // neutral settings stay bit-transparent
        assertEquals(0.5011872336272722, Decibels.toAmplitude(-6), 1e-15);
        assertEquals(2.0, Decibels.toAmplitude(20 * StrictMath.log10(2)), 1e-15);
    }

    @Test
    void specialValues() {
        assertEquals(Double.NEGATIVE_INFINITY, Decibels.fromAmplitude(0.0));
        assertEquals(Double.POSITIVE_INFINITY, Decibels.fromAmplitude(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(Decibels.fromAmplitude(-1)));
        assertTrue(Double.isNaN(Decibels.fromAmplitude(Double.NaN)));
        assertEquals(0.0, Decibels.toAmplitude(-1e5), 0.0);
        assertEquals(0.0, Decibels.toAmplitude(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Decibels.toAmplitude(1e5));
        assertTrue(Double.isNaN(Decibels.toAmplitude(Double.NaN)));
    }
}
