package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.testing.Responses;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/** Gain, ClipGain and StereoWidth. */
class UtilityStepsTest {
    private static final int FS = 48_000;

    private static AudioBuffer constant(int frames, float value) {
        float[][] a = new float[2][frames];
        java.util.Arrays.fill(a[0], value);
        java.util.Arrays.fill(a[1], value);
        return new AudioBuffer(a, FS, ChannelLayout.standard(2));
    }

    @Test
    void gainScalesByTheDecibelFactor() {
        AudioBuffer in = Signals.noise(2, FS, 1000, 0.5, 3);
        AudioBuffer out = ProcessorContract.render(new Gain(-6), in, 64);
        double g = Math.pow(10, -6 / 20.0);
        for (int i = 0; i < 1000; i++) {
            assertEquals((float) (in.channel(1)[i] * g), out.channel(1)[i], 0.0);
        }
    }

    @Test
    void clipGainHoldsItsGainInsideTheSpanAndRampsWithoutJumps() {
        double rampMs = 10;
        ClipGain clip = new ClipGain(List.of(new GainSpan(0.5, 1.0, -6)), rampMs);
        AudioBuffer in = constant(FS * 3 / 2, 0.5f);
        AudioBuffer out = ProcessorContract.render(clip, in, 333);
        double g = Math.pow(10, -6 / 20.0);
        int from = FS / 2;
        int to = FS;
        int ramp = (int) Math.round(rampMs * FS / 1000);
        double maxStep = 0;
        for (int i = 0; i < out.frames(); i++) {
            double gain = out.channel(0)[i] / 0.5;
            if (i < from || i >= to) {
                assertEquals(0.5f, out.channel(0)[i], 0.0, "untouched outside the span at " + i);
            } else if (i >= from + ramp && i < to - ramp) {
                assertEquals((float) (0.5 * g), out.channel(0)[i], 0.0, "full gain inside at " + i);
            }
            if (i > 0) {
                maxStep = Math.max(maxStep, Math.abs(gain - out.channel(0)[i - 1] / 0.5));
            }
        }
        // Raised cosine over N frames: the gain moves at most |g - 1| * pi / (2N) per frame.
        double bound = (1 - g) * Math.PI / (2 * ramp);
        assertTrue(maxStep <= bound * (1 + 1e-6) + 1e-7, "largest gain step " + maxStep + " > " + bound);
        assertTrue(maxStep > 0.9 * bound, "the ramp should use its length: " + maxStep + " vs " + bound);
        // Halfway through the ramp the gain is halfway (in linear terms).
        assertEquals((1 + g) / 2, out.channel(0)[from + ramp / 2] / 0.5, 2 * bound);
    }

    @Test
    void clipGainSpansShorterThanTwoRampsRampOverHalfTheirLength() {
        ClipGain clip = new ClipGain(List.of(new GainSpan(0.1, 0.11, 6)), 20);
        AudioBuffer out = ProcessorContract.render(clip, constant(FS / 4, 0.25f), 4096);
        int from = (int) Math.round(0.1 * FS);
        int to = (int) Math.round(0.11 * FS);
        assertEquals(0.25f, out.channel(0)[from - 1], 0.0);
        assertEquals(0.25f, out.channel(0)[to], 0.0);
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, out.channel(0)[i]);
        }
        assertEquals(0.25 * Math.pow(10, 6 / 20.0), peak, 0.25 * 0.01, "reaches nearly full gain mid-span");
    }

    @Test
    void widthZeroMakesMonoAnd200DoublesTheSide() {
        AudioBuffer in = Signals.noise(2, FS, 4800, 0.3, 5);
        AudioBuffer mono = ProcessorContract.render(new StereoWidth(0), in, 4096);
        assertArrayEquals(mono.channel(0), mono.channel(1), "width 0: L == R");
        for (int i = 0; i < in.frames(); i++) {
            double mid = (in.channel(0)[i] + (double) in.channel(1)[i]) / 2;
            assertEquals((float) mid, mono.channel(0)[i], 0.0);
        }
        AudioBuffer wide = ProcessorContract.render(new StereoWidth(200), in, 4096);
        for (int i = 0; i < in.frames(); i++) {
            double side = (in.channel(0)[i] - (double) in.channel(1)[i]) / 2;
            double sideOut = (wide.channel(0)[i] - (double) wide.channel(1)[i]) / 2;
            assertEquals(2 * side, sideOut, 1e-7);
        }
    }

    /** A stereo buffer with a sine of freqHz in the side only (L = s, R = -s). */
    private static AudioBuffer sideSine(double freqHz) {
        AudioBuffer s = Signals.sine(1, FS, 2.0, freqHz, -6);
        float[] right = s.channel(0).clone();
        for (int i = 0; i < right.length; i++) {
            right[i] = -right[i];
        }
        return new AudioBuffer(new float[][] {s.channel(0).clone(), right}, FS, ChannelLayout.standard(2));
    }

    private static float[] side(AudioBuffer b) {
        float[] s = new float[b.frames()];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) ((b.channel(0)[i] - (double) b.channel(1)[i]) / 2);
        }
        return s;
    }

    @Test
    void monoBassRemovesTheSideAnOctaveBelow() {
        StereoWidth width = new StereoWidth(100, 120);
        AudioBuffer low = sideSine(60);
        double lowIn = Responses.rmsDb(side(low), FS, 2 * FS);
        double lowOut = Responses.rmsDb(side(ProcessorContract.render(width, low, 4096)), FS, 2 * FS);
        // LR4 an octave below: 2 x 10 log10(1 + 2^4) = 24.6 dB.
        assertEquals(-24.6, lowOut - lowIn, 0.1, "side an octave below");
        assertTrue(lowOut - lowIn <= -20);
        AudioBuffer at = sideSine(120);
        double atOut = Responses.rmsDb(side(ProcessorContract.render(width, at, 4096)), FS, 2 * FS);
        assertEquals(-6.02, atOut - Responses.rmsDb(side(at), FS, 2 * FS), 0.05, "LR4 is -6 dB at its frequency");
        AudioBuffer high = sideSine(2_000);
        double highOut = Responses.rmsDb(side(ProcessorContract.render(width, high, 4096)), FS, 2 * FS);
        assertEquals(0, highOut - Responses.rmsDb(side(high), FS, 2 * FS), 0.01, "side kept above");
        // The mid is not touched by mono bass: a mono 40 Hz sine passes bit for bit.
        AudioBuffer monoLow = Signals.sine(2, FS, 0.5, 40, -6);
        ProcessorContract.assertNeutral(width, monoLow);
    }

    @Test
    void stereoWidthNeedsStereo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProcessorContract.render(new StereoWidth(50), Signals.noise(1, FS, 100, 0.1, 1), 64));
        assertEquals("StereoWidth[widthPercent=50.0, monoBassBelowHz=0.0] needs a stereo (2-channel) signal, "
                + "got 1 channel(s)", e.getMessage());
    }
}
