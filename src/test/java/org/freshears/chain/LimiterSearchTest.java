package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.demo.DemoMix;
import org.freshears.demo.DemoMixSpec;
import org.freshears.measure.Analysis;
import org.freshears.measure.LoudnessMeter;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/**
 * The loudness search detects the limiter's peaks once ({@link PeakEnvelope}) and renders each gain it tries
 * from them: every such render must be the very bits the renderer makes of {@code limiter.inputGainDb(gain)}
 * with a limiter of its own, so the search visits the same gains and resolves to the same one.
 */
class LimiterSearchTest {
    /** Rising as a search's tries mostly do, then falling back: the peaks detected for one serve the next. */
    private static final double[] GAINS_DB = {-12, 0, 4.5, 17, 9.25, 40, -3};

    /** A demo song whose first seconds rise from -80 dB (quiet chunks at some gains, not at others), and silence before. */
    private static AudioBuffer song(int sampleRate, double seconds) {
        AudioBuffer mix = DemoMix.generate(new DemoMixSpec(sampleRate, seconds, 7));
        int rise = 3 * sampleRate;
        for (float[] x : mix.planar()) {
            for (int i = 0; i < rise && i < x.length; i++) {
                x[i] *= (float) StrictMath.pow(10, -4 * (1 - i / (double) rise));
            }
        }
        return Signals.concat(Signals.silence(mix.channels(), sampleRate, 0.3), mix);
    }

    private static AudioBuffer mono(AudioBuffer stereo) {
        return new AudioBuffer(new float[][] {stereo.channel(0).clone()}, stereo.sampleRate(), ChannelLayout.standard(1));
    }

    /** Odd lengths, down to less than the limiter's latency (263 frames at 48 kHz, 5 ms lookahead). */
    private static List<AudioBuffer> materials() {
        AudioBuffer song = song(48_000, 6.0);
        AudioBuffer loudStart = song.slice(3 * 48_000 + 1_000, song.frames()); // starts loud: limits at once
        List<AudioBuffer> all = new ArrayList<>();
        for (AudioBuffer stereo : List.of(song, loudStart.slice(0, 100_003), loudStart.slice(0, 263),
                loudStart.slice(0, 200), loudStart.slice(0, 1))) {
            all.add(stereo);
            all.add(mono(stereo));
        }
        all.add(song(44_100, 4.0).slice(0, 150_001)); // another rate: another ramp and latency
        return all;
    }

    @Test
    void aRenderFromTheDetectedPeaksIsTheRenderersBitsAtEveryGainAndBlockSize() {
        Limiter limiter = new Limiter().ceilingDbtp(-1);
        for (AudioBuffer input : materials()) {
            PeakEnvelope envelope = PeakEnvelope.of(input, limiter);
            for (double gainDb : GAINS_DB) {
                Limiter driven = limiter.inputGainDb(gainDb);
                String what = input.channels() + " ch, " + input.frames() + " frames, " + gainDb + " dB";
                AudioBuffer expected = input.copy();
                GainReductionTrace expectedTrace = trace(input);
                Processor own = driven.newProcessor();
                ((GainReductionSource) own).traceInto(expectedTrace);
                new Renderer().apply(own, expected);

                AudioBuffer inPlace = input.copy();
                GainReductionTrace trace = trace(input);
                LimiterProcessor fromPeaks = new LimiterProcessor(driven, envelope);
                fromPeaks.traceInto(trace);
                new Renderer().apply(fromPeaks, inPlace);
                ProcessorContract.assertSameBits(expected, inPlace, what + ", in place");
                assertArrayEquals(expectedTrace.toArray(), trace.toArray(), what + ": the gain-reduction trace");

                for (int block : new int[] {1 << 16, 4096, 777}) {
                    AudioBuffer streamed = streamed(new Renderer(block), new LimiterProcessor(driven, envelope), input);
                    ProcessorContract.assertSameBits(expected, streamed, what + ", streamed in blocks of " + block);
                }
            }
        }
    }

