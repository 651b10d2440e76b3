package org.freshears.measure;

/**
 * Band powers read from a long-term spectrum: the power of the bins whose centres fall in a band, summed
 * (linear, in the spectrum's calibration, so only ratios of two readings of spectra made alike mean
 * anything). The Hann window's equivalent noise bandwidth is the same whatever the FFT size, so spectra of
 * two sample rates, each analysed at about the same resolution in seconds, compare band for band.
 */
public final class SpectrumBands {
    private SpectrumBands() {
    }

    /** The channels' bins in [lowHz, highHz), summed over the channels (L + R). */
    public static double channelPower(Spectrum spectrum, double lowHz, double highHz) {
        double power = 0;
        for (int s = 0; s < spectrum.seriesNames().size(); s++) {
            if (isChannel(spectrum, s)) {
                power += seriesPower(spectrum, s, lowHz, highHz);
            }
        }
        return power;
    }

    /** Each fractional-octave band's channel power (see {@link #channelPower}). */
    public static double[] channelPowers(Spectrum spectrum, FractionalOctaveBands bands) {
        double[] power = new double[bands.count()];
        for (int b = 0; b < bands.count(); b++) {
            power[b] = channelPower(spectrum, bands.lowHz(b), bands.highHz(b));
        }
        return power;
    }

    /**
     * The side signal's power against the mid's over [lowHz, highHz), dB: a stereo width figure (−∞ for mono
     * content, 0 where side is as strong as mid, as for two unrelated channels). NaN without mid/side series
     * (not stereo) or with no mid power.
     */
    public static double sideToMidDb(Spectrum spectrum, double lowHz, double highHz) {
        int mid = spectrum.seriesNames().indexOf(Spectrum.MID);
        int side = spectrum.seriesNames().indexOf(Spectrum.SIDE);
        if (mid < 0 || side < 0) {
            return Double.NaN;
        }
        double m = seriesPower(spectrum, mid, lowHz, highHz);
        double s = seriesPower(spectrum, side, lowHz, highHz);
        return m > 0 ? 10 * Math.log10(s / m) : Double.NaN;
    }

    private static boolean isChannel(Spectrum spectrum, int series) {
        String name = spectrum.seriesNames().get(series);
        return !name.equals(Spectrum.MID) && !name.equals(Spectrum.SIDE);
    }

    private static double seriesPower(Spectrum spectrum, int series, double lowHz, double highHz) {
        double power = 0;
        for (int k = 0; k < spectrum.bins(); k++) {
            double f = spectrum.frequencyHz(k);
            if (f >= lowHz && f < highHz) {
                double db = spectrum.levelDb(series, k);
                power += Double.isNaN(db) ? 0 : Math.pow(10, db / 10); // NaN: a bin of digital silence
            }
        }
        return power;
    }
}
