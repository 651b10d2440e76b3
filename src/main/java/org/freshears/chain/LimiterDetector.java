package org.freshears.chain;

import org.freshears.dsp.TruePeakFilter;

/**
 * One channel of the limiter's true-peak detection (step 1 of {@link LimiterProcessor}): the oversampled
 * input, each local maximum refined by the sinusoid through it and its two neighbours, the largest per base
 * frame. The streaming limiter runs it chunk by chunk as audio arrives; a loudness search runs it over the
 * chunks of a whole input its tries need ({@link PeakEnvelope}), each chunk on its own ({@link #seek}), so
 * chunks can be detected in any order and on several threads.
 *
 * <p>It raises peaks in an array the caller zeroes, so the channels of a frame share one value: the largest
 * over them, whichever channel comes first.
 */
final class LimiterDetector {
    /** The most frames one {@link #detect} takes. */
    static final int CHUNK = 256;
    /** Frames {@link #seek} reads: the interpolator's whole window and the frame before it. */
    static final int SEEK_FRAMES = TruePeakFilter.TAPS_PER_PHASE;
    /** sqrt(2), the most sinusoidalPeak can raise a point, with a margin for rounding. */
    private static final double QUIET_FACTOR = StrictMath.sqrt(2) * (1 + 1e-9);

    private final TruePeakFilter filter;
    private final int factor;
    private final double[] oversampled;
    /** The last two oversampled points of the previous chunk: a point is refined when its successor arrives. */
    private double before;
    private double current;

    LimiterDetector(int factor) {
        this.factor = factor;
        this.filter = new TruePeakFilter(factor, CHUNK);
        this.oversampled = new double[CHUNK * factor];
    }

    /** Frames the detected peaks lag the input by (the interpolator's). */
    int latencyFrames() {
        return filter.latencyFrames();
    }

    void reset() {
        filter.reset();
        before = 0.0;
        current = 0.0;
    }

    /**
     * Puts this detector where it would be after the stream's frames up to the next chunk, given the last
     * {@link #SEEK_FRAMES} of them in {@code past} (zeros before the stream's start): the interpolator's
     * window holds the last of them and the two points carried are those of the last frame, computed with the
     * same operations as in the stream, so what follows is detected to the same bits. Lets chunks be detected
     * one by one, in any order, on any thread.
     */
    void seek(float[] past) {
        filter.reset();
        int points = SEEK_FRAMES * factor;
        filter.upsampleTail(past, 0, SEEK_FRAMES, oversampled, points - 2);
        carry(points, 0.0);
    }

    /**
     * Raises {@code peak[at + i]} to the largest refined |x| in the oversampled interval of frame
     * {@code offset + i} of {@code channel}, for i in [0, n), n at most {@link #CHUNK}. Each oversampled point is
     * refined when its successor arrives (state carried across calls, so the chunking never changes a peak);
     * it is credited to the frame of that successor, i.e. the intervals are shifted by one oversampled point,
     * which the limiter's guard frames absorb.
     *
     * <p>Where every refined peak of the chunk is surely at or below {@code quietLevel}, the peaks are left as
     * they are (a limiter gives such frames r = 1 exactly whatever their peaks): the detected numbers depend on
     * the level, the gain computed from them does not, for every limiter whose own quiet level is at least it.
     *
     * @return a bound of the peaks left out: 0 when the chunk's peaks were all raised, else a level no refined
     *     peak of the chunk exceeds (at most {@code quietLevel})
     */
    double detect(float[] channel, int offset, int n, double[] peak, int at, double quietLevel) {
        double a = before;
        double b = current;
        int points = n * factor;
        // Cheaper exact shortcut first: when even a bound of every point the filter will produce
        // (TruePeakFilter.outputBound) passes the quiet test below, that test would pass; so skip
        // interpolating and compute only the two points carried into the next chunk.
        double bound = Math.max(Math.abs(b), filter.outputBound(channel, offset, n)) * QUIET_FACTOR;
        if (bound <= quietLevel) {
            filter.upsampleTail(channel, offset, n, oversampled, points - 2);
            carry(points, b);
            return bound;
        }
        filter.upsample(channel, offset, n, oversampled);
        // Exact shortcut: a refined peak is below sqrt(2) times the point it refines (see sinusoidalPeak), so
        // when sqrt(2) times every point this chunk refines stays under the quiet level, leave the peaks.
        double largest = Math.abs(b);
        for (int j = 0; j < points; j++) {
            largest = Math.max(largest, Math.abs(oversampled[j]));
        }
        if (largest * QUIET_FACTOR <= quietLevel) {
            carry(points, b);
            return largest * QUIET_FACTOR;
        }
        for (int frame = 0, j = 0; frame < n; frame++) {
            double framePeak = peak[at + frame];
            for (int end = j + factor; j < end; j++) {
                double next = oversampled[j];
                double mag = Math.abs(b);
                double left = b >= 0 ? a : -a;
                double right = b >= 0 ? next : -next;
                if (mag >= left && mag >= right) {
                    mag = sinusoidalPeak(left, mag, right);
                }
                if (mag > framePeak) {
                    framePeak = mag;
                }
                a = b;
                b = next;
            }
            peak[at + frame] = framePeak;
        }
        before = a;
        current = b;
        return 0.0;
    }

    /** The state after a chunk whose points were not scanned (b: the point carried in). */
    private void carry(int points, double b) {
        before = points >= 2 ? oversampled[points - 2] : b;
        current = oversampled[points - 1];
    }

    /**
     * The peak of the sinusoid through three equally spaced points around a local maximum: for
     * A cos(w t + p) sampled at -1, 0, 1, left + right = 2 mid cos w and left - right = 2 A sin p sin w,
     * so A^2 = mid^2 + ((left - right) / (2 sin w))^2. Exact for one sinusoid at any frequency below
     * the oversampled Nyquist (a parabola through the points reads up to 0.05 dB low at 0.45 fs, 4x);
     * near a peak, band-limited material looks locally like one.
     */
    static double sinusoidalPeak(double left, double mid, double right) {
        double cos = (left + right) / (2 * mid);
        double sin2 = 1 - cos * cos;
        if (!(sin2 > 1e-12) || cos <= 0) {
            return mid;
        }
        double d = left - right;
        return Math.sqrt(mid * mid + d * d / (4 * sin2));
    }
}
