package org.freshears.chain;

import org.freshears.audio.AudioBuffer;

/**
 * Cuts silence from both ends: finds the first and last frame where any channel's sample magnitude
 * reaches thresholdDb (dBFS), and keeps keepLeadingMs before the first and keepTrailingMs after the last
 * (clipped to the audio), so it never cuts into audio at or above the threshold and leaves a short margin
 * for the attack and the decay. Audio that never reaches the threshold is left whole (trimming it all
 * would leave nothing to master).
 */
public record TrimSilence(double thresholdDb, double keepLeadingMs, double keepTrailingMs) implements Edit {
    /** -60 dBFS: below the noise floor of most mixes, above the dither and fade tails. */
    public static final double DEFAULT_THRESHOLD_DB = -60;
    public static final double DEFAULT_KEEP_LEADING_MS = 10;
    public static final double DEFAULT_KEEP_TRAILING_MS = 200;

    public TrimSilence {
        if (!(thresholdDb < 0) || Double.isInfinite(thresholdDb)) {
            throw new IllegalArgumentException(
                    "thresholdDb must be < 0 (dBFS), got " + StepArguments.format(thresholdDb));
        }
        StepArguments.nonNegative("keepLeadingMs", keepLeadingMs);
        StepArguments.nonNegative("keepTrailingMs", keepTrailingMs);
    }

    public TrimSilence() {
        this(DEFAULT_THRESHOLD_DB, DEFAULT_KEEP_LEADING_MS, DEFAULT_KEEP_TRAILING_MS);
    }

    public TrimSilence thresholdDb(double value) {
        return new TrimSilence(value, keepLeadingMs, keepTrailingMs);
    }

    public TrimSilence keepLeadingMs(double value) {
        return new TrimSilence(thresholdDb, value, keepTrailingMs);
    }

    public TrimSilence keepTrailingMs(double value) {
        return new TrimSilence(thresholdDb, keepLeadingMs, value);
    }

    @Override
    public AudioBuffer apply(AudioBuffer input) {
        double threshold = StrictMath.pow(10, thresholdDb / 20);
        int frames = input.frames();
        int first = -1;
        int last = -1;
        for (int i = 0; i < frames && first < 0; i++) {
            if (loudest(input, i) >= threshold) {
                first = i;
            }
        }
        if (first < 0) {
            return input.copy();
        }
        for (int i = frames - 1; i >= first && last < 0; i--) {
            if (loudest(input, i) >= threshold) {
                last = i;
            }
        }
        long lead = Math.round(keepLeadingMs * input.sampleRate() / 1000);
        long trail = Math.round(keepTrailingMs * input.sampleRate() / 1000);
        int from = (int) Math.max(0, first - lead);
        int to = (int) Math.min(frames, last + 1 + trail);
        return input.slice(from, to);
    }

    private static double loudest(AudioBuffer buffer, int frame) {
        double peak = 0;
        for (int c = 0; c < buffer.channels(); c++) {
            peak = Math.max(peak, Math.abs(buffer.channel(c)[frame]));
        }
        return peak;
    }
}
