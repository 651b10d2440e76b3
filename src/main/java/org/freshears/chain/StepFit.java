package org.freshears.chain;

/**
 * Whether a step's settings fit the audio it will run on, beyond what its record checks alone: its
 * frequencies below the Nyquist frequency of the sample rate, its times within the audio's length. A
 * render checks the times before it applies a step (and its processor checks the frequencies when it is
 * prepared); a session file is checked with {@link #check} against its mix when it is loaded, so a
 * tampered file is refused before anything is written, by the same rules.
 */
public final class StepFit {
    /** Block size for the trial preparation: any size prepares the same state. */
    private static final int TRIAL_BLOCK_FRAMES = 1024;

    private StepFit() {
    }

    /**
     * Every rule: the times ({@link #checkTimes}) and, for a streaming step, its processor's preparation at
     * this sample rate (where the frequency rules live), without processing any audio.
     *
     * @throws IllegalArgumentException naming the setting that does not fit
     */
    public static void check(Step step, int sampleRate, int channels, long frames) {
        checkTimes(step, sampleRate, frames);
        if (step instanceof Edit || step instanceof AdaptiveStep) {
            return; // applied whole, or resolved first (into a step that is checked itself)
        }
        step.newProcessor().prepare(new ProcessSpec(sampleRate, channels, TRIAL_BLOCK_FRAMES));
    }

    /**
     * Times must lie within the audio: a fade no longer than the audio, a clip-gain span that starts before
     * its end and ends by it (one frame's rounding allowed).
     *
     * @throws IllegalArgumentException naming the setting and the audio's length
     */
    public static void checkTimes(Step step, int sampleRate, long frames) {
        double seconds = frames / (double) sampleRate;
        double slack = 1.0 / sampleRate;
        if (step instanceof Fades f) {
            atMost("fadeInSeconds", f.fadeInSeconds(), seconds, slack);
            atMost("fadeOutSeconds", f.fadeOutSeconds(), seconds, slack);
        } else if (step instanceof ClipGain c) {
            for (GainSpan span : c.spans()) {
                if (!(span.fromSeconds() < seconds)) {
                    throw new IllegalArgumentException("span " + span + " starts after the audio ends ("
                            + StepArguments.format(seconds) + " s)");
                }
                atMost("span toSeconds", span.toSeconds(), seconds, slack);
            }
        }
    }

    private static void atMost(String name, double value, double seconds, double slack) {
        if (!(value <= seconds + slack)) {
            throw new IllegalArgumentException(name + " must be at most the audio's length ("
                    + StepArguments.format(seconds) + " s), got " + StepArguments.format(value));
        }
    }
}
