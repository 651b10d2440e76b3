package org.freshears.measure;

import java.util.List;

/**
 * Sample-level statistics of a buffer, as measured by {@link Levels#measure}.
 *
 * <p><b>"Does not exist" is {@code Double.NaN}, never an infinity</b>: the peak or RMS of digital silence (or
 * of an empty buffer) has no finite dB value, and JSON cannot carry {@code -Infinity}. So a silent channel
 * reads {@code NaN} dBFS, its crest factor is {@code NaN}, and the correlation of a silent or mono input is
 * {@code NaN}. Callers test with {@link Double#isNaN}.
 *
 * <p>Level conventions: peak dBFS = 20·log10(max |x|), so a full-scale sample is 0 dBFS. RMS dBFS =
 * 10·log10(mean x²) with <i>no</i> sine offset: 0 dBFS is the RMS of a full-scale square wave, so a
 * full-scale sine reads −3.01 dBFS (AES17 instead adds 3.01 dB so that the sine reads 0; we do not).
 *
 * @param samplePeakDbfs largest |sample| over all channels, dBFS (NaN if all silent)
 * @param channelPeakDbfs the same per channel
 * @param rmsDbfs RMS over every sample of every channel, dBFS (NaN if all silent)
 * @param channelRmsDbfs the same per channel
 * @param crestFactorDb samplePeakDbfs − rmsDbfs (NaN if silent)
 * @param dcOffset mean sample value per channel, linear (full scale = 1; NaN for an empty buffer)
 * @param correlation Pearson correlation of the two front channels, in [−1, 1]; NaN for mono or when either
 *        channel is constant (silent)
 * @param clippedRuns runs of at least 3 consecutive same-sign samples at full scale, summed over channels
 * @param leadingSilenceSeconds time before the first frame in which any channel exceeds −60 dBFS
 * @param trailingSilenceSeconds time after the last such frame; both equal the duration when no frame does
 */
public record LevelsReport(
        double samplePeakDbfs,
        List<Double> channelPeakDbfs,
        double rmsDbfs,
        List<Double> channelRmsDbfs,
        double crestFactorDb,
        List<Double> dcOffset,
        double correlation,
        int clippedRuns,
        double leadingSilenceSeconds,
        double trailingSilenceSeconds) {

    public LevelsReport {
        channelPeakDbfs = List.copyOf(channelPeakDbfs);
        channelRmsDbfs = List.copyOf(channelRmsDbfs);
        dcOffset = List.copyOf(dcOffset);
        if (clippedRuns < 0) {
            throw new IllegalArgumentException("clippedRuns must be >= 0, got " + clippedRuns);
        }
    }
}
