package org.freshears.chain;

import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;

/**
 * Keeps the gain reduction of every dynamics processor in a chain ({@link GainReductionSource}), one
 * trace each in chain order, at {@link GainReductionTrace#DEFAULT_HOP_MS}: what a step's gain-reduction
 * chart draws.
 */
public final class GainReductionRecorder implements ChainObserver {
    private final List<GainReductionTrace> traces = new ArrayList<>();

    @Override
    public void processorMade(int stepIndex, Processor processor, AudioBuffer audio) {
        if (processor instanceof GainReductionSource source) {
            GainReductionTrace trace = GainReductionTrace.forFrames(audio.sampleRate(), audio.frames(),
                    GainReductionTrace.DEFAULT_HOP_MS);
            source.traceInto(trace);
            traces.add(trace);
        }
    }

    /** The traces so far, in chain order. */
    public List<GainReductionTrace> traces() {
        return List.copyOf(traces);
    }
}
