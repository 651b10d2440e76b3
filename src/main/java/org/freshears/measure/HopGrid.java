package org.freshears.measure;

/**
 * The 100 ms grid of the loudness meter, in frames. Hop k starts at frame {@code round(k * fs / 10)}
 * (halves rounded up, computed exactly in integers), so the hops tile the file with no gap or overlap
 * at every rate. When fs is a multiple of 10 (every common rate down to 8 kHz) each hop is exactly
 * fs/10 frames; at 11 025 Hz hops alternate 1102 and 1103 frames, and 4 hops are exactly 4410 frames
 * (400 ms) and 30 hops exactly 33 075 (3 s): windows made of whole hops are exact whenever 0.4 fs is
 * an integer, that is for every rate divisible by 5.
 */
final class HopGrid {
    /** Hops per second: BS.1770-4 gating blocks overlap by 75 % of 400 ms, a 100 ms step. */
    static final int HOPS_PER_SECOND = 10;

    private final long sampleRate;

    HopGrid(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** The first frame of hop k, {@code floor(k fs / 10 + 1/2)}. */
    long start(long hop) {
        return (2 * hop * sampleRate + HOPS_PER_SECOND) / (2L * HOPS_PER_SECOND);
    }

    /** The number of hops lying wholly inside {@code frames} frames. */
    int completeHops(long frames) {
        return hopOf(frames);
    }

    /** The hop a frame falls in: the largest k with start(k) <= frame. */
    int hopOf(long frame) {
        long k = frame * HOPS_PER_SECOND / sampleRate;
        while (start(k + 1) <= frame) {
            k++;
        }
        while (k > 0 && start(k) > frame) {
            k--;
        }
        return (int) k;
    }
}
