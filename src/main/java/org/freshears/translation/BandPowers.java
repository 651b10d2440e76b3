package org.freshears.translation;

import org.freshears.measure.FractionalOctaveBands;
import org.freshears.measure.Spectrum;

/**
 * Third-octave band levels read from a long-term spectrum: the power of the bins whose centres fall in each
 * band, summed (so a band's level is its share of the whole), in dB of the spectrum's calibration.
 */
final class BandPowers {
    static final int BANDS_PER_OCTAVE = 3;

    private BandPowers() {
    }

    /** Each band's power in the given series, summed over them (channels: L + R). */
    static double[] of(Spectrum spectrum, FractionalOctaveBands bands, int... series) {
        double[] power = new double[bands.count()];
        int band = 0;
        for (int k = 0; k < spectrum.bins(); k++) {
            double f = spectrum.frequencyHz(k);
            while (band < bands.count() && f >= bands.highHz(band)) {
                band++;
            }
            if (band >= bands.count()) {
                break;
            }
            if (f < bands.lowHz(band)) {
                continue;
            }
            for (int s : series) {
                double db = spectrum.levelDb(s, k);
                power[band] += Double.isNaN(db) ? 0 : Math.pow(10, db / 10);
            }
        }
        return power;
    }

    static double db(double power) {
        return power > 0 ? 10 * Math.log10(power) : Double.NaN;
    }

    static int[] channels(Spectrum spectrum, int channels) {
        int[] series = new int[channels];
        for (int c = 0; c < channels; c++) {
            series[c] = c;
        }
        return series;
    }
}
