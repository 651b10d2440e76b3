package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.measure.LoudnessMeter;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/** {@link Renderer#run}, the one chain runner sessions, replays and the benchmark render through. */
class ChainRunnerTest {
    private static final int RATE = 48_000;

    private static AudioBuffer input() {
        return Signals.pinkNoise(2, RATE, 3 * RATE, 0.2, 11);
    }

    @Test
    void resolvesAdaptiveStepsShowsEachProcessorAndReportsProgress() {
        List<Step> chain = List.of(new Bell(300, -2), Compressor.defaults().thresholdDb(-30).ratio(3),
                new Fades(0.1, 0.1, FadeCurve.LINEAR), new Limiter().targetLufs(-14));
        List<String> made = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        GainReductionRecorder traces = new GainReductionRecorder();
        ChainObserver watcher = new ChainObserver() {
            @Override
            public void processorMade(int stepIndex, Processor processor, AudioBuffer audio) {
                made.add(stepIndex + (processor instanceof GainReductionSource ? ":dynamics" : ":filter"));
            }

            @Override
            public void progress(double fraction) {
                progress.add(fraction);
            }
        };
        Renderer.Rendered rendered = new Renderer().run(chain, input(), traces.andThen(watcher));

        // Streaming steps show their fresh processor; the fade is an edit and has none.
        assertEquals(List.of("0:filter", "1:dynamics", "3:dynamics"), made);
        assertEquals(2, traces.traces().size(), "compressor and limiter gain reduction");
        assertEquals(chain.subList(0, 3), rendered.resolved().subList(0, 3), "concrete steps as written");
        Limiter resolved = assertInstanceOf(Limiter.class, rendered.resolved().get(3));
        assertTrue(resolved.inputGainDb() != 0, "the target found a drive: " + resolved);
        assertEquals(-14, LoudnessMeter.integratedLufs(rendered.audio()), 0.1);
        assertEquals(1.0, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertFalse(progress.get(i) < progress.get(i - 1), "progress never goes back: " + progress);
        }

        // Rendering the resolved chain (what a replay does) gives the same bits, without searching again.
        ProcessorContract.assertSameBits(rendered.audio(), new Renderer().render(rendered.resolved(), input()),
                "resolved chain");
        ProcessorContract.assertSameBits(rendered.audio(), new Renderer().render(chain, input()), "render()");
    }

    /**
     * A session's versions are shared once made (result cache, listening files, the next step), so run never
     * changes its input: a streaming step renders over a copy, and a loudness target hands over the output its
     * search made, copying nothing. runOver and render render over the caller's buffer, as before.
     */
    @Test
    void runLeavesItsInputAsItWasAndRunOverRendersOverIt() {
        List<Step> streaming = List.of(new Bell(300, -2), Compressor.defaults().thresholdDb(-30).ratio(3));
        List<Step> target = List.of(new Limiter().targetLufs(-14));
        for (List<Step> chain : List.of(streaming, target, List.of(streaming.get(0), target.get(0)))) {
            AudioBuffer input = input();
            Renderer.Rendered rendered = new Renderer().run(chain, input, ChainObserver.NONE);
            ProcessorContract.assertSameBits(input(), input, "run's input after " + chain);
            assertNotSame(input, rendered.audio());

            AudioBuffer own = input();
            Renderer.Rendered over = new Renderer().runOver(chain, own, ChainObserver.NONE);
            assertSame(own, over.audio(), "runOver leaves the output in the caller's buffer: " + chain);
            ProcessorContract.assertSameBits(rendered.audio(), own, "the same bits either way: " + chain);
        }
    }
}
