package org.freshears.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.AudioBuffer;
import org.freshears.measure.Analysis;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

class MonoFoldTest {

    private static MonoReport fold(AudioBuffer audio) {
        Analysis a = Analysis.withoutSpectrum(audio, f -> { });
        return MonoFold.of(audio, a.integratedLufs(), a.levels().correlation());
    }

    @Test
    void monoContentKeepsItsLoudnessAndUncorrelatedStereoLosesThreeDecibels() {
        AudioBuffer noise = Signals.pinkNoise(1, 48_000, 48_000 * 5, 0.1, 3);
        AudioBuffer dualMono = new AudioBuffer(new float[][] {noise.channel(0), noise.channel(0).clone()}, 48_000,
                org.freshears.audio.ChannelLayout.standard(2));
        MonoReport mono = fold(dualMono);
        assertEquals(0.0, mono.loudnessChangeLu(), 1e-6);
        assertEquals(1.0, mono.correlation(), 1e-9);
        MonoReport wide = fold(Signals.pinkNoise(2, 48_000, 48_000 * 5, 0.1, 3));
        assertEquals(-3.0, wide.loudnessChangeLu(), 0.15);
        int band1k = nearest(wide.bandCentresHz(), 1000);
        assertEquals(-3.0, wide.bandLossDb()[band1k], 0.5);
        assertEquals(0.0, wide.correlationOverTime()[2], 0.1);
    }

    @Test
    void aBandInAntiPhaseShowsAsCancellationInItsBandAndAsNegativeCorrelationInTime() {
        int rate = 48_000;
        AudioBuffer bed = Signals.pinkNoise(1, rate, rate * 4, 0.05, 11);
        AudioBuffer tone = Signals.sine(1, rate, 4, 500, -12);
        float[] l = new float[rate * 4];
        float[] r = new float[rate * 4];
        for (int n = 0; n < l.length; n++) {
            l[n] = bed.channel(0)[n] + tone.channel(0)[n];
            r[n] = bed.channel(0)[n] - tone.channel(0)[n]; // the 500 Hz part out of phase
        }
        MonoReport mono = fold(new AudioBuffer(new float[][] {l, r}, rate, org.freshears.audio.ChannelLayout.standard(2)));
        int band500 = nearest(mono.bandCentresHz(), 500);
        assertTrue(mono.bandLossDb()[band500] < -15, "cancelled: " + mono.bandLossDb()[band500]);
        assertEquals(band500, mono.worstBand());
        assertEquals(0.0, mono.bandLossDb()[nearest(mono.bandCentresHz(), 4000)], 0.2, "the rest stays");
        assertTrue(mono.minCorrelation() < 0, "the tone outweighs the bed: " + mono.minCorrelation());
        assertEquals(1.0, mono.negativeShare(), 1e-12);
    }

    private static int nearest(double[] centres, double hz) {
        int best = 0;
        for (int i = 1; i < centres.length; i++) {
            if (Math.abs(Math.log(centres[i] / hz)) < Math.abs(Math.log(centres[best] / hz))) {
                best = i;
            }
        }
        return best;
    }
}
