package org.freshears.chain;

import java.util.Arrays;
import java.util.List;
import org.freshears.measure.Spectrum;

/**
 * What a match EQ matches: a long-term spectrum read into 1/{@value #POINTS_PER_OCTAVE}-octave bands on a
 * fixed log grid ({@code 20 Hz · 2^(i/24)} up to the Nyquist frequency), the power mean of the channels, in
 * dB. Small enough to save in a session file with the step (about 240 numbers), so the written step can
 * be resolved again without the reference's audio; fine enough for any smoothing of 1/24 octave or wider.
 *
 * <p>Each band is the mean power over [f·2^(−1/48), f·2^(1/48)] of the spectrum's bins, each bin weighted
 * by how much of it lies in the band; a band narrower than two bins (the lowest octaves: a bin is 5.9 Hz at
 * 48 kHz) reads [f − bin, f + bin] instead, so the levels there glide from bin to bin instead of stepping,
 * and two spectra of other bin widths compare without spikes where their steps would fall apart. A band with no power at all (digital silence) reads {@value #FLOOR_DB} dB, so the record holds
 * finite numbers only.
 *
 * @param name          what was measured ("refs/song.flac", "input"), for the step's printed value
 * @param frequenciesHz the grid, ascending
 * @param levelsDb      the band levels, dB in the spectrum's calibration (only differences matter)
 */
public record MatchTarget(String name, double[] frequenciesHz, double[] levelsDb) {
    public static final int POINTS_PER_OCTAVE = 24;
    public static final double LOWEST_HZ = 20;
    /** Far below any noise floor; stands for "no power" in a band. */
    public static final double FLOOR_DB = -200;

    public MatchTarget {
        StepArguments.notNull("name", name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        frequenciesHz = StepArguments.notNull("frequenciesHz", frequenciesHz).clone();
        levelsDb = StepArguments.notNull("levelsDb", levelsDb).clone();
        if (frequenciesHz.length != levelsDb.length) {
            throw new IllegalArgumentException(frequenciesHz.length + " frequencies for " + levelsDb.length
                    + " levels");
        }
        if (frequenciesHz.length < 2) {
            throw new IllegalArgumentException("a match target needs at least 2 bands, got " + frequenciesHz.length);
        }
        for (int i = 0; i < frequenciesHz.length; i++) {
            if (Math.abs(frequenciesHz[i] - gridHz(i)) > 1e-6 * gridHz(i)) {
                throw new IllegalArgumentException("frequenciesHz[" + i + "] must be " + gridHz(i)
                        + " (the 1/24-octave grid from 20 Hz), got " + frequenciesHz[i]);
            }
            StepArguments.inRange("levelsDb[" + i + "]", levelsDb[i], FLOOR_DB, 100);
        }
    }

    /** The long-term spectrum's channels, read into the grid's bands. */
    public static MatchTarget of(String name, Spectrum spectrum) {
        double nyquist = spectrum.sampleRate() / 2.0;
        int points = 0;
        while (gridHz(points) <= nyquist) {
            points++;
        }
        List<String> names = spectrum.seriesNames();
        double[] frequencies = new double[points];
        double[] levels = new double[points];
        double halfBand = StrictMath.pow(2, 1.0 / (2 * POINTS_PER_OCTAVE));
        for (int i = 0; i < points; i++) {
            frequencies[i] = gridHz(i);
            double power = 0;
            int channels = 0;
            for (int s = 0; s < names.size(); s++) {
                if (names.get(s).equals(Spectrum.MID) || names.get(s).equals(Spectrum.SIDE)) {
                    continue; // derived from the channels, not counted twice
                }
                // At least a bin either side: in the lowest octaves a band is narrower than a bin, and reading the
                // one bin it sits in makes a staircase whose steps fall elsewhere for another rate or FFT size
                // (a 44.1 kHz reference against a 48 kHz mix), which the difference turns into spikes.
                double lowHz = Math.min(frequencies[i] / halfBand, frequencies[i] - spectrum.binWidthHz());
                double highHz = Math.max(frequencies[i] * halfBand, frequencies[i] + spectrum.binWidthHz());
                power += meanPower(spectrum, s, lowHz, highHz, nyquist);
                channels++;
            }
            double mean = power / channels;
            double db = mean > 0 ? 10 * StrictMath.log10(mean) : FLOOR_DB;
            // A thousandth of a dB is far below anything audible and keeps the session file readable.
            levels[i] = Math.max(FLOOR_DB, Math.rint(db * 1000) / 1000);
        }
        return new MatchTarget(name, frequencies, levels);
    }

    /** Grid point i: {@code 20 Hz · 2^(i/24)}. */
    public static double gridHz(int i) {
        return LOWEST_HZ * StrictMath.pow(2, i / (double) POINTS_PER_OCTAVE);
    }

    public int points() {
        return frequenciesHz.length;
    }

    public double frequencyHz(int i) {
        return frequenciesHz[i];
    }

    public double levelDb(int i) {
        return levelsDb[i];
    }

    @Override
    public double[] frequenciesHz() {
        return frequenciesHz.clone();
    }

    @Override
    public double[] levelsDb() {
        return levelsDb.clone();
    }

    /** Mean of a series' bin powers over [lowHz, highHz] ∩ [0, Nyquist], each bin weighted by its overlap. */
    private static double meanPower(Spectrum spectrum, int series, double lowHz, double highHz, double nyquist) {
        double binWidth = spectrum.binWidthHz();
        double lo = Math.max(0, lowHz);
        double hi = Math.min(nyquist, highHz);
        int first = (int) Math.max(0, Math.floor(lo / binWidth + 0.5));
        int last = (int) Math.min(spectrum.bins() - 1, Math.floor(hi / binWidth + 0.5));
        double weighted = 0;
        double width = 0;
        for (int k = first; k <= last; k++) {
            double overlap = Math.min(hi, (k + 0.5) * binWidth) - Math.max(lo, (k - 0.5) * binWidth);
            if (overlap > 0) {
                double db = spectrum.levelDb(series, k);
                weighted += (Double.isNaN(db) ? 0 : StrictMath.pow(10, db / 10)) * overlap;
                width += overlap;
            }
        }
        return width > 0 ? weighted / width : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchTarget other && name.equals(other.name)
                && Arrays.equals(frequenciesHz, other.frequenciesHz) && Arrays.equals(levelsDb, other.levelsDb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(frequenciesHz)) + Arrays.hashCode(levelsDb);
    }

    @Override
    public String toString() {
        return "'" + name + "' (" + points() + " bands, 20 Hz to " + Math.round(frequenciesHz[points() - 1]) + " Hz)";
    }
}