    @Test
    void theLimiterReallyWorksOnTheMaterial() {
        // Otherwise the test above would compare copies of the input: at 17 dB the song is limited, at -12 dB not.
        AudioBuffer song = song(48_000, 6.0);
        AudioBuffer limited = ProcessorContract.render(new Limiter().ceilingDbtp(-1).inputGainDb(17), song, 4096);
        AudioBuffer gained = ProcessorContract.render(new Gain(17), song, 4096);
        assertNotEquals(ProcessorContract.sha256(gained), ProcessorContract.sha256(limited));
        AudioBuffer quiet = ProcessorContract.render(new Limiter().ceilingDbtp(-1).inputGainDb(-12), song, 4096);
        ProcessorContract.assertSameBits(ProcessorContract.render(new Gain(-12), song, 4096), quiet, "-12 dB");
    }

    @Test
    void peaksDetectedForOneCeilingDriveTheNext() {
        // The codec-safe search lowers the ceiling: each lower one needs more of the peaks detected.
        AudioBuffer input = song(48_000, 5.0);
        Limiter limiter = new Limiter();
        PeakEnvelope envelope = PeakEnvelope.of(input, limiter);
        for (double ceiling : new double[] {0, -1.36, -7, -30, -2}) {
            Limiter l = limiter.ceilingDbtp(ceiling).inputGainDb(6);
            AudioBuffer expected = ProcessorContract.render(l, input, 4096);
            AudioBuffer actual = input.copy();
            new Renderer().apply(new LimiterProcessor(l, envelope), actual);
            ProcessorContract.assertSameBits(expected, actual, "ceiling " + ceiling);
        }
    }

    @Test
    void theSearchResolvesAsRenderingEachTryWholeDoes() {
        AudioBuffer input = song(48_000, 8.0);
        for (double target : new double[] {-16, -9}) {
            LoudnessTarget step = new Limiter().ceilingDbtp(-1).targetLufs(target);
            Limiter found = step.resolve(input);
            // The secant search of before, each try rendered whole by the renderer and measured: the same gains.
            assertEquals(searchByWholeRenders(step, input), found.inputGainDb(), 0.0, "target " + target);
            double lufs = LoudnessMeter.integratedLufs(ProcessorContract.render(found, input, 4096));
            assertEquals(target, lufs, LoudnessTarget.TOLERANCE_LU, "target " + target);
        }
    }

    @Test
    void aChainRendersTheResolvedLimiterFromTheSearchToTheSameBitsAndTrace() {
        AudioBuffer input = song(48_000, 6.0);
        Step first = new Bell(3_000, 2, 1);
        LoudnessTarget target = new Limiter().ceilingDbtp(-1).targetLufs(-10);
        GainReductionRecorder traces = new GainReductionRecorder();
        Renderer.Rendered rendered = new Renderer().run(List.of(first, target), input.copy(), traces);
        Limiter found = (Limiter) rendered.resolved().get(1);

        GainReductionRecorder freshTraces = new GainReductionRecorder();
        AudioBuffer fresh = new Renderer().run(List.of(first, found), input.copy(), freshTraces).audio();
        ProcessorContract.assertSameBits(fresh, rendered.audio(), "the chain's output");
        assertEquals(1, traces.traces().size());
        assertArrayEquals(freshTraces.traces().get(0).toArray(), traces.traces().get(0).toArray());
        assertTrue(java.util.Arrays.stream(traces.traces().get(0).toArray()).min().orElse(0) < -1, "it limited");
    }

    @Test
    void theCodecSafeSearchRendersItsResultFromItsPeaks() {
        AudioBuffer input = song(48_000, 4.0);
        CodecSafeLimiter step = new Limiter().ceilingDbtp(-1).targetLufs(-11).codecSafe(new LossyCodec("aac", 256));
        List<Double> tries = new ArrayList<>();
        // A stand-in for the codecs: the first version decodes 0.4 dB over the ceiling, the second under it.
        CodecPeaks peaks = (audio, codecs) -> {
            tries.add(LoudnessMeter.integratedLufs(audio));
            return tries.size() == 1 ? -0.6 : -1.05;
        };
        AdaptiveStep.Resolved resolved = step.resolved(input, InputKnown.codecPeaks(peaks));
        Limiter found = (Limiter) resolved.step();
        assertEquals(-1 - 0.4 - CodecSafeLimiter.MARGIN_DB, found.ceilingDbtp(), 1e-9);
        assertEquals(2, tries.size());
        assertEquals(-11, tries.get(0), LoudnessTarget.TOLERANCE_LU, "each try driven to the target");
        AudioBuffer actual = input.copy();
        new Renderer().apply(resolved.ready(), actual);
        ProcessorContract.assertSameBits(ProcessorContract.render(found, input, 4096), actual, "the resolved limiter");
        assertEquals(-11, LoudnessMeter.integratedLufs(actual), LoudnessTarget.TOLERANCE_LU);
    }

