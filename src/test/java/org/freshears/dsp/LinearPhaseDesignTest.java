package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearPhaseDesignTest {
    private static final double FS = 48_000;

    @Test
    void tapsAreExactlySymmetricAndOddInLength() {
        double[] taps = LinearPhaseDesign.design(List.of(FilterDesign.peaking(250, 6, 2, FS)));
        assertEquals(1, taps.length % 2);
        int half = taps.length / 2;
        for (int n = 1; n <= half; n++) {
            assertEquals(taps[half - n], taps[half + n], 0.0, "tap +-" + n);
        }
    }

    @Test
    void lengthFollowsTheSlowestPole() {
        // A 1 kHz bell decays in a few hundred frames: the minimum length.
        assertEquals(4095, LinearPhaseDesign.halfTaps(List.of(FilterDesign.peaking(1_000, 3, 1, FS))));
        // 48 dB/oct at 20 Hz: the Q = 2.56 pole decays at sigma = 2 pi 20 / (2 * 2.56) = 24.5 /s, so -100 dB
        // takes 11.5 / 24.5 s = 22 500 frames: rounded up to 32 767.
        assertEquals(32767, LinearPhaseDesign.halfTaps(FilterDesign.butterworthHighPass(20, 8, FS)));
        // The same filter at 200 Hz needs a tenth of that: 2 250 -> the minimum 4 095.
        assertEquals(4095, LinearPhaseDesign.halfTaps(FilterDesign.butterworthHighPass(200, 8, FS)));
        assertEquals(8191, LinearPhaseDesign.halfTaps(FilterDesign.butterworthHighPass(60, 8, FS)));
    }

    @Test
    void magnitudeOfTheTapsMatchesTheCascade() {
        List<BiquadCoefficients> sections = new ArrayList<>(FilterDesign.butterworthHighPass(40, 4, FS));
        sections.add(FilterDesign.peaking(3_000, -4, 0.8, FS));
        double[] taps = LinearPhaseDesign.design(sections);
        double worst = 0;
        for (double f = 160; f < 20_000; f *= 1.1) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < taps.length; n++) {
                re += taps[n] * Math.cos(2 * Math.PI * f * n / FS);
                im -= taps[n] * Math.sin(2 * Math.PI * f * n / FS);
            }
            double fir = 10 * Math.log10(re * re + im * im);
            double iir = 0;
            for (BiquadCoefficients c : sections) {
                iir += 20 * Math.log10(c.magnitudeAt(f, FS));
            }
            worst = Math.max(worst, Math.abs(fir - iir));
        }
        assertTrue(worst < 0.01, "worst difference " + worst + " dB");
    }
}
