package org.freshears.chain;

/**
 * Where a loudness search finds the limiter peaks of its input detected by an earlier render of the same audio,
 * and leaves those it detects for a later one ({@link LimiterPeaks}). The chain knows no names for audio; whoever
 * runs it and names each version (a session, by the derivation its result cache keys) answers for one input:
 * what it finds must have been detected in exactly these samples, and is checked against the detection asked
 * for before it is read.
 */
public interface PeakReuse {
    /** Nothing kept: every search detects its own. */
    PeakReuse NONE = new PeakReuse() {
        @Override
        public LimiterPeaks find(LimiterPeaks.Detection detection) {
            return null;
        }

        @Override
        public void keep(LimiterPeaks peaks) {
        }
    };

    /** Peaks kept for this input with this detection, or null. */
    LimiterPeaks find(LimiterPeaks.Detection detection);

    /** Keeps peaks of this input (detected from now on as searches need them) for later renders of it. */
    void keep(LimiterPeaks peaks);
}
