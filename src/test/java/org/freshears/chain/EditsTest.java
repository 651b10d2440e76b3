package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/** Fades and TrimSilence, the whole-buffer edits. */
class EditsTest {
    private static final int FS = 48_000;

    private static AudioBuffer constant(int frames) {
        float[][] a = new float[2][frames];
        Arrays.fill(a[0], 0.5f);
        Arrays.fill(a[1], -0.5f);
        return new AudioBuffer(a, FS, ChannelLayout.standard(2));
    }

    @Test
    void fadesShapeBothEndsAndKeepTheLength() {
        AudioBuffer in = constant(4 * FS);
        for (FadeCurve curve : FadeCurve.values()) {
            AudioBuffer out = new Renderer().render(List.of(new Fades(1, 2, curve)), in.copy());
            assertEquals(in.frames(), out.frames());
            assertEquals(0f, out.channel(0)[0], 0.0, curve + ": silent first frame");
            assertEquals(0f, out.channel(1)[out.frames() - 1], 0.0, curve + ": silent last frame");
            double mid = curve.gain(0.5);
            assertEquals(0.5 * mid, out.channel(0)[FS / 2], 1e-7, curve + ": halfway into the fade-in");
            assertEquals(-0.5 * mid, out.channel(1)[out.frames() - 1 - FS], 1e-7, curve + ": halfway out");
            assertEquals(0.5f, out.channel(0)[FS], 0.0, curve + ": full level after the fade-in");
            assertEquals(0.5f, out.channel(0)[2 * FS - 1], 0.0, curve + ": full level before the fade-out");
        }
        assertEquals(0.5, FadeCurve.LINEAR.gain(0.5), 0.0);
        assertEquals(Math.sqrt(0.5), FadeCurve.EQUAL_POWER.gain(0.5), 1e-15);
        assertEquals(0.5, FadeCurve.RAISED_COSINE.gain(0.5), 1e-15);
        assertEquals(0.25 * (2 - Math.sqrt(2)), FadeCurve.RAISED_COSINE.gain(0.25), 1e-15);
    }

    @Test
    void fadeCurvesRiseMonotonically() {
        for (FadeCurve curve : FadeCurve.values()) {
            double previous = curve.gain(0);
            assertEquals(0, previous, 0.0);
            for (int i = 1; i <= 1000; i++) {
                double g = curve.gain(i / 1000.0);
                assertTrue(g >= previous, curve + " at " + i);
                previous = g;
            }
            assertEquals(1, previous, 1e-15);
        }
    }

    @Test
    void trimKeepsTheMarginsAndNeverCutsSound() {
        // 0.5 s silence, 1 s of a 1 kHz cosine (first and last frames at full level), 0.7 s silence.
        AudioBuffer tone = Signals.sine(2, FS, 1.0, 1_000, -6, Math.PI / 2);
        AudioBuffer in = Signals.concat(Signals.silence(2, FS, 0.5), tone, Signals.silence(2, FS, 0.7));
        AudioBuffer out = new TrimSilence(-60, 10, 200).apply(in);
        int lead = 480;
        int trail = 9_600;
        assertEquals(lead + FS + trail, out.frames());
        assertEquals(0f, out.channel(0)[lead - 1], 0.0);
        assertArrayEquals(tone.channel(0), Arrays.copyOfRange(out.channel(0), lead, lead + FS));
        assertArrayEquals(tone.channel(1), Arrays.copyOfRange(out.channel(1), lead, lead + FS));
        // A margin longer than the silence keeps what there is.
        AudioBuffer wide = new TrimSilence(-60, 2_000, 2_000).apply(in);
        assertEquals(in.frames(), wide.frames());
        // Sound between threshold and silence is sound: a -50 dBFS tail is kept at threshold -60.
        AudioBuffer quietTail = Signals.concat(tone, Signals.sine(2, FS, 0.5, 100, -50, Math.PI / 2),
                Signals.silence(2, FS, 1));
        AudioBuffer kept = new TrimSilence(-60, 0, 0).apply(quietTail);
        assertTrue(kept.frames() >= FS + FS / 2 - 1, "kept " + kept.frames());
        assertTrue(kept.frames() <= FS + FS / 2, "kept " + kept.frames());
    }

    @Test
    void trimLeavesAudioThatNeverReachesTheThresholdWhole() {
        AudioBuffer quiet = Signals.noise(2, FS, FS, 1e-4, 1);
        assertEquals(FS, new TrimSilence(-60, 10, 10).apply(quiet).frames());
    }
}
