package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.ChannelLayout;
import org.freshears.audio.Speaker;
import org.freshears.dsp.BiquadCoefficients;
import org.junit.jupiter.api.Test;

class KWeightingTest {

    @Test
    void reproducesThePrintedFortyEightKilohertzCoefficients() {
        // ITU-R BS.1770-4 Annex 1, Tables 1 and 2.
        BiquadCoefficients shelf = KWeighting.shelf(48_000);
        assertEquals(1.53512485958697, shelf.b0(), 1e-12);
        assertEquals(-2.69169618940638, shelf.b1(), 1e-12);
        assertEquals(1.19839281085285, shelf.b2(), 1e-12);
        assertEquals(-1.69065929318241, shelf.a1(), 1e-12);
        assertEquals(0.73248077421585, shelf.a2(), 1e-12);
        BiquadCoefficients highPass = KWeighting.highPass(48_000);
        assertEquals(1.0, highPass.b0(), 0.0);
        assertEquals(-2.0, highPass.b1(), 0.0);
        assertEquals(1.0, highPass.b2(), 0.0);
        assertEquals(-1.99004745483398, highPass.a1(), 1e-12);
        assertEquals(0.99007225036621, highPass.a2(), 1e-12);
    }

    private static double responseDb(int rate, double freqHz) {
        return 20 * StrictMath.log10(KWeighting.shelf(rate).magnitudeAt(freqHz, rate)
                * KWeighting.highPass(rate).magnitudeAt(freqHz, rate));
    }

    @Test
    void otherRatesHaveTheSameResponseShapeWellBelowNyquist() {
        // The standard asks other rates for "the same frequency response" as the 48 kHz filter. The
        // reference derivation keeps the high-pass numerator at 1, -2, 1 at every rate (as libebur128
        // and pyloudnorm do), which shifts the whole curve by a constant 20 log10(a0(fs) / a0(48k)):
        // +0.003 dB at 44.1 kHz, -0.017 dB at 96 kHz, -0.027 dB at 192 kHz. The shape is the same to
        // 0.02 dB up to 5 kHz (what is left is the bilinear warping of the 48 kHz table itself).
        for (int rate : new int[] {44_100, 88_200, 96_000, 192_000}) {
            double offset = responseDb(rate, 1000) - responseDb(48_000, 1000);
            assertTrue(Math.abs(offset) < 0.03, rate + " Hz offset " + offset);
            for (double f : new double[] {10, 20, 50, 100, 500, 2000, 5000}) {
                assertEquals(responseDb(48_000, f) + offset, responseDb(rate, f), 0.02, rate + " Hz at " + f + " Hz");
            }
        }
        // Landmarks of the curve: about +0.7 dB at 1 kHz (hence the -0.691 offset), +4 dB shelf
        // above 5 kHz, the RLB high-pass rolling off below 100 Hz.
        assertEquals(0.691, responseDb(48_000, 997), 0.01);
        assertEquals(4.0, responseDb(48_000, 10_000), 0.1);
        assertTrue(responseDb(48_000, 20) < -10);
    }

    @Test
    void refusesRatesThatPutTheShelfAboveNyquist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KWeighting.shelf(3000));
        assertTrue(e.getMessage().contains("3000"), e.getMessage());
    }

    @Test
    void channelWeightsFollowTable3() {
        assertEquals(1.0, ChannelWeights.weight(Speaker.FRONT_LEFT));
        assertEquals(1.0, ChannelWeights.weight(Speaker.FRONT_RIGHT));
        assertEquals(1.0, ChannelWeights.weight(Speaker.FRONT_CENTER));
        assertEquals(1.41, ChannelWeights.weight(Speaker.BACK_LEFT));
        assertEquals(1.41, ChannelWeights.weight(Speaker.BACK_RIGHT));
        assertEquals(1.41, ChannelWeights.weight(Speaker.SIDE_LEFT));
        assertEquals(1.41, ChannelWeights.weight(Speaker.SIDE_RIGHT));
        assertEquals(0.0, ChannelWeights.weight(Speaker.LOW_FREQUENCY));
        assertEquals(1.0, ChannelWeights.weight(Speaker.UNASSIGNED));
        assertEquals(1.0, ChannelWeights.weight(Speaker.BACK_CENTER));
        double[] fivePointOne = ChannelWeights.of(ChannelLayout.standard(6));
        assertEquals(6, fivePointOne.length);
        assertEquals(0.0, fivePointOne[3]);
        assertEquals(1.41, fivePointOne[5]);
    }
}
