package org.freshears.measure;

import java.util.Arrays;
import java.util.List;

/**
 * A long-term average spectrum from {@link SpectrumAnalyzer}: one level per FFT bin for each series.
 * Levels are dBFS with the analyser's amplitude calibration (a full-scale sine reads 0 dBFS at its bin; see
 * {@link SpectrumAnalyzer} for what noise reads). A bin with exactly zero power (digital silence) has no dB
 * value and reads {@code NaN}, never −Infinity (JSON cannot carry it).
 *
 * <p>The arrays are copied in and out, so the record is immutable; use {@link #levelDb(int, int)} and
 * {@link #frequencyHz(int)} to read single values without copying.
 *
 * @param sampleRate of the analysed audio, Hz
 * @param fftSize segment length n; bins k = 0 … n/2 sit at k·sampleRate/n Hz
 * @param segments number of Welch segments (each fftSize frames long) averaged
 * @param seriesNames one per series: speaker names of the channels, then {@link #MID} and {@link #SIDE}
 *        for stereo
 * @param frequenciesHz bin centre frequencies
 * @param levelsDb {@code [series][bin]}
 */
public record Spectrum(int sampleRate, int fftSize, int segments, List<String> seriesNames, double[] frequenciesHz,
        double[][] levelsDb) implements SeriesLevels {

    public static final String MID = "MID";
    public static final String SIDE = "SIDE";

    /** Points per octave of the log grid {@link #smoothed} evaluates on: fine enough to draw a smooth line. */
    public static final int GRID_POINTS_PER_OCTAVE = 48;
    /** The grid spans the audible band, 20 Hz to 20 kHz (or Nyquist, if lower). */
    public static final double GRID_LOW_HZ = 20;
    public static final double GRID_HIGH_HZ = 20_000;

    public Spectrum {
        seriesNames = List.copyOf(seriesNames);
        frequenciesHz = frequenciesHz.clone();
        levelsDb = deepCopy(levelsDb);
        checkSeriesCount(seriesNames, levelsDb);
        for (double[] series : levelsDb) {
            if (series.length != frequenciesHz.length) {
                throw new IllegalArgumentException("a series has " + series.length + " levels for "
                        + frequenciesHz.length + " frequencies");
            }
        }
    }

    @Override
    public double[] frequenciesHz() {
        return frequenciesHz.clone();
    }

    @Override
    public double[][] levelsDb() {
        return deepCopy(levelsDb);
    }

    public int bins() {
        return frequenciesHz.length;
    }

    public double binWidthHz() {
        return sampleRate / (double) fftSize;
    }

    public double frequencyHz(int bin) {
        return frequenciesHz[bin];
    }

    public double levelDb(int series, int bin) {
        return levelsDb[series][bin];
    }

    /** The level of the bin nearest to a frequency in [0, Nyquist]. No interpolation between bins. */
    @Override
    public double levelDbAt(int series, double freqHz) {
        double nyquist = sampleRate / 2.0;
        if (!(freqHz >= 0 && freqHz <= nyquist)) {
            throw new IllegalArgumentException("freqHz must be in [0, " + nyquist + "], got " + freqHz);
        }
        int bin = (int) Math.min(bins() - 1, Math.floor(freqHz / binWidthHz() + 0.5));
        return levelsDb[series][bin];
    }

    /**
     * The 1/n-octave smoothed view charts draw: at each frequency f of a log grid
     * ({@value #GRID_POINTS_PER_OCTAVE} points per octave from 20 Hz up to min(20 kHz, Nyquist)), the mean
     * power over [f·2^(−1/2n), f·2^(1/2n)]. Each bin stands for the interval [(k−½)Δf, (k+½)Δf] and is
     * weighted by how much of it lies inside the band, so a band narrower than a bin (low frequencies, fine
     * smoothing) reads the bin it sits in rather than nothing. Because it is a mean, not a sum, white noise
     * stays flat (and at the per-bin level), pink noise falls 3 dB per octave, and a lone sine is diluted
     * by the band's width in bins.
     */
    public SpectrumCurve smoothed(int fractionOfOctave) {
        if (fractionOfOctave < 1) {
            throw new IllegalArgumentException("fractionOfOctave must be >= 1, got " + fractionOfOctave);
        }
        double nyquist = sampleRate / 2.0;
        double top = Math.min(GRID_HIGH_HZ, nyquist);
        int points = top < GRID_LOW_HZ ? 0
                : (int) Math.floor(GRID_POINTS_PER_OCTAVE * Math.log(top / GRID_LOW_HZ) / Math.log(2) + 1e-9) + 1;
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = GRID_LOW_HZ * Math.pow(2, i / (double) GRID_POINTS_PER_OCTAVE);
        }
        double halfBandRatio = Math.pow(2, 1 / (2.0 * fractionOfOctave));
        double[][] smoothed = new double[levelsDb.length][points];
        double[] power = new double[bins()];
        for (int s = 0; s < levelsDb.length; s++) {
            for (int k = 0; k < power.length; k++) {
                double db = levelsDb[s][k];
                power[k] = Double.isNaN(db) ? 0 : Math.pow(10, db / 10);
            }
            for (int i = 0; i < points; i++) {
                double mean = meanPower(power, grid[i] / halfBandRatio, grid[i] * halfBandRatio, nyquist);
                smoothed[s][i] = Levels.powerDb(mean);
            }
        }
        return new SpectrumCurve(fractionOfOctave, seriesNames, grid, smoothed);
    }

    /** Mean of per-bin powers over [lowHz, highHz] ∩ [0, Nyquist], each bin weighted by its overlap. */
    private double meanPower(double[] power, double lowHz, double highHz, double nyquist) {
        double binWidth = binWidthHz();
        double lo = Math.max(0, lowHz);
        double hi = Math.min(nyquist, highHz);
        int first = (int) Math.max(0, Math.floor(lo / binWidth + 0.5));
        int last = (int) Math.min(power.length - 1, Math.floor(hi / binWidth + 0.5));
        double weighted = 0;
        double width = 0;
        for (int k = first; k <= last; k++) {
            double overlap = Math.min(hi, (k + 0.5) * binWidth) - Math.max(lo, (k - 0.5) * binWidth);
            if (overlap > 0) {
                weighted += power[k] * overlap;
                width += overlap;
            }
        }
        return width > 0 ? weighted / width : 0;
    }

    /** One name per series: shared by this record and {@link SpectrumCurve}. */
    static void checkSeriesCount(List<String> seriesNames, double[][] levelsDb) {
        if (levelsDb.length != seriesNames.size()) {
            throw new IllegalArgumentException(seriesNames.size() + " series names for " + levelsDb.length
                    + " series");
        }
    }

    static double[][] deepCopy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrum other && sampleRate == other.sampleRate && fftSize == other.fftSize
                && segments == other.segments && seriesNames.equals(other.seriesNames)
                && Arrays.equals(frequenciesHz, other.frequenciesHz) && Arrays.deepEquals(levelsDb, other.levelsDb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(frequenciesHz) + Arrays.deepHashCode(levelsDb)) + seriesNames.hashCode();
    }

    @Override
    public String toString() {
        return "Spectrum[sampleRate=" + sampleRate + ", fftSize=" + fftSize + ", segments=" + segments
                + ", seriesNames=" + seriesNames + ", bins=" + bins() + "]";
    }
}
