package org.freshears.translation;

/**
 * What a codec took away (or added), per third-octave band: the decoded version's band level minus the
 * original's, over the whole song (both aligned to the frame, channels summed).
 *
 * @param centresHz  band centres, Hz (IEC 61260-1 base-2 grid, 20 Hz to 20 kHz or Nyquist)
 * @param originalDb the original's band levels, dB (the long-term spectrum's calibration)
 * @param decodedDb  the decoded version's band levels, dB
 */
public record SpectrumDifference(double[] centresHz, double[] originalDb, double[] decodedDb) {
    /** A band this far below the original is gone: the codec's low-pass. */
    static final double CUT_DB = -10;
    /** Low-passes are looked for above this; below it a codec keeps the music. */
    static final double CUT_SEARCH_FROM_HZ = 4_000;

    public SpectrumDifference {
        centresHz = centresHz.clone();
        originalDb = originalDb.clone();
        decodedDb = decodedDb.clone();
    }

    @Override
    public double[] centresHz() {
        return centresHz.clone();
    }

    @Override
    public double[] originalDb() {
        return originalDb.clone();
    }

    @Override
    public double[] decodedDb() {
        return decodedDb.clone();
    }

    public int bands() {
        return centresHz.length;
    }

    /** Decoded minus original in band i, dB; NaN where the original holds nothing. */
    public double differenceDb(int band) {
        return decodedDb[band] - originalDb[band];
    }

    public double[] differencesDb() {
        double[] d = new double[bands()];
        for (int i = 0; i < d.length; i++) {
            d[i] = differenceDb(i);
        }
        return d;
    }

    /**
     * The centre of the lowest band above 4 kHz that the codec took down by 10 dB or more (its low-pass), or
     * NaN when every band is kept.
     */
    public double cutFromHz() {
        for (int i = 0; i < bands(); i++) {
            if (centresHz[i] >= CUT_SEARCH_FROM_HZ && differenceDb(i) <= CUT_DB) {
                return centresHz[i];
            }
        }
        return Double.NaN;
    }
}
