package org.freshears.measure;

import java.util.function.DoubleConsumer;
import org.freshears.audio.AudioBuffer;

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

    /** Loudness, true peak and levels, without the spectrum. */
    public static Analysis withoutSpectrum(AudioBuffer audio, DoubleConsumer progress) {
        return measure(audio, progress, false);
    }

    private static Analysis measure(AudioBuffer audio, DoubleConsumer progress, boolean withSpectrum) {
        // The four meters run side by side, largest first: one meter's serial stretches (sorting, gating,
        // the window search) overlap another's work. Each writes only its own slot and none reads
        // another's, so the results do not depend on scheduling. Only the loudness meter keeps per-frame
        // data, so peak memory stays one working copy.
        Object[] results = new Object[4];
        int[] finished = {0};
        int first = withSpectrum ? 0 : 1;
        ParallelTasks.run(results.length - first, task -> {
            int meter = task + first;
            results[meter] = switch (meter) {
                case 0 -> new SpectrumAnalyzer().analyze(audio);
                case 1 -> TruePeakMeter.measure(audio);
                case 2 -> LoudnessMeter.measure(audio);
                default -> Levels.measure(audio);
            };
            synchronized (finished) {
                progress.accept(++finished[0] / (double) (results.length - first));
            }
        });
        return new Analysis(audio.sampleRate(), audio.channels(), audio.frames(), (LoudnessReport) results[2],
                (TruePeakReport) results[1], (LevelsReport) results[3], (Spectrum) results[0]);
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