    @Test
    void theAcceptedTrysOutputIsTheStepsOutputToTheBitAndNotRenderedAgain() {
        for (AudioBuffer input : materials()) {
            if (input.frames() < 48_000) {
                continue; // too short to have a gated loudness to target
            }
            String what = input.channels() + " ch, " + input.frames() + " frames";
            LoudnessTarget target = new Limiter().ceilingDbtp(-1).targetLufs(-10);
            GainReductionRecorder traces = new GainReductionRecorder();
            Renderer.Rendered rendered = new Renderer().run(List.of(target), input.copy(), traces);
            Limiter found = (Limiter) rendered.resolved().get(0);
            // A plain render of the limiter found, by its own processor.
            GainReductionRecorder plainTraces = new GainReductionRecorder();
            AudioBuffer plain = new Renderer().run(List.of(found), input.copy(), plainTraces).audio();
            ProcessorContract.assertSameBits(plain, rendered.audio(), what);
            assertArrayEquals(plainTraces.traces().get(0).toArray(), traces.traces().get(0).toArray(), what + ": trace");

            // What the step's processor gives is the output the search kept: it does not even read the audio.
            AdaptiveStep.Resolved resolved = target.resolved(input, InputKnown.NOTHING);
            assertTrue(resolved.ready() instanceof RenderedLimiter, what);
            AudioBuffer silence = new AudioBuffer(new float[input.channels()][input.frames()], input.sampleRate(),
                    input.layout());
            GainReductionTrace trace = trace(input);
            ((GainReductionSource) resolved.ready()).traceInto(trace);
            new Renderer().apply(resolved.ready(), silence);
            ProcessorContract.assertSameBits(plain, silence, what + ", handed over");
            assertArrayEquals(plainTraces.traces().get(0).toArray(), trace.toArray(), what + ": trace handed over");
            // A trace attached once it ran is filled too.
            GainReductionTrace late = trace(input);
            ((GainReductionSource) resolved.ready()).traceInto(late);
            assertArrayEquals(trace.toArray(), late.toArray(), what + ": a trace attached late");
        }
    }

    @Test
    void aSearchGivenTheInputsLoudnessStartsThereAndFindsTheSameLimiter() {
        AudioBuffer input = song(48_000, 6.0);
        LoudnessTarget target = new Limiter().ceilingDbtp(-1).targetLufs(-10);
        double measured = LoudnessMeter.integratedLufs(input);
        Limiter found = (Limiter) target.resolved(input, InputKnown.NOTHING).step();
        assertEquals(found, target.resolved(input, InputKnown.NOTHING.withIntegratedLufs(measured)).step());
        AudioBuffer given = new Renderer().run(List.of(target), input.copy(), measured, ChainObserver.NONE).audio();
        ProcessorContract.assertSameBits(ProcessorContract.render(found, input, 4096), given, "loudness given");
        // The value given is what the search starts from (not measured again): 3 LU off, it takes another path.
        Limiter misled = (Limiter) target.resolved(input, InputKnown.NOTHING.withIntegratedLufs(measured + 3)).step();
        assertNotEquals(found.inputGainDb(), misled.inputGainDb());
        assertEquals(-10, LoudnessMeter.integratedLufs(ProcessorContract.render(misled, input, 4096)),
                LoudnessTarget.TOLERANCE_LU);
        // Only the chain's first step sees the buffer whose loudness was given.
        Gain lift = new Gain(2);
        AudioBuffer chained = new Renderer().run(List.of(lift, target), input.copy(), measured, ChainObserver.NONE)
                .audio();
        AudioBuffer stepByStep = new Renderer().run(List.of(target), ProcessorContract.render(lift, input, 4096),
                ChainObserver.NONE).audio();
        ProcessorContract.assertSameBits(stepByStep, chained, "a target after a gain");
    }

