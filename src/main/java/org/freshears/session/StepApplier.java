package org.freshears.session;

import java.util.List;
import java.util.function.DoubleConsumer;
import org.freshears.audio.AudioBuffer;
import org.freshears.chain.Edit;
import org.freshears.chain.GainReductionSource;
import org.freshears.chain.GainReductionTrace;
import org.freshears.chain.Renderer;
import org.freshears.chain.Step;

/**
 * Applies one concrete step to the master. The session and {@link Replay} both go through here, so a
 * replay renders with exactly the code a notebook rendered with (same renderer, same block size, same
 * tracing), which is what makes "same JSON, same bits" hold.
 */
final class StepApplier {
    private final Renderer renderer = new Renderer();

    /**
     * The audio after the step: the same buffer, processed in place, for a streaming step; a new one for
     * an {@link Edit}. A dynamics processor's gain reduction is added to {@code traces}.
     */
    AudioBuffer apply(Step step, AudioBuffer audio, List<GainReductionTrace> traces) {
        return apply(step, audio, traces, fraction -> { });
    }

    /** As {@link #apply(Step, AudioBuffer, List)}, reporting progress (0 to 1) as the blocks are rendered. */
    AudioBuffer apply(Step step, AudioBuffer audio, List<GainReductionTrace> traces, DoubleConsumer progress) {
        return renderer.applyStep(step, audio, processor -> {
            if (processor instanceof GainReductionSource source) {
                GainReductionTrace trace = GainReductionTrace.forFrames(audio.sampleRate(), audio.frames(),
                        GainReductionTrace.DEFAULT_HOP_MS);
                source.traceInto(trace);
                traces.add(trace);
            }
        }, progress);
    }
}
