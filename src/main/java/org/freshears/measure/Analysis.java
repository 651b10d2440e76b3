package org.freshears.measure;

import java.util.function.DoubleConsumer;
import org.freshears.audio.AudioBuffer;

/**
 * Everything we measure of one version of the audio: loudness (BS.1770-4 / R128), true peak, sample
 * levels and the long-term spectrum. Small (no audio), so a session can keep one per step.
 * Values that do not exist (the loudness of silence) are {@code Double.NaN}.
 */
public record Analysis(int sampleRate, int channels, int frames, LoudnessReport loudness, TruePeakReport truePeak,
        LevelsReport levels, Spectrum spectrum) {

    /** Measures everything, reporting progress from 0 to 1 as each meter finishes. */
    public static Analysis of(AudioBuffer audio, DoubleConsumer progress) {
        // Each meter spreads its channels over the cores itself; running them one after another keeps
        // peak memory at one working copy.
        TruePeakReport truePeak = TruePeakMeter.measure(audio);
        progress.accept(0.45);
        LoudnessReport loudness = LoudnessMeter.measure(audio);
        progress.accept(0.75);
        LevelsReport levels = Levels.measure(audio);
        progress.accept(0.85);
        Spectrum spectrum = new SpectrumAnalyzer().analyze(audio);
        progress.accept(1.0);
        return new Analysis(audio.sampleRate(), audio.channels(), audio.frames(), loudness, truePeak, levels,
                spectrum);
    }

    public static Analysis of(AudioBuffer audio) {
        return of(audio, fraction -> { });
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