    @Test
    void aSnapshotsAnalysisGivesTheMetersIntegratedLoudnessToTheBit() {
        // What a session hands the search for its input: the analysis it made of it.
        for (AudioBuffer input : materials()) {
            if (input.frames() < 2) {
                continue; // no spectrum, so no analysis, of a single frame
            }
            assertEquals(LoudnessMeter.integratedLufs(input), Analysis.of(input).integratedLufs(), 0.0,
                    input.channels() + " ch, " + input.frames() + " frames");
        }
    }

    @Test
    void peaksDetectedForAnotherLimiterOrInputAreRefused() {
        AudioBuffer input = song(48_000, 1.0);
        PeakEnvelope envelope = PeakEnvelope.of(input, new Limiter());
        assertThrows(IllegalStateException.class, () -> new Renderer().apply(
                new LimiterProcessor(new Limiter().oversampling(8), envelope), input.copy()), "another oversampling");
        assertThrows(IllegalStateException.class, () -> new Renderer().apply(
                new LimiterProcessor(new Limiter().lookaheadMs(2), envelope), input.copy()), "another latency");
        assertThrows(IllegalStateException.class, () -> new Renderer().apply(
                new LimiterProcessor(new Limiter(), envelope), mono(input)), "another channel count");
        AudioBuffer longer = Signals.concat(input, input);
        assertThrows(IllegalStateException.class, () -> new Renderer().apply(
                new LimiterProcessor(new Limiter(), envelope), longer), "a longer input");
        AudioBuffer kept = input.copy();
        RenderedLimiter rendered = new RenderedLimiter(new Limiter(), envelope, kept);
        assertThrows(IllegalStateException.class, () -> new Renderer().apply(rendered, longer), "a longer input");
        assertThrows(IllegalStateException.class, () -> new Renderer().apply(rendered, mono(input)), "another shape");
    }

    @Test
    void integratedLoudnessFedInBlocksIsTheWholeBuffersToTheBit() {
        AudioBuffer input = song(48_000, 5.0).slice(0, 200_001);
        LoudnessMeter.IntegratedLoudness meter = new LoudnessMeter.IntegratedLoudness(input.sampleRate(),
                input.layout());
        for (int from = 0, block = 1; from < input.frames(); from += block, block = block * 3 + 1) {
            meter.feed(input.planar(), from, Math.min(block, input.frames() - from));
        }
        assertEquals(LoudnessMeter.integratedLufs(input), meter.integratedLufs(), 0.0);
    }

    private static GainReductionTrace trace(AudioBuffer input) {
        return GainReductionTrace.forFrames(input.sampleRate(), input.frames(), GainReductionTrace.DEFAULT_HOP_MS);
    }

    /** What {@link Renderer#stream} hands its sink, gathered into one buffer. */
    private static AudioBuffer streamed(Renderer renderer, Processor processor, AudioBuffer input) {
        float[][] out = new float[input.channels()][input.frames()];
        int[] written = {0};
        renderer.stream(processor, input, (audio, from, frames) -> {
            for (int c = 0; c < out.length; c++) {
                System.arraycopy(audio[c], from, out[c], written[0], frames);
            }
            written[0] += frames;
        });
        assertEquals(input.frames(), written[0], "frames streamed");
        return new AudioBuffer(out, input.sampleRate(), input.layout());
    }

    /** The search as it was: each try rendered over a copy of the input with a limiter of its own, then measured. */
    static double searchByWholeRenders(LoudnessTarget step, AudioBuffer input) {
        double gain = Math.max(-40, Math.min(40, step.targetLufs() - LoudnessMeter.integratedLufs(input)));
        double previousGain = Double.NaN;
        double previousLufs = Double.NaN;
        for (int render = 0; render < LoudnessTarget.MAX_RENDERS; render++) {
            AudioBuffer out = ProcessorContract.render(step.limiter().inputGainDb(gain), input, 4096);
            double lufs = LoudnessMeter.integratedLufs(out);
            double error = step.targetLufs() - lufs;
            if (Math.abs(error) <= LoudnessTarget.TOLERANCE_LU) {
                return gain;
            }
            double slope = (lufs - previousLufs) / (gain - previousGain);
            double stepDb = Double.isFinite(slope) && slope > 0 ? error / Math.max(slope, 0.01) : error;
            stepDb = Math.max(-12, Math.min(12, stepDb));
            previousGain = gain;
            previousLufs = lufs;
            gain = Math.max(-40, Math.min(40, gain + stepDb));
        }
        throw new AssertionError("no gain found");
    }
}
