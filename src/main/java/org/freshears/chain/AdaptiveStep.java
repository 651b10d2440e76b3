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

    /**
     * The concrete step for this input and, where resolving it already did part of the rendering's work (a
     * loudness search detects the limiter's peaks), a processor of it that reuses that work: it renders the same
     * bits as the step's own, over this input only. The renderer renders with it.
     */
    default Resolved resolved(AudioBuffer input, CodecPeaks peaks) {
        return new Resolved(resolve(input, peaks), null);
    }

    /**
     * The same, told the input's integrated loudness where the caller has measured this very audio already
     * ({@link org.freshears.measure.LoudnessMeter#integratedLufs}'s value, or the analysis of the snapshot it is,
     * the same to the bit; NaN: not measured): a loudness target starts its search from it instead of measuring
     * again. Steps that do not need it ignore it.
     */
    default Resolved resolved(AudioBuffer input, CodecPeaks peaks, double inputLufs) {
        return resolved(input, peaks);
    }

    /**
     * The same, where a loudness search may start from the limiter peaks an earlier render of this very input
     * detected, and leave its own for a later one ({@link PeakReuse}): the same step and the same bits as
     * without. Steps that detect no peaks ignore it.
     */
    default Resolved resolved(AudioBuffer input, CodecPeaks peaks, double inputLufs, PeakReuse reuse) {
        return resolved(input, peaks, inputLufs);
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
