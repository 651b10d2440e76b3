package org.freshears.chain;

import org.freshears.audio.AudioBuffer;

/**
 * A step whose concrete settings depend on the audio it receives (a loudness target picks the gain
 * into the limiter). It is resolved against its input into a plain step before rendering; the resolved
 * step is what a session records, so a replay renders the same bits without searching again.
 */
public sealed interface AdaptiveStep extends Step permits LoudnessTarget, CodecSafeLimiter, MatchEq {

    /** The concrete step this one becomes for this input. The input is not changed. */
    Step resolve(AudioBuffer input);

    /**
     * The concrete step for this input and, where resolving it already did part of the rendering's work (a
     * loudness search detects the limiter's peaks), a processor of it that reuses that work: it renders the same
     * bits as the step's own, over this input only. The renderer renders with it. {@code known} is what the caller
     * knows of the input already (codec round trips, its loudness, kept limiter peaks): each step takes what it
     * needs, and the step and bits are the same as without it.
     */
    default Resolved resolved(AudioBuffer input, InputKnown known) {
        return new Resolved(resolve(input), null);
    }

    /**
     * A resolved step, with a processor of it made ready for the input it was resolved on (null: none, the
     * renderer makes the step's own).
     */
    record Resolved(Step step, Processor ready) {
        public Resolved {
            if (step == null || step instanceof AdaptiveStep) {
                throw new IllegalArgumentException("not a resolved step: " + step);
            }
        }
    }

    @Override
    default Processor newProcessor() {
        throw new IllegalStateException(this + " depends on its input: resolve it first");
    }
}
