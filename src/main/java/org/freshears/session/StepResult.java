package org.freshears.session;

import java.util.List;
import org.freshears.chain.GainReductionTrace;
import org.freshears.chain.Step;

/**
 * What rendering one step gave besides its audio, as a {@link ResultCache} keeps it under the step's key:
 * its settings as resolved against its input (a loudness target's limiter gain) and the gain reduction it
 * recorded. The step's audio is a result of its own ({@link CacheKeys#stepAudio}), read only when needed:
 * a run whose steps are all cached never reads most of them.
 */
public record StepResult(List<Step> resolved, List<GainReductionTrace> gainReduction) {
    public StepResult {
        resolved = List.copyOf(resolved);
        gainReduction = List.copyOf(gainReduction);
    }

    /** Roughly what it holds in memory, bytes: the traces. */
    public long sizeBytes() {
        long traces = 0;
        for (GainReductionTrace t : gainReduction) {
            traces += 8L * t.capacityHops() * (1 + t.bands().size());
        }
        return traces + 1024;
    }
}
