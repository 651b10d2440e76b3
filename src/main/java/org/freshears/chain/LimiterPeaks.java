package org.freshears.chain;

import java.util.Arrays;
import org.freshears.audio.AudioBuffer;

/**
 * The limiter's peaks of one input as far as they are detected so far (what a {@link PeakEnvelope} detects and
 * reads), without the input itself: what a chain's runner may keep between renders of the same audio
 * ({@link PeakReuse}), so that a loudness target searched again on that audio with another target, ceiling or
 * release (a kernel's cell run again) detects only what no render before it did. A {@link PeakEnvelope} binds
 * these to the input each time they are used: the audio they were detected in may have been rendered over in
 * place since.
 *
 * <p>The peaks depend on the input's samples, the detector's oversampling and the limiter's latency (its
 * lookahead), nothing else ({@link Detection}): not on the input gain, the ceiling, the release or the target.
 * Detection only ever adds to them, and what it adds leaves every limiter that read them before with the same
 * gains ({@link PeakEnvelope}), so one instance serves renders one after another. Thread-safe: detection is one
 * at a time.
 */
public final class LimiterPeaks {
    /**
     * What the peaks are detected for: the input's shape and the limiter's detection. Peaks kept for other audio
     * of the same shape are not told apart by this: whoever keeps them must name the audio (a session by its
     * derivation, as its result cache does).
     *
     * @param sampleRate the input's sample rate, Hz
     * @param channels the input's channels
     * @param frames the input's frames
     * @param oversampling the detector's oversampling factor
     * @param latencyFrames the limiter's latency: detector, attack ramp (lookahead) and guard
     */
    public record Detection(int sampleRate, int channels, int frames, int oversampling, int latencyFrames) {
        /** The detection of {@code limiter} (any input gain, ceiling and release) on {@code input}. */
        static Detection of(AudioBuffer input, Limiter limiter) {
            int detectorLatency = new LimiterDetector(limiter.oversampling()).latencyFrames();
            return new Detection(input.sampleRate(), input.channels(), input.frames(), limiter.oversampling(),
                    LimiterProcessor.latencyFrames(detectorLatency,
                            LimiterProcessor.rampFrames(limiter, input.sampleRate())));
        }

        /** Whether {@code input} has the shape these peaks were detected for. */
        boolean fits(AudioBuffer input) {
            return input.sampleRate() == sampleRate && input.channels() == channels && input.frames() == frames;
        }
    }

    private final Detection detection;
    /** p[m] of the input and of the flushed tail after it. */
    final double[] peaks;
    /** Chunk starts, in frames of input and tail, and the end: the renderer's chunking. */
    final int[] chunkStarts;
    /**
     * Per chunk and channel ({@code chunk * channels + channel}): a bound of the peaks not yet in {@link #peaks}
     * (0: all in; infinite: never detected).
     */
    final double[] leftOut;
    /** Bumped by every detection that raised peaks: what {@link #held} was worked out from. */
    private long version;
    /** The held maxima of {@link #heldWindow} frames as of {@link #heldVersion}; null until asked for. */
    private double[] held;
    private int heldWindow;
    private long heldVersion = -1;

    LimiterPeaks(Detection detection) {
        this.detection = detection;
        long total = (long) detection.frames() + detection.latencyFrames();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("audio of " + detection.frames() + " frames is too long to search a "
                    + "limiter's gain");
        }
        this.peaks = new double[(int) total];
        this.chunkStarts = chunkStarts(detection.frames(), (int) total);
        this.leftOut = new double[(chunkStarts.length - 1) * detection.channels()];
        Arrays.fill(leftOut, Double.POSITIVE_INFINITY);
    }

    /**
     * The renderer's chunks of a limiter: {@link LimiterDetector#CHUNK} frames from the start of the input, then
     * from the start of the flushed tail (where the chunks fall decides which quiet ones a limiter skips).
     */
    private static int[] chunkStarts(int frames, int total) {
        int chunk = LimiterDetector.CHUNK;
        int inInput = (frames + chunk - 1) / chunk;
        int inTail = (total - frames + chunk - 1) / chunk;
        int[] starts = new int[inInput + inTail + 1];
        for (int k = 0; k < inInput; k++) {
            starts[k] = k * chunk;
        }
        for (int k = 0; k < inTail; k++) {
            starts[inInput + k] = frames + k * chunk;
        }
        starts[inInput + inTail] = total;
        return starts;
    }

    /** Records that a detection raised peaks (the held maxima are worked out again when next asked for). */
    void detected() {
        version++;
    }

    /**
     * The largest peak in each frame's window of the last {@code window} frames (frames before the input count as
     * 0): {@code held[m] = max(peaks[max(0, m - window + 1) .. m])}, of the peaks as detected now. Kept until a
     * detection raises peaks. A limiter's hold is the smallest r over that window, and r falls as the peak rises
     * (r = threshold / (p * gain) above the threshold, else 1; rounding keeps that order), so the hold is r of the
     * held maximum, to the bit, at any gain: the window's minimum need not be searched again per try. Callers hold
     * the lock detection takes.
     */
    double[] held(int window) {
        if (held == null || heldWindow != window || heldVersion != version) {
            held = slidingMaximum(peaks, window);
            heldWindow = window;
            heldVersion = version;
        }
        return held;
    }

    /**
     * The maximum of each window of {@code window} values ending at each index, in three passes without a branch
     * that depends on the data (van Herk 1992, Gil and Werman 1993): per block of {@code window} values the
     * running maximum from its start and from its end; a window then spans at most two blocks, and its maximum is
     * the larger of the first block's tail and the second's head. Values are magnitudes (never NaN).
     *
     * <p>Block by block: a window ending in a block starts in the block before (or is the whole block), so only
     * two blocks' maxima from their end are ever needed, and they are kept in two arrays of one block each. The
     * whole-length array of them (88 MB on a 4-minute song, made twice per loudness search) was garbage the heap
     * grew for.
     */
    static double[] slidingMaximum(double[] values, int window) {
        int n = values.length;
        double[] held = new double[n];
        int block = Math.min(window, n);
        double[] fromEndBefore = new double[block]; // the previous block's maxima from its end, by offset
        double[] fromEnd = new double[block];
        for (int start = 0; start < n; start += window) {
            int end = Math.min(n, start + window);
            double max = values[start];
            held[start] = max;
            for (int i = start + 1; i < end; i++) {
                double v = values[i];
                max = v > max ? v : max;
                held[i] = max;
            }
            max = values[end - 1];
            fromEnd[end - 1 - start] = max;
            for (int i = end - 2; i >= start; i--) {
                double v = values[i];
                max = v > max ? v : max;
                fromEnd[i - start] = max;
            }
            // Windows that start before 0 are the first block's head; from window - 1 on, two blocks' parts: the
            // window ending at i starts at i - window + 1, in the block before, or at this block's start.
            for (int i = Math.max(start, window - 1); i < end; i++) {
                int from = i - window + 1;
                double head = held[i];
                double tail = from >= start ? fromEnd[from - start] : fromEndBefore[from - (start - window)];
                held[i] = tail > head ? tail : head;
            }
            double[] swap = fromEndBefore;
            fromEndBefore = fromEnd;
            fromEnd = swap;
        }
        return held;
    }

    public Detection detection() {
        return detection;
    }

    /** Roughly what they hold in memory, bytes (a cache's bound counts it). */
    public long sizeBytes() {
        // The held maxima, once asked for, are as many doubles again.
        return 16L * peaks.length + 8L * leftOut.length + 4L * chunkStarts.length + 256;
    }
}
