package org.freshears.measure;

import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.WavStream;

/**
 * Everything we measure of one version of the audio: loudness (BS.1770-4 / R128), true peak, sample
 * levels and the long-term spectrum. Small (no audio), so a session can keep one per step.
 * Values that do not exist (the loudness of silence) are {@code Double.NaN}. An analysis made
 * {@link #withoutSpectrum without the spectrum} (the {@code analyze} command prints none, and it is the
 * costliest meter) holds none: pay only for what you ask, as libebur128's modes do.
 */
public record Analysis(int sampleRate, int channels, int frames, LoudnessReport loudness, TruePeakReport truePeak,
        LevelsReport levels, Spectrum spectrum) {

    /**
     * Measures everything, reporting progress from 0 to 1 as each meter finishes (from whichever thread
     * finished it, one call at a time).
     */
    public static Analysis of(AudioBuffer audio, DoubleConsumer progress) {
        return measure(audio, progress, true);
    }

    /**
     * As {@link #of(AudioBuffer, DoubleConsumer)}, with other work on the same audio ({@code alongside}: the
     * problem areas' band levels, say) as one more task beside the spectrum and the meters: whichever of them
     * finishes first takes it up, so the cores do not wait on the last one's tail. It must write only its
     * own results. Returns when all are done; the analysis is the same bits.
     */
    public static Analysis of(AudioBuffer audio, DoubleConsumer progress, Runnable alongside) {
        return measure(audio, progress, true, null, alongside);
    }

    /**
     * As {@link #of(AudioBuffer, DoubleConsumer, Runnable)}, the whole audio's band levels {@code wholeBands} asks
     * for read from the spectrum's own transforms ({@link SpectrumAnalyzer#analyze(AudioBuffer,
     * BandEnergy.WholeAudio)}), measured when this returns.
     */
    public static Analysis of(AudioBuffer audio, DoubleConsumer progress, BandEnergy.WholeAudio wholeBands,
            Runnable alongside) {
        return measure(audio, progress, true, wholeBands, alongside);
    }

    /** Loudness, true peak and levels, without the spectrum. */
    public static Analysis withoutSpectrum(AudioBuffer audio, DoubleConsumer progress) {
        return measure(audio, progress, false);
    }

    private static Analysis measure(AudioBuffer audio, DoubleConsumer progress, boolean withSpectrum) {
        return measure(audio, progress, withSpectrum, null, null);
    }

    private static Analysis measure(AudioBuffer audio, DoubleConsumer progress, boolean withSpectrum,
            BandEnergy.WholeAudio wholeBands, Runnable alongside) {
        // The spectrum runs beside the other meters, which take the buffer block by block (each block's
        // channels in parallel). Each writes only its own results, so they do not depend on scheduling.
        Spectrum[] spectrum = new Spectrum[1];
        Meters[] meters = new Meters[1];
        int tasks = (withSpectrum ? 2 : 1) + (alongside == null ? 0 : 1);
        ParallelTasks.run(tasks, task -> {
            if (task == tasks - 1 && alongside != null) {
                alongside.run();
                return;
            }
            if (task == 1) {
                spectrum[0] = new SpectrumAnalyzer().analyze(audio, wholeBands);
                return;
            }
            Meters m = new Meters(audio.channels(), audio.sampleRate(), audio.layout());
            for (int from = 0; from < audio.frames(); from += Meters.BLOCK_FRAMES) {
                int count = Math.min(Meters.BLOCK_FRAMES, audio.frames() - from);
                m.feed(audio.planar(), from, count, null);
                progress.accept((from + count) / (double) audio.frames());
            }
            meters[0] = m;
        });
        return meters[0].analysis(audio.frames(), spectrum[0]);
    }

    /**
     * Loudness, true peak and levels of a WAV file read block by block: one pass, in memory that does not
     * grow with the length (a few blocks, and a few numbers per 100 ms). The next block is decoded while
     * the meters measure this one. Progress goes from 0 to 1 with the frames measured. The readings are the
     * same bits as {@link #withoutSpectrum(AudioBuffer, DoubleConsumer)} of the whole file read at once.
     */
    public static Analysis withoutSpectrum(WavStream stream, DoubleConsumer progress) throws AudioFormatException {
        int channels = stream.format().channels();
        Meters meters = new Meters(channels, stream.format().sampleRate(), stream.format().layout());
        float[][] block = new float[channels][Meters.BLOCK_FRAMES];
        float[][] next = new float[channels][Meters.BLOCK_FRAMES];
        int count = stream.read(block);
        int[] nextCount = new int[1];
        AudioFormatException[] fault = new AudioFormatException[1];
        float[][] decodeInto = next;
        long measured = 0;
        while (count > 0) {
            float[][] target = decodeInto;
            meters.feed(block, 0, count, () -> {
                try {
                    nextCount[0] = stream.read(target);
                } catch (AudioFormatException e) {
                    fault[0] = e;
                }
            });
            if (fault[0] != null) {
                throw fault[0];
            }
            measured += count;
            progress.accept(measured / (double) stream.frames());
            decodeInto = block;
            block = target;
            count = nextCount[0];
        }
        return meters.analysis(stream.frames(), null);
    }

    /**
     * As {@link #withoutSpectrum(WavStream, DoubleConsumer)}, keeping every frame: the stream is decoded into
     * {@code into} (from {@link WavStream#allocateWhole}), the next block while the meters measure this one, so
     * reading costs no wall time of its own. After each block, {@code decoded} gets the frames there are so
     * far (from this thread; frames below it are never written again), so other work can start on them.
     */
    public static Analysis withoutSpectrum(WavStream stream, AudioBuffer into, IntConsumer decoded,
            DoubleConsumer progress) throws AudioFormatException {
        if (into.frames() != stream.frames() || into.channels() != stream.format().channels()) {
            throw new IllegalArgumentException("the buffer does not fit the stream: " + into);
        }
        float[][] planar = into.planar();
        Meters meters = new Meters(into.channels(), into.sampleRate(), into.layout());
        int count = stream.read(planar, 0, Meters.BLOCK_FRAMES);
        decoded.accept(count);
        int[] nextCount = new int[1];
        AudioFormatException[] fault = new AudioFormatException[1];
        int from = 0;
        while (count > 0) {
            int next = from + count;
            meters.feed(planar, from, count, () -> {
                try {
                    nextCount[0] = stream.read(planar, next, Meters.BLOCK_FRAMES);
                } catch (AudioFormatException e) {
                    fault[0] = e;
                }
            });
            if (fault[0] != null) {
                throw fault[0];
            }
            decoded.accept(next + nextCount[0]);
            progress.accept(next / (double) into.frames());
            from = next;
            count = nextCount[0];
        }
        return meters.analysis(into.frames(), null);
    }

    /** The meters that take audio block by block, fed together so that one block is read once. */
    private static final class Meters {
        static final int BLOCK_FRAMES = Levels.BLOCK_FRAMES;
        private final int sampleRate;
        private final int channels;
        private final TruePeakMeter.ChannelMeter[] truePeak;
        private final LoudnessMeter.Meter loudness;
        private final Levels.Meter levels;

        Meters(int channels, int sampleRate, org.freshears.audio.ChannelLayout layout) {
            this.sampleRate = sampleRate;
            this.channels = channels;
            this.truePeak = new TruePeakMeter.ChannelMeter[channels];
            for (int c = 0; c < channels; c++) {
                truePeak[c] = new TruePeakMeter.ChannelMeter(sampleRate);
            }
            this.loudness = new LoudnessMeter.Meter(sampleRate, layout, true);
            this.levels = new Levels.Meter(channels, sampleRate, layout);
        }

        /**
         * Measures frames [from, from + count): every channel's true peak and K-weighting, and the levels,
         * as parallel tasks, with {@code alongside} (reading the next block, say) as one more task.
         */
        void feed(float[][] planar, int from, int count, Runnable alongside) {
            int weighted = loudness.channelTasks();
            int tasks = channels + weighted + 1 + (alongside == null ? 0 : 1);
            ParallelTasks.run(tasks, task -> {
                if (task < channels) {
                    truePeak[task].feed(planar[task], from, count);
                } else if (task < channels + weighted) {
                    loudness.filter(task - channels, planar, from, count);
                } else if (task == channels + weighted) {
                    levels.feed(planar, from, count);
                } else {
                    alongside.run();
                }
            });
            loudness.afterFeed(count);
        }

        Analysis analysis(int frames, Spectrum spectrum) {
            for (TruePeakMeter.ChannelMeter meter : truePeak) {
                meter.finish();
            }
            return new Analysis(sampleRate, channels, frames, loudness.report(),
                    TruePeakMeter.report(sampleRate, truePeak), levels.report(), spectrum);
        }
    }

    public static Analysis of(AudioBuffer audio) {
        return of(audio, fraction -> { });
    }

    /** The long-term spectrum; there is none in an analysis made {@link #withoutSpectrum}. */
    @Override
    public Spectrum spectrum() {
        if (spectrum == null) {
            throw new IllegalStateException("this analysis was made without the spectrum");
        }
        return spectrum;
    }

    public boolean hasSpectrum() {
        return spectrum != null;
    }

    public double durationSeconds() {
        return frames / (double) sampleRate;
    }

    public double integratedLufs() {
        return loudness.integratedLufs();
    }

    public double loudnessRangeLu() {
        return loudness.loudnessRangeLu();
    }

    public double maxMomentaryLufs() {
        return loudness.maxMomentaryLufs();
    }

    public double maxShortTermLufs() {
        return loudness.maxShortTermLufs();
    }

    /** The highest true peak over all channels, dBTP (NaN for digital silence). */
    public double truePeakDbtp() {
        return finiteOrNaN(truePeak.maxTruePeakDbtp());
    }

    public double samplePeakDbfs() {
        return levels.samplePeakDbfs();
    }

    /** Peak-to-loudness ratio (AES TD1008 / R128 usage): true peak minus integrated loudness. */
    public double plrDb() {
        return truePeakDbtp() - integratedLufs();
    }

    /** Peak-to-short-term-loudness ratio: true peak minus the maximum short-term loudness. */
    public double psrDb() {
        return truePeakDbtp() - maxShortTermLufs();
    }

    private static double finiteOrNaN(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
