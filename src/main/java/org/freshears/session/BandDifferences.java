package org.freshears.session;

import org.freshears.measure.Analysis;
import org.freshears.measure.FractionalOctaveBands;
import org.freshears.measure.SpectrumBands;

/**
 * How one version's long-term spectrum stands against another's, third octave by third octave (IEC 61260-1
 * bands, 20 Hz to 20 kHz or the lower Nyquist frequency), after moving the second by {@code gainDbB}: with
 * the level-matching gain, what is left is tone, not loudness. Each band's level is its power (both
 * channels) summed from the long-term spectrum.
 *
 * @param bands         the third-octave bands
 * @param differencesDb per band, the first version's level minus the second's (moved by the gain), dB; NaN
 *                      where either has no sound or both lie below the floor
 */
public record BandDifferences(FractionalOctaveBands bands, double[] differencesDb) {
    public static final int BANDS_PER_OCTAVE = 3;
    /**
     * A band more than this far under the loudest band of both versions is left out: there the spectra hold
     * dither and noise floors, whose difference says nothing of the music.
     */
    public static final double FLOOR_BELOW_LOUDEST_DB = 70;

    public BandDifferences {
        differencesDb = differencesDb.clone();
        if (differencesDb.length != bands.count()) {
            throw new IllegalArgumentException(differencesDb.length + " differences for " + bands.count() + " bands");
        }
    }

    /** a minus (b moved by gainDbB), per third octave. Both analyses need their spectra. */
    public static BandDifferences of(Analysis a, Analysis b, double gainDbB) {
        FractionalOctaveBands bands = FractionalOctaveBands.covering(BANDS_PER_OCTAVE,
                Math.min(a.sampleRate(), b.sampleRate()));
        double[] levelsA = levelsDb(SpectrumBands.channelPowers(a.spectrum(), bands));
        double[] levelsB = levelsDb(SpectrumBands.channelPowers(b.spectrum(), bands));
        double loudestA = max(levelsA);
        double loudestB = max(levelsB);
        double[] d = new double[bands.count()];
        for (int i = 0; i < d.length; i++) {
            boolean floor = levelsA[i] < loudestA - FLOOR_BELOW_LOUDEST_DB
                    && levelsB[i] < loudestB - FLOOR_BELOW_LOUDEST_DB;
            d[i] = floor ? Double.NaN : levelsA[i] - (levelsB[i] + gainDbB); // NaN stays NaN: no sound there
        }
        return new BandDifferences(bands, d);
    }

    @Override
    public double[] differencesDb() {
        return differencesDb.clone();
    }

    public double differenceDb(int band) {
        return differencesDb[band];
    }

    public double[] centresHz() {
        return bands.centresHz();
    }

    /**
     * The mean difference over the bands whose centres lie in [lowHz, highHz), dB (NaN when none has a
     * value): a band level's change where a filter acts.
     */
    public double meanDb(double lowHz, double highHz) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < differencesDb.length; i++) {
            double f = bands.centreHz(i);
            if (f >= lowHz && f < highHz && Double.isFinite(differencesDb[i])) {
                sum += differencesDb[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double[] levelsDb(double[] power) {
        double[] db = new double[power.length];
        for (int i = 0; i < power.length; i++) {
            db[i] = power[i] > 0 ? 10 * Math.log10(power[i]) : Double.NaN;
        }
        return db;
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v > m) {
                m = v;
            }
        }
        return m;
    }
}
