package org.freshears.chain;

/** A stretch of time, in seconds from the start of the audio, to be raised or lowered by gainDb. */
public record GainSpan(double fromSeconds, double toSeconds, double gainDb) {
    public GainSpan {
        StepArguments.nonNegative("fromSeconds", fromSeconds);
        if (!(toSeconds > fromSeconds) || Double.isInfinite(toSeconds)) {
            throw new IllegalArgumentException("toSeconds must be > fromSeconds (" + fromSeconds + "), got "
                    + toSeconds);
        }
        StepArguments.gainDb("gainDb", gainDb, Gain.MAX_GAIN_DB);
    }
}
