package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/** Block-size invariance, reset repeatability and neutrality for every filter and utility step. */
class FilterStepContractTest {
    private static final int FS = 48_000;
    /** Pinned on OpenJDK 17.0.15; see rendersArePinnedBitForBit. */
    private static final String IIR_SHA256 = "57fb6f7649b9b054e822f524f78b65eada650b2fd1d6b2a17d4a5ad0a292fa4a";
    private static final String LINEAR_SHA256 = "b654297fa73f08474118ad7fb5c77b3956a06f65652e0e133308b6d559c59533";

    private static final List<Step> STREAMING = List.of(
            new Bell(300, -2, 1.2), new Bell(2_000, 4).mid(), new LowShelf(100, 3).side(),
            new HighShelf(8_000, -1.5), new LowShelf(200, 2).slope(0.6), new HighPass(25).slope(24),
            new HighPass(40, 42).side(), new LowPass(12_000, 18), new Notch(60, 10), new BandPass(1_000, 0.7),
            new Bell(150, 3).linearPhase(), new HighPass(80, 24).mid().linearPhase(),
            new Gain(-3.5), new ClipGain(List.of(new GainSpan(0.05, 0.2, -4), new GainSpan(0.25, 0.3, 3)), 5),
            new StereoWidth(140, 150), new StereoWidth(0));

    /** Short noise with a loud burst, so ramps, spans and filters all see something. */
    private static AudioBuffer input() {
        AudioBuffer noise = Signals.noise(2, FS, FS * 2 / 5, 0.25, 11);
        float[] l = noise.channel(0);
        for (int i = 4_000; i < 4_100; i++) {
            l[i] *= 3;
        }
        return noise;
    }

    @Test
    void everyStepIsBlockSizeInvariant() {
        AudioBuffer in = input();
        for (Step step : STREAMING) {
            ProcessorContract.assertBlockSizeInvariant(step, in);
        }
    }

    @Test
    void everyStepRepeatsAfterReset() {
        AudioBuffer in = input();
        for (Step step : STREAMING) {
            ProcessorContract.assertResetRepeats(step, in);
        }
    }

    @Test
    void neutralSettingsAreBitIdentical() {
        AudioBuffer in = input();
        List<Step> neutral = List.of(new Gain(0), new Bell(300, 0, 3), new Bell(300, 0).mid(),
                new Bell(300, 0).side().linearPhase(), new LowShelf(80, 0), new HighShelf(9_000, 0).slope(0.5),
                new StereoWidth(100, 0), new ClipGain(List.of()), new ClipGain(List.of(new GainSpan(0.1, 0.2, 0))),
                new Fades(0, 0));
        for (Step step : neutral) {
            ProcessorContract.assertNeutral(step, in);
        }
        assertEquals(0, new Bell(300, 0).linearPhase().newProcessor().latencyFrames());
    }

    @Test
    void rendersArePinnedBitForBit() {
        // Golden hashes: plain IEEE arithmetic and StrictMath only, so these must hold on every JVM. If a
        // deliberate change to a formula moves them, update them in the same commit and say why.
        AudioBuffer in = input();
        AudioBuffer iir = new Renderer().render(List.of(new HighPass(30, 24), new Bell(300, -2, 1.2),
                new HighShelf(8_000, -1.5)), in.copy());
        assertEquals(IIR_SHA256, ProcessorContract.sha256(iir));
        AudioBuffer linear = new Renderer().render(List.of(new Bell(150, 3).linearPhase()), in.copy());
        assertEquals(LINEAR_SHA256, ProcessorContract.sha256(linear));
    }
}
