package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.freshears.audio.AudioBuffer;
import org.freshears.demo.DemoMix;
import org.freshears.demo.DemoMixSpec;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/**
 * A loudness search run again on the same samples (a kernel's cell run again with another target, ceiling or
 * release) starts from the limiter peaks the last one detected ({@link PeakReuse}): it must resolve to the same
 * limiter and render the same bits, trace included, as a search that detects its own; and peaks detected for
 * another detection (oversampling, lookahead) or another shape of audio are never read.
 */
class PeakReuseTest {
    /** A demo song whose first seconds rise from -80 dB (chunks quiet for some limiters, not for others). */
    private static AudioBuffer song(double seconds) {
        AudioBuffer mix = DemoMix.generate(new DemoMixSpec(48_000, seconds, 11));
        int rise = 2 * 48_000;
        for (float[] x : mix.planar()) {
            for (int i = 0; i < rise && i < x.length; i++) {
                x[i] *= (float) StrictMath.pow(10, -4 * (1 - i / (double) rise));
            }
        }
        return Signals.concat(Signals.silence(mix.channels(), 48_000, 0.2), mix);
    }

    /** Keeps peaks by their detection, as a session keeps them by the input's name and the detection. */
    private static final class Kept implements PeakReuse {
        final Map<LimiterPeaks.Detection, LimiterPeaks> kept = new HashMap<>();
        final List<LimiterPeaks> found = new ArrayList<>();

        @Override
        public LimiterPeaks find(LimiterPeaks.Detection detection) {
            LimiterPeaks p = kept.get(detection);
            if (p != null) {
                found.add(p);
            }
            return p;
        }

        @Override
        public void keep(LimiterPeaks peaks) {
            kept.put(peaks.detection(), peaks);
        }
    }

    /** The step resolved and rendered in a chain on a copy of the input, its gain-reduction trace recorded. */
    private record Outcome(Step resolved, AudioBuffer audio, double[] trace) {
    }

    private static Outcome render(AdaptiveStep step, AudioBuffer input, PeakReuse reuse) {
        GainReductionRecorder traces = new GainReductionRecorder();
        Renderer.Rendered r = new Renderer().withPeakReuse(index -> reuse).run(List.of(step), input.copy(), traces);
        return new Outcome(r.resolved().get(0), r.audio(), traces.traces().get(0).toArray());
    }

    private static void assertSameOutcome(Outcome expected, Outcome actual, String what) {
        assertEquals(expected.resolved(), actual.resolved(), what + ": the limiter found");
        ProcessorContract.assertSameBits(expected.audio(), actual.audio(), what);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.trace(), actual.trace(), what + ": the trace");
    }

    @Test
    void searchesAgainOnKeptPeaksGiveTheBitsOfSearchesThatDetectTheirOwn() {
        AudioBuffer input = song(6.0);
        Kept kept = new Kept();
        // Gentle first (little detected), then driven harder and lower (more), then gentler again (reads what is
        // there), with other ceilings and releases: none changes the peaks, so all share them.
        List<LoudnessTarget> edits = List.of(new Limiter().ceilingDbtp(-1).targetLufs(-20),
                new Limiter().ceilingDbtp(-1).targetLufs(-9), new Limiter().ceilingDbtp(-3).releaseMs(300).targetLufs(-11),
                new Limiter().ceilingDbtp(-0.5).releaseMs(40).targetLufs(-16), new Limiter().ceilingDbtp(-1).targetLufs(-20));
        for (int i = 0; i < edits.size(); i++) {
            LoudnessTarget step = edits.get(i);
            Outcome fresh = render(step, input, PeakReuse.NONE);
            Outcome reused = render(step, input.copy(), kept); // other buffers, the same samples
            assertSameOutcome(fresh, reused, "edit " + i + ", " + step);
            assertEquals(i, kept.found.size(), "every search after the first found the peaks");
        }
        assertEquals(1, kept.kept.size());
        assertTrue(kept.found.stream().allMatch(p -> p == kept.kept.values().iterator().next()));
    }

    @Test
    void peaksKeptForAnotherDetectionOrAnotherShapeAreNotRead() {
        AudioBuffer input = song(4.0);
        LoudnessTarget step = new Limiter().ceilingDbtp(-1).targetLufs(-12);
        Kept kept = new Kept();
        render(step, input, kept);
        LimiterPeaks first = kept.kept.values().iterator().next();
        // A careless keeper that hands over whatever it has: the envelope checks the detection it is given.
        PeakReuse careless = new PeakReuse() {
            @Override
            public LimiterPeaks find(LimiterPeaks.Detection detection) {
                return first;
            }

            @Override
            public void keep(LimiterPeaks peaks) {
            }
        };
        for (LoudnessTarget other : List.of(step.oversampling(8), step.lookaheadMs(2), step.lookaheadMs(12))) {
            assertNotSame(first, PeakEnvelope.of(input, other.limiter(), careless).detected(), other.toString());
            assertSameOutcome(render(other, input, PeakReuse.NONE), render(other, input, careless), other.toString());
        }
        AudioBuffer shorter = input.slice(0, input.frames() - 1);
        assertNotSame(first, PeakEnvelope.of(shorter, step.limiter(), careless).detected());
        assertSameOutcome(render(step, shorter, PeakReuse.NONE), render(step, shorter, careless), "one frame shorter");
        // The same shape and detection: read (the keeper answers for the samples).
        assertSame(first, PeakEnvelope.of(input, step.limiter().releaseMs(500), careless).detected());
    }

    @Test
    void theKeysOfTheDetectionAreItsOversamplingAndLatencyNotTheGainCeilingOrRelease() {
        AudioBuffer input = song(1.0);
        Limiter limiter = new Limiter();
        LimiterPeaks.Detection d = LimiterPeaks.Detection.of(input, limiter);
        assertEquals(d, LimiterPeaks.Detection.of(input, limiter.inputGainDb(7).ceilingDbtp(-4).releaseMs(900)));
        assertTrue(!d.equals(LimiterPeaks.Detection.of(input, limiter.oversampling(8))));
        assertTrue(!d.equals(LimiterPeaks.Detection.of(input, limiter.lookaheadMs(3))));
    }
}
