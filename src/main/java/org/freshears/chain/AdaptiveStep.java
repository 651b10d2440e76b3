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

    /** The same, where codec round trips are at hand ({@link CodecSafeLimiter} reads them; others need none). */
    default Step resolve(AudioBuffer input, CodecPeaks peaks) {
        return resolve(input);
    }

    @Override
    default Processor newProcessor() {
        throw new IllegalStateException(this + " depends on its input: resolve it first");
    }
}
