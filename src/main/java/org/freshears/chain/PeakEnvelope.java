package org.freshears.chain;

import org.freshears.audio.AudioBuffer;
import org.freshears.measure.ParallelTasks;

/**
 * The limiter's detected peaks (p[m] of {@link LimiterProcessor}: per frame the largest over the channels) of
 * one whole input and of the latency's silence the renderer flushes after it, for a search that renders the
 * same limiter many times at other input gains or ceilings ({@link LoudnessTarget}, {@link CodecSafeLimiter}).
 * The limiter detects on its input before the input gain, which enters only where a peak is compared with the
 * threshold, so these are the peaks each of those renders would detect; a {@link LimiterProcessor} given them
 * skips its detection and renders the same bits.
 *
 * <p>Detected as needed: a limiter leaves the peaks of a chunk quiet at its level (r is exactly 1 there,
 * whatever the peaks), so each chunk and channel is detected down to the level of the quietest limiter prepared
 * on it so far ({@link #detectDownTo}), and again, further, only if a later one (driven harder, or with a lower
 * ceiling) needs more. A search whose tries rise in gain thus detects about as much as its last try alone. The
 * chunks are those the renderer gives a limiter, each detected on its own ({@link LimiterDetector#seek}), on
 * every core.
 *
 * <p>Why the peaks drive every limiter prepared on them to the same bits, frame by frame: a channel's peaks are
 * left out of a frame only where they are at most the limiter's quiet level, so at most its threshold once
 * driven. If some channel's driven peak exceeds the threshold, it is in both this maximum and the limiter's
 * own, and both maxima are the largest such peak; if none does, r is 1 for both.
 */
final class PeakEnvelope {
    /** Chunks one task detects in a row (about a third of a second at 48 kHz). */
    private static final int CHUNKS_PER_TASK = 64;
    /** The silence after the input, read by the chunks of the flushed tail. */
    private static final float[] SILENCE = new float[LimiterDetector.CHUNK];

    private final AudioBuffer input;
    private final int oversampling;
    private final int latencyFrames;
    private final double[] peaks;
    /** Chunk starts, in frames of input and tail, and the end: the renderer's chunking. */
    private final int[] chunkStarts;
    /**
     * Per chunk and channel ({@code chunk * channels + channel}): a bound of the peaks not yet in {@link #peaks}
     * (0: all in; infinite: never detected).
     */
    private final double[] leftOut;

    private PeakEnvelope(AudioBuffer input, int oversampling, int latencyFrames) {
        this.input = input;
        this.oversampling = oversampling;
        this.latencyFrames = latencyFrames;
        long total = (long) input.frames() + latencyFrames;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("audio of " + input.frames() + " frames is too long to search a "
                    + "limiter's gain");
        }
        this.peaks = new double[(int) total];
        this.chunkStarts = chunkStarts(input.frames(), (int) total);
        this.leftOut = new double[(chunkStarts.length - 1) * input.channels()];
        java.util.Arrays.fill(leftOut, Double.POSITIVE_INFINITY);
    }

    /**
     * The peaks of {@code input} for limiters with the oversampling and lookahead of {@code limiter} (any input
     * gain, ceiling and release), detected as limiters are prepared on them. The input must not change while
     * they are in use.
     */
    static PeakEnvelope of(AudioBuffer input, Limiter limiter) {
        int detectorLatency = new LimiterDetector(limiter.oversampling()).latencyFrames();
        return new PeakEnvelope(input, limiter.oversampling(), LimiterProcessor.latencyFrames(detectorLatency,
                LimiterProcessor.rampFrames(limiter, input.sampleRate())));
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

    /** Whether a limiter prepared for this spec, with this oversampling and latency, reads these peaks right. */
    boolean fits(ProcessSpec spec, int oversampling, int latencyFrames) {
        return spec.sampleRate() == input.sampleRate() && spec.channels() == input.channels()
                && oversampling == this.oversampling && latencyFrames == this.latencyFrames;
    }

    /**
     * Detects every chunk and channel not yet detected down to {@code quietLevel}, each task its run of chunks
     * on a core: afterwards a limiter whose quiet level is at least this reads its own detection's gains here.
     */
    void detectDownTo(double quietLevel) {
        int chunks = chunkStarts.length - 1;
        int tasks = (chunks + CHUNKS_PER_TASK - 1) / CHUNKS_PER_TASK;
        ParallelTasks.run(tasks, task -> detectChunks(task * CHUNKS_PER_TASK,
                Math.min(chunks, (task + 1) * CHUNKS_PER_TASK), quietLevel));
    }

    /** Chunks [first, last), each channel that needs it, in order: a detector carries on where it stopped. */
    private void detectChunks(int first, int last, double quietLevel) {
        int channels = input.channels();
        int frames = input.frames();
        LimiterDetector[] detectors = null;
        int[] detectorAt = new int[channels];
        float[] past = null;
        for (int k = first; k < last; k++) {
            int start = chunkStarts[k];
            int n = chunkStarts[k + 1] - start;
            for (int c = 0; c < channels; c++) {
                int slot = k * channels + c;
                if (!(leftOut[slot] > quietLevel)) {
                    continue;
                }
                if (detectors == null) {
                    detectors = new LimiterDetector[channels];
                    past = new float[LimiterDetector.SEEK_FRAMES];
                }
                if (detectors[c] == null || detectorAt[c] != start) {
                    if (detectors[c] == null) {
                        detectors[c] = new LimiterDetector(oversampling);
                    }
                    streamFrames(input.channel(c), frames, start - past.length, past);
                    detectors[c].seek(past);
                }
                float[] samples = start < frames ? input.channel(c) : SILENCE;
                leftOut[slot] = detectors[c].detect(samples, start < frames ? start : 0, n, peaks, start, quietLevel);
                detectorAt[c] = start + n;
            }
        }
    }

    /** {@code into.length} frames of the stream (the channel, then silence) from {@code from}; zeros before 0. */
    private static void streamFrames(float[] channel, int frames, int from, float[] into) {
        for (int i = 0; i < into.length; i++) {
            int at = from + i;
            into[i] = at >= 0 && at < frames ? channel[at] : 0f;
        }
    }

    /** The detected peak of frame m of the input and its tail at {@code peaks()[m]}. */
    double[] peaks() {
        return peaks;
    }

    /** Frames held: the input's and the latency's after it. */
    int frames() {
        return peaks.length;
    }
}
