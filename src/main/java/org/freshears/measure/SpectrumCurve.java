package org.freshears.measure;

import java.util.Arrays;
import java.util.List;

/**
 * A 1/n-octave smoothed spectrum on a log-frequency grid ({@link Spectrum#smoothed}): what charts draw.
 * Levels are dBFS in the source spectrum's calibration, {@code NaN} where the band holds no power.
 * Arrays are copied in and out.
 *
 * @param fractionOfOctave n of the 1/n-octave smoothing
 * @param seriesNames as in the source spectrum
 * @param frequenciesHz grid points, ascending, {@value Spectrum#GRID_POINTS_PER_OCTAVE} per octave
 * @param levelsDb {@code [series][point]}
 */
public record SpectrumCurve(int fractionOfOctave, List<String> seriesNames, double[] frequenciesHz,
        double[][] levelsDb) implements SeriesLevels {

    public SpectrumCurve {
        seriesNames = List.copyOf(seriesNames);
        frequenciesHz = frequenciesHz.clone();
        levelsDb = Spectrum.deepCopy(levelsDb);
        Spectrum.checkSeriesCount(seriesNames, levelsDb);
    }

    @Override
    public double[] frequenciesHz() {
        return frequenciesHz.clone();
    }

    @Override
    public double[][] levelsDb() {
        return Spectrum.deepCopy(levelsDb);
    }

    public int points() {
        return frequenciesHz.length;
    }

    public double frequencyHz(int point) {
        return frequenciesHz[point];
    }

    public double levelDb(int series, int point) {
        return levelsDb[series][point];
    }

    /**
     * The level at a frequency inside the grid, interpolated linearly in dB against log-frequency between
     * the two neighbouring grid points (how the chart draws it).
     */
    @Override
    public double levelDbAt(int series, double freqHz) {
        int points = points();
        if (points == 0 || !(freqHz >= frequenciesHz[0] && freqHz <= frequenciesHz[points - 1])) {
            throw new IllegalArgumentException("freqHz must be inside the grid ["
                    + (points == 0 ? "empty" : frequenciesHz[0] + ", " + frequenciesHz[points - 1]) + "], got "
                    + freqHz);
        }
        int i = Arrays.binarySearch(frequenciesHz, freqHz);
        if (i >= 0) {
            return levelsDb[series][i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double t = Math.log(freqHz / frequenciesHz[lo]) / Math.log(frequenciesHz[hi] / frequenciesHz[lo]);
        return levelsDb[series][lo] + t * (levelsDb[series][hi] - levelsDb[series][lo]);
    }

    /**
     * The power mean over the speaker series at each point (MID and SIDE are derived from them, not
     * counted): the single curve charts draw and comparisons read, in dB; NaN where all are silent. A
     * power mean cannot cancel out-of-phase content the way a mid signal would.
     */
    public double[] channelMeanDb() {
        List<Integer> channels = new java.util.ArrayList<>();
        for (int s = 0; s < seriesNames.size(); s++) {
            String name = seriesNames.get(s);
            if (!name.equals(Spectrum.MID) && !name.equals(Spectrum.SIDE)) {
                channels.add(s);
            }
        }
        double[] mean = new double[points()];
        for (int i = 0; i < mean.length; i++) {
            double power = 0;
            for (int s : channels) {
                double db = levelDb(s, i);
                power += Double.isFinite(db) ? Math.pow(10, db / 10) : 0;
            }
            mean[i] = power > 0 ? 10 * Math.log10(power / channels.size()) : Double.NaN;
        }
        return mean;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpectrumCurve other && fractionOfOctave == other.fractionOfOctave
                && seriesNames.equals(other.seriesNames) && Arrays.equals(frequenciesHz, other.frequenciesHz)
                && Arrays.deepEquals(levelsDb, other.levelsDb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(frequenciesHz) + Arrays.deepHashCode(levelsDb)) + seriesNames.hashCode();
    }

    @Override
    public String toString() {
        return "SpectrumCurve[fractionOfOctave=" + fractionOfOctave + ", seriesNames=" + seriesNames + ", points="
                + points() + "]";
    }
}
