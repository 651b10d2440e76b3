package org.freshears.session;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.chain.GainReductionTrace;
import org.freshears.chain.Step;

/**
 * What rendering one step gave, as a {@link ResultCache} keeps it: its output audio, its settings as
 * resolved against its input (a loudness target's limiter gain), and the gain reduction it recorded.
 */
public record StepResult(AudioBuffer audio, List<Step> resolved, List<GainReductionTrace> gainReduction) {
    public StepResult {
        resolved = List.copyOf(resolved);
        gainReduction = List.copyOf(gainReduction);
    }

    /** The same result with audio of its own (the traces and steps are not changed once made). */
    public StepResult copy() {
        return new StepResult(audio.copy(), resolved, gainReduction);
    }

    /** Roughly what it holds in memory, bytes: the audio, as 32-bit floats, and the traces. */
    public long sizeBytes() {
        long traces = 0;
        for (GainReductionTrace t : gainReduction) {
            traces += 8L * t.capacityHops() * (1 + t.bands().size());
        }
        return 4L * audio.frames() * audio.channels() + traces + 1024;
    }
}
