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
 *
 * <p>The peaks themselves ({@link LimiterPeaks}) hold no audio, so whoever names the input may keep them for a
 * later render of the same samples ({@link PeakReuse}: a kernel's cell run again with another target, ceiling or
 * release); an envelope binds them to the input at hand each time.
 */
final class PeakEnvelope {
    /** Chunks one task detects in a row (about a third of a second at 48 kHz). */
    private static final int CHUNKS_PER_TASK = 64;
    /** The silence after the input, read by the chunks of the flushed tail. */
    private static final float[] SILENCE = new float[LimiterDetector.CHUNK];

    private final AudioBuffer input;
    /** The peaks detected so far: this envelope's own, or kept from an earlier render of the same samples. */
    private final LimiterPeaks detected;

    private PeakEnvelope(AudioBuffer input, LimiterPeaks detected) {
        if (!detected.detection().fits(input)) {
            throw new IllegalArgumentException("peaks detected for " + detected.detection() + " cannot be read for "
                    + "audio of " + input.frames() + " frames, " + input.channels() + " channels, "
                    + input.sampleRate() + " Hz");
        }
        this.input = input;
        this.detected = detected;
    }

    /**
     * The peaks of {@code input} for limiters with the oversampling and lookahead of {@code limiter} (any input
     * gain, ceiling and release), detected as limiters are prepared on them. The input must not change while
     * they are in use.
     */
    static PeakEnvelope of(AudioBuffer input, Limiter limiter) {
        return of(input, limiter, PeakReuse.NONE);
    }

    /**
     * The same, reading the peaks {@code reuse} kept for this input and detection when it has them; else new
     * ones, which it keeps, detected whole at once: a later search on them, driven harder (a louder target, a
     * lower ceiling) or not, then detects nothing.
     */
    static PeakEnvelope of(AudioBuffer input, Limiter limiter, PeakReuse reuse) {
        LimiterPeaks.Detection detection = LimiterPeaks.Detection.of(input, limiter);
        LimiterPeaks kept = reuse.find(detection);
        if (kept != null && kept.detection().equals(detection)) {
            return new PeakEnvelope(input, kept);
        }
        LimiterPeaks fresh = new LimiterPeaks(detection);
        PeakEnvelope envelope = new PeakEnvelope(input, fresh);
        if (reuse != PeakReuse.NONE) {
            envelope.detectDownTo(0);
            reuse.keep(fresh);
        }
        return envelope;
    }

    /** The peaks detected so far (for tests: whether two envelopes share them). */
    LimiterPeaks detected() {
        return detected;
    }

    /** Whether a limiter prepared for this spec, with this oversampling and latency, reads these peaks right. */
    boolean fits(ProcessSpec spec, int oversampling, int latencyFrames) {
        LimiterPeaks.Detection d = detected.detection();
        return spec.sampleRate() == d.sampleRate() && spec.channels() == d.channels()
                && oversampling == d.oversampling() && latencyFrames == d.latencyFrames();
    }

    /**
     * Detects every chunk and channel not yet detected down to {@code quietLevel}, each task its run of chunks
     * on a core: afterwards a limiter whose quiet level is at least this reads its own detection's gains here.
     * One detection at a time on the same peaks (kept peaks may be shared by envelopes of several renders).
     */
    void detectDownTo(double quietLevel) {
        synchronized (detected) {
            detectAll(quietLevel);
        }
    }

    private void detectAll(double quietLevel) {
        boolean anyLeft = false;
        for (double bound : detected.leftOut) {
            anyLeft |= bound > quietLevel;
        }
        if (!anyLeft) {
            return;
        }
        detected.detected();
        int chunks = detected.chunkStarts.length - 1;
        int tasks = (chunks + CHUNKS_PER_TASK - 1) / CHUNKS_PER_TASK;
        ParallelTasks.run(tasks, task -> detectChunks(task * CHUNKS_PER_TASK,
                Math.min(chunks, (task + 1) * CHUNKS_PER_TASK), quietLevel));
    }

    /** Chunks [first, last), each channel that needs it, in order: a detector carries on where it stopped. */
    private void detectChunks(int first, int last, double quietLevel) {
        int channels = input.channels();
        int frames = input.frames();
        int[] chunkStarts = detected.chunkStarts;
        double[] leftOut = detected.leftOut;
        double[] peaks = detected.peaks;
        int oversampling = detected.detection().oversampling();
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

    /**
     * The largest detected peak over each frame's last {@code window} frames ({@link LimiterPeaks#held}), of the
     * peaks as detected now.
     */
    double[] heldPeaks(int window) {
        synchronized (detected) {
            return detected.held(window);
        }
    }

    /** The detected peak of frame m of the input and its tail at {@code peaks()[m]}. */
    double[] peaks() {
        return detected.peaks;
    }

    /** Frames held: the input's and the latency's after it. */
    int frames() {
        return detected.peaks.length;
    }
}
