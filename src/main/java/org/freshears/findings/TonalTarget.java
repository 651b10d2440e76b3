package org.freshears.findings;

import java.util.Arrays;
import org.freshears.measure.FractionalOctaveBands;

/**
 * The long-term spectrum of a balanced release, as a curve through breakpoints: the level of a
 * fractional-octave band relative to the whole spectrum (dB), linear in log-frequency between breakpoints
 * and flat beyond the ends. Only the shape matters: {@link #bandShareDb} rescales it so that the band
 * shares of any set of bands sum to the whole, as measured shares do.
 *
 * @param frequenciesHz ascending breakpoints
 * @param thirdOctaveDb the level of a third-octave band centred at each breakpoint (before rescaling)
 */
public record TonalTarget(double[] frequenciesHz, double[] thirdOctaveDb) {

    /**
     * A balanced release's long-term spectrum, per third octave: highest from about 50 to 125 Hz, falling gently
     * through the mids and about 5 dB per octave above 2 kHz, steeply above 12 kHz. The shape is drawn after the
     * mean long-term spectrum of popular music measured by Elowsson & Friberg (AES 142nd Convention, paper 9762,
     * 2017); the breakpoints are judgement, not values read off that paper's data. Checked against the clean
     * demo mix, its planted problems and Debian recordings (README, "How the findings were checked").
     */
    public static final TonalTarget POPULAR_MUSIC = new TonalTarget(
            new double[] {20, 31.5, 50, 125, 250, 500, 1000, 2000, 4000, 8000, 12500, 16000, 20000},
            new double[] {-14, -8, -5, -5, -7, -9, -11, -14, -19, -24, -28, -33, -42});

    public TonalTarget {
        frequenciesHz = frequenciesHz.clone();
        thirdOctaveDb = thirdOctaveDb.clone();
        if (frequenciesHz.length < 2 || frequenciesHz.length != thirdOctaveDb.length) {
            throw new IllegalArgumentException("a tonal target needs at least two (frequency, level) breakpoints");
        }
        for (int i = 1; i < frequenciesHz.length; i++) {
            if (!(frequenciesHz[i] > frequenciesHz[i - 1]) || !(frequenciesHz[0] > 0)) {
                throw new IllegalArgumentException("breakpoint frequencies must be positive and ascending");
            }
        }
    }

    @Override
    public double[] frequenciesHz() {
        return frequenciesHz.clone();
    }

    @Override
    public double[] thirdOctaveDb() {
        return thirdOctaveDb.clone();
    }

    /** The curve at a frequency, per third octave, before rescaling. */
    public double thirdOctaveDbAt(double freqHz) {
        if (freqHz <= frequenciesHz[0]) {
            return thirdOctaveDb[0];
        }
        int last = frequenciesHz.length - 1;
        if (freqHz >= frequenciesHz[last]) {
            return thirdOctaveDb[last];
        }
        int i = 1;
        while (frequenciesHz[i] < freqHz) {
            i++;
        }
        double x = Math.log(freqHz / frequenciesHz[i - 1]) / Math.log(frequenciesHz[i] / frequenciesHz[i - 1]);
        return thirdOctaveDb[i - 1] + x * (thirdOctaveDb[i] - thirdOctaveDb[i - 1]);
    }

    /**
     * The target share of each band in the whole, dB: the curve at each band's centre, corrected for the
     * band's width (a 1/b-octave band holds 3/b of a third octave's power), then shifted so the shares sum to
     * 0 dB over these bands.
     */
    public double[] bandShareDb(FractionalOctaveBands bands) {
        double[] share = new double[bands.count()];
        double widthDb = 10 * Math.log10(3.0 / bands.bandsPerOctave());
        double sum = 0;
        for (int b = 0; b < share.length; b++) {
            share[b] = thirdOctaveDbAt(bands.centreHz(b)) + widthDb;
            sum += Math.pow(10, share[b] / 10);
        }
        double shift = 10 * Math.log10(sum);
        for (int b = 0; b < share.length; b++) {
            share[b] -= shift;
        }
        return share;
    }

    /**
     * The target on the level-matched scale a problem area is judged on: each band's level (mean square per
     * channel, dBFS) minus the loudness (LUFS) of audio with exactly this spectrum, in dB. The conversion is
     * derived, not chosen: BS.1770-4's loudness of a spectrum is −0.691 + 10·log10(G·Σ_b p_b·|K(f_b)|²), with
     * p_b the bands' mean squares, K the K-weighting and G the sum of the channels' weights (2 for stereo), so
     * a band's level against the loudness is its share minus that loudness of the shares.
     *
     * @param loudnessWeight |K|² of each band ({@link org.freshears.measure.SpectrumTrack#bandLoudnessWeight})
     * @param channelWeightSum G
     */
    public double[] bandVsLoudnessDb(FractionalOctaveBands bands, double[] loudnessWeight, double channelWeightSum) {
        return vsOwnLoudness(bandShareDb(bands), loudnessWeight, channelWeightSum);
    }

    /** Band levels shifted so that audio with these levels has a loudness of 0 LUFS (see {@link #bandVsLoudnessDb}). */
    static double[] vsOwnLoudness(double[] bandDb, double[] loudnessWeight, double channelWeightSum) {
        double z = 0;
        for (int b = 0; b < bandDb.length; b++) {
            z += Math.pow(10, bandDb[b] / 10) * loudnessWeight[b];
        }
        double loudness = LOUDNESS_OFFSET_DB + 10 * Math.log10(channelWeightSum * z);
        double[] vs = new double[bandDb.length];
        for (int b = 0; b < bandDb.length; b++) {
            vs[b] = bandDb[b] - loudness;
        }
        return vs;
    }

    /** BS.1770-4 eq. 2: loudness = −0.691 + 10·log10(Σ G_i·z_i). */
    static final double LOUDNESS_OFFSET_DB = -0.691;

    @Override
    public boolean equals(Object o) {
        return o instanceof TonalTarget other && Arrays.equals(frequenciesHz, other.frequenciesHz)
                && Arrays.equals(thirdOctaveDb, other.thirdOctaveDb);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(frequenciesHz) + Arrays.hashCode(thirdOctaveDb);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TonalTarget[");
        for (int i = 0; i < frequenciesHz.length; i++) {
            text.append(i == 0 ? "" : ", ").append(frequenciesHz[i]).append(" Hz ").append(thirdOctaveDb[i]).append(" dB");
        }
        return text.append(']').toString();
    }
}
