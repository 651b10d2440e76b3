package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.measure.LoudnessMeter;
import org.freshears.measure.TruePeakMeter;
import org.freshears.testing.Signals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The limiter judged by the project's own BS.1770 true-peak meter (the one the checklist uses), on
 * dense material full of inter-sample peaks, at the rates people master at.
 */
class LimiterMeterTest {

    /** Pink noise, fs/4 sines at 45 degrees (samples at 0.707 of their peaks) and hard-clipped hits. */
    static AudioBuffer dense(int sampleRate, double seconds) {
        int frames = (int) (seconds * sampleRate);
        AudioBuffer a = Signals.pinkNoise(2, sampleRate, frames, 0.25, 11);
        AudioBuffer isp = Signals.sineAmplitude(2, sampleRate, seconds, sampleRate / 4.0, 0.6, StrictMath.PI / 4);
        for (int c = 0; c < 2; c++) {
            float[] x = a.channel(c);
            float[] s = isp.channel(c);
            for (int i = 0; i < frames; i++) {
                boolean burst = (i / (sampleRate / 8)) % 3 == 0;           // bursts of ISP-heavy tone
                boolean hit = i % (sampleRate / 2) < sampleRate / 200;     // 5 ms clipped "drum" every 0.5 s
                double v = x[i] + (burst ? s[i] : 0) + (hit ? (c == 0 ? 1.5 : -1.5) : 0);
                x[i] = (float) Math.max(-1.6, Math.min(1.6, v));
            }
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void truePeakNeverExceedsTheCeilingByOurMeter(int sampleRate) {
        AudioBuffer in = dense(sampleRate, 6);
        assertTrue(TruePeakMeter.measure(in).maxTruePeakDbtp() > 3, "the input really is over");
        for (double ceiling : new double[] {-1.0, -0.1, -3.0}) {
            AudioBuffer out = ProcessorContract.render(new Limiter().ceilingDbtp(ceiling).inputGainDb(6), in, 4096);
            double tp = TruePeakMeter.measure(out).maxTruePeakDbtp();
            assertTrue(tp <= ceiling, sampleRate + " Hz, ceiling " + ceiling + ": measured " + tp + " dBTP");
            assertTrue(tp > ceiling - 0.5, "the limiter works up to its ceiling, not far below: " + tp);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-16, -14, -11})
    void aLoudnessTargetLandsWithinATenthOfALoudnessUnit(double target) {
        AudioBuffer in = Signals.pinkNoise(2, 48_000, 10 * 48_000, 0.05, 5);
        LoudnessTarget step = new Limiter().ceilingDbtp(-1).targetLufs(target);
        Limiter resolved = step.resolve(in);
        AudioBuffer out = new Renderer().render(List.of(resolved), in.copy());
        assertEquals(target, LoudnessMeter.integratedLufs(out), 0.1);
        assertTrue(TruePeakMeter.measure(out).maxTruePeakDbtp() <= -1.0);
        // Rendering the adaptive step directly resolves it the same way: same bits.
        ProcessorContract.assertSameBits(out, new Renderer().render(List.of(step), in.copy()), "resolved vs adaptive");
    }

    @org.junit.jupiter.api.Test
    void anUnreachableTargetSaysSo() {
        AudioBuffer in = Signals.pinkNoise(2, 48_000, 4 * 48_000, 0.05, 5);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Limiter().ceilingDbtp(-20).targetLufs(-2).resolve(in));
        assertTrue(e.getMessage().startsWith("cannot reach -2.0 LUFS with a limiter ceiling of -20.0 dBTP"),
                e.getMessage());
    }
}
