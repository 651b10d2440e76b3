package org.freshears.chain;

import java.util.Arrays;
import org.freshears.audio.AudioBuffer;
import org.freshears.measure.ParallelTasks;

/**
 * The limiter's detected peaks (p[m] of {@link LimiterProcessor}: per frame the largest over the channels) of
 * one whole input and of the latency's silence the renderer flushes after it, worked out once for a search
 * that renders the same limiter many times at other input gains or ceilings ({@link LoudnessTarget},
 * {@link CodecSafeLimiter}). The limiter detects on its input before the input gain, which enters only where
 * a peak is compared with the threshold, so these are the peaks each of those renders would detect; a
 * {@link LimiterProcessor} given them skips its detection and renders the same bits.
 *
 * <p>Detection leaves the peaks of quiet chunks at 0 (a limiter's r is exactly 1 there, whatever the peaks).
 * Here only chunks quiet for every limiter the search may render are left: those at or below the quiet level of
 * the lowest ceiling it may try, driven by the highest input gain ({@link #MAX_INPUT_GAIN_DB}). The channels
 * are detected side by side, each on a thread of its own.
 */
final class PeakEnvelope {
    /** The highest input gain a limiter takes (its bounds): no render of the search drives harder. */
    static final double MAX_INPUT_GAIN_DB = 40;
    /** Frames the channels detect between two meetings (where their peaks are merged). */
    private static final int STRETCH_FRAMES = 1 << 15;
    /** The silence after the input, read by the chunks of the flushed tail. */
    private static final float[] SILENCE = new float[LimiterDetector.CHUNK];

    private final double[] peaks;
    private final int sampleRate;
    private final int channels;
    private final int oversampling;
    private final int latencyFrames;
    private final double quietLevel;

    private PeakEnvelope(double[] peaks, AudioBuffer input, int oversampling, int latencyFrames, double quietLevel) {
        this.peaks = peaks;
        this.sampleRate = input.sampleRate();
        this.channels = input.channels();
        this.oversampling = oversampling;
        this.latencyFrames = latencyFrames;
        this.quietLevel = quietLevel;
    }

    /**
     * The peaks {@code limiter} detects in {@code input}, good for that limiter at any input gain and at any
     * ceiling from {@code lowestCeilingDbtp} up (its release may differ too: only the oversampling and the
     * lookahead, which set the latency, must be the same).
     */
    static PeakEnvelope detect(AudioBuffer input, Limiter limiter, double lowestCeilingDbtp) {
        int frames = input.frames();
        int channels = input.channels();
        LimiterDetector[] detectors = new LimiterDetector[channels];
        for (int c = 0; c < channels; c++) {
            detectors[c] = new LimiterDetector(limiter.oversampling());
        }
        int latency = LimiterProcessor.latencyFrames(detectors[0].latencyFrames(),
                LimiterProcessor.rampFrames(limiter, input.sampleRate()));
        long total = (long) frames + latency;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("audio of " + frames + " frames is too long to search a limiter's gain");
        }
        double quietLevel = LimiterProcessor.quietLevel(LimiterProcessor.threshold(lowestCeilingDbtp),
                StrictMath.pow(10, MAX_INPUT_GAIN_DB / 20));
        double[] peaks = new double[(int) total];
        double[][] own = new double[channels][STRETCH_FRAMES + LimiterDetector.CHUNK];
        float[][] audio = input.planar();
        for (int start = 0; start < total; ) {
            int from = start;
            int to = stretchEnd(from, frames, (int) total);
            // Channel 0 raises the envelope itself; the others fill their own arrays, merged after.
            ParallelTasks.run(channels, c -> {
                double[] into = c == 0 ? peaks : own[c];
                int at = c == 0 ? 0 : -from;
                if (c > 0) {
                    Arrays.fill(into, 0, to - from, 0.0);
                }
                for (int pos = from; pos < to; ) {
                    int end = chunkEnd(pos, frames, (int) total);
                    if (pos < frames) {
                        detectors[c].detect(audio[c], pos, end - pos, into, pos + at, quietLevel);
                    } else {
                        detectors[c].detect(SILENCE, 0, end - pos, into, pos + at, quietLevel);
                    }
                    pos = end;
                }
            });
            for (int c = 1; c < channels; c++) {
                LimiterDetector.merge(own[c], peaks, from, to - from);
            }
            start = to;
        }
        return new PeakEnvelope(peaks, input, limiter.oversampling(), latency, quietLevel);
    }

    /**
     * The end of the detection chunk that starts at {@code pos}, chunked as the renderer feeds a limiter: chunks
     * of {@link LimiterDetector#CHUNK} frames from the start of the input, then from the start of the flushed
     * tail (chunking never changes a detected peak, but where the chunks fall decides which quiet ones are
     * skipped; this way they are the renderer's).
     */
    private static int chunkEnd(int pos, int frames, int total) {
        int base = pos < frames ? 0 : frames;
        int limit = pos < frames ? frames : total;
        return (int) Math.min(limit, base + ((long) (pos - base) / LimiterDetector.CHUNK + 1) * LimiterDetector.CHUNK);
    }

    /** Whole chunks from {@code from}, about {@link #STRETCH_FRAMES} of frames. */
    private static int stretchEnd(int from, int frames, int total) {
        int to = from;
        while (to < total && to - from < STRETCH_FRAMES) {
            to = chunkEnd(to, frames, total);
        }
        return to;
    }

    /** The detected peak of frames {@code [from, from + n)} of the input and its tail, at {@code peaks[from]}. */
    double[] peaks() {
        return peaks;
    }

    /** Frames held: the input's and the latency's after it. */
    int frames() {
        return peaks.length;
    }

    /**
     * Whether a limiter prepared for this spec, with this oversampling, latency and quiet level, detects these
     * peaks (up to quiet chunks that give it r = 1 either way).
     */
    boolean fits(ProcessSpec spec, int oversampling, int latencyFrames, double limiterQuietLevel) {
        return spec.sampleRate() == sampleRate && spec.channels() == channels && oversampling == this.oversampling
                && latencyFrames == this.latencyFrames && quietLevel <= limiterQuietLevel;
    }
}
