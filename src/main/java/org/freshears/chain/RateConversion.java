package org.freshears.chain;

import java.util.function.DoubleConsumer;
import org.freshears.audio.AudioBuffer;
import org.freshears.dsp.RationalResampler;
import org.freshears.measure.ParallelTasks;

/**
 * A finished master converted to a delivery sample rate (a CD's 44.1 kHz from a 96 kHz session), after the
 * chain and before dither: through {@link RationalResampler}, every channel and every stretch of the output
 * in parallel. Each output frame is a pure function of the input and its index, so the bits do not depend
 * on the threads.
 */
public final class RateConversion {
    /** The converter's name and version, recorded with every session that converted a render. */
    public static final String ALGORITHM_VERSION = RationalResampler.ALGORITHM_VERSION;
    /** Output frames per task: small enough to share the work evenly, large enough to be cheap to hand out. */
    static final int TASK_FRAMES = 1 << 16;

    private RateConversion() {
    }

    /**
     * Refuses a conversion the converter cannot make (a ratio with too many phases) with a message naming
     * both rates, without designing its filter.
     */
    public static void check(int fromHz, int toHz) {
        RationalResampler.requireReachable(fromHz, toHz);
    }

    /** The audio at another sample rate (the same buffer when the rate is its own), reporting progress 0 to 1. */
    public static AudioBuffer to(int sampleRateHz, AudioBuffer audio, DoubleConsumer progress) {
        if (sampleRateHz == audio.sampleRate()) {
            progress.accept(1.0);
            return audio;
        }
        RationalResampler converter = RationalResampler.of(audio.sampleRate(), sampleRateHz);
        long frames = converter.outputFrames(audio.frames());
        if (frames > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("converted to " + sampleRateHz + " Hz the audio would hold " + frames
                    + " frames per channel, more than a buffer can");
        }
        int channels = audio.channels();
        float[][] out = new float[channels][(int) frames];
        int chunks = (int) ((frames + TASK_FRAMES - 1) / TASK_FRAMES);
        int tasks = channels * chunks;
        Object lock = new Object();
        int[] done = {0};
        ParallelTasks.run(tasks, task -> {
            int c = task % channels;
            int from = (task / channels) * TASK_FRAMES;
            int to = (int) Math.min(frames, (long) from + TASK_FRAMES);
            converter.convert(audio.channel(c), out[c], from, to);
            synchronized (lock) {
                progress.accept(++done[0] / (double) tasks);
            }
        });
        return new AudioBuffer(out, sampleRateHz, audio.layout());
    }
}
