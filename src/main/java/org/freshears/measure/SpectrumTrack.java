package org.freshears.measure;

/**
 * The spectrum of a mix over time, in fractional-octave bands, beside its long-term {@link Spectrum}: both
 * from one set of FFTs ({@link SpectrumTrackAnalyzer}). Each window holds the mean square of each band and of
 * the whole audible spectrum (channels averaged, by Parseval, so {@link #bandDb} reads dBFS as {@link
 * BandEnergy} does: a full-scale sine in the band −3.01 dBFS), and its K-weighted mean square, from which
 * {@link #loudnessDb} estimates the window's loudness. A band's level against the window's loudness ({@link
 * #vsLoudnessDb}) neither rises with a louder passage nor hides in a quiet one, and, K-weighted as hearing
 * is, it hardly moves when only the sub-bass below the band moves.
 *
 * @param spectrum the long-term spectrum, calibrated as {@link SpectrumAnalyzer#analyze}'s (adjacent segments)
 * @param bands the fractional-octave bands
 * @param windowSeconds length of each window (the last may be shorter)
 * @param bandPower {@code [window][band]} mean square over the window's FFT segments
 * @param totalPower {@code [window]} mean square of every bin from 20 Hz to 20 kHz (or Nyquist)
 * @param loudnessPower {@code [window]} K-weighted (ITU-R BS.1770-4) mean square of the same bins
 * @param bandLoudnessWeight {@code [band]} |K|² averaged over the band's bins
 * @param channelWeightSum the sum of the channels' BS.1770 weights (2 for stereo): loudness sums channels,
 *        where the band levels average them
 * @param peakRelativeDb {@code [window][band]} the highest band-to-total ratio of any one FFT segment in the
 *        window, dB: how far the band jumps out for a moment (a sibilant, a crash)
 * @param medianRelativeDb {@code [window][band]} the median band-to-total ratio of the window's FFT segments,
 *        dB: the band's usual share, which brief bursts do not raise
 */
public record SpectrumTrack(Spectrum spectrum, FractionalOctaveBands bands, double windowSeconds,
        double[][] bandPower, double[] totalPower, double[] loudnessPower, double[] bandLoudnessWeight,
        double channelWeightSum, double[][] peakRelativeDb, double[][] medianRelativeDb) {

    /** BS.1770-4 eq. 2: loudness = −0.691 + 10·log10(Σ G_i·z_i). */
    static final double LOUDNESS_OFFSET_DB = -0.691;

    public SpectrumTrack {
        bandPower = Spectrum.deepCopy(bandPower);
        totalPower = totalPower.clone();
        loudnessPower = loudnessPower.clone();
        bandLoudnessWeight = bandLoudnessWeight.clone();
        if (loudnessPower.length != totalPower.length) {
            throw new IllegalArgumentException("loudness and total arrays differ in window count");
        }
        peakRelativeDb = Spectrum.deepCopy(peakRelativeDb);
        medianRelativeDb = Spectrum.deepCopy(medianRelativeDb);
        if (bandPower.length != totalPower.length || peakRelativeDb.length != totalPower.length
                || medianRelativeDb.length != totalPower.length) {
            throw new IllegalArgumentException("band, total and peak arrays differ in window count");
        }
    }

    public int windows() {
        return totalPower.length;
    }

    public double windowStartSeconds(int window) {
        return window * windowSeconds;
    }

    public double bandPower(int window, int band) {
        return bandPower[window][band];
    }

    public double totalPower(int window) {
        return totalPower[window];
    }

    public double peakRelativeDb(int window, int band) {
        return peakRelativeDb[window][band];
    }

    public double medianRelativeDb(int window, int band) {
        return medianRelativeDb[window][band];
    }

    /**
     * Mean square of bands [fromBand, toBand] over windows [fromWindow, toWindow], dBFS (the windows' mean; NaN
     * for digital silence): what {@link BandEnergy#inSpan} reads for the same span and band, up to the frames.
     */
    public double bandDb(int fromWindow, int toWindow, int fromBand, int toBand) {
        double sum = 0;
        for (int w = fromWindow; w <= toWindow; w++) {
            for (int b = fromBand; b <= toBand; b++) {
                sum += bandPower[w][b];
            }
        }
        return Levels.powerDb(sum / (toWindow - fromWindow + 1));
    }

    /**
     * Loudness over windows [fromWindow, toWindow], estimated from their spectra: BS.1770-4's formula on the
     * K-weighted mean square (ungated, so it reads a passage, not a programme), LUFS; NaN for digital silence.
     */
    public double loudnessDb(int fromWindow, int toWindow) {
        double sum = 0;
        for (int w = fromWindow; w <= toWindow; w++) {
            sum += loudnessPower[w];
        }
        double z = channelWeightSum * sum / (toWindow - fromWindow + 1);
        return z > 0 ? LOUDNESS_OFFSET_DB + 10 * Math.log10(z) : Double.NaN;
    }

    /**
     * Bands [fromBand, toBand] against the loudness over windows [fromWindow, toWindow], dB: the band's level
     * as a listener hears it with the passage played at a fixed loudness (NaN if silent).
     */
    public double vsLoudnessDb(int fromWindow, int toWindow, int fromBand, int toBand) {
        return bandDb(fromWindow, toWindow, fromBand, toBand) - loudnessDb(fromWindow, toWindow);
    }

    /**
     * Loudness of everything outside bands [fromBand, toBand] over windows [fromWindow, toWindow], LUFS
     * ({@link #loudnessDb} without the bands' K-weighted power; NaN when nothing is left).
     */
    public double restLoudnessDb(int fromWindow, int toWindow, int fromBand, int toBand) {
        double sum = 0;
        for (int w = fromWindow; w <= toWindow; w++) {
            sum += loudnessPower[w];
            for (int b = fromBand; b <= toBand; b++) {
                sum -= bandPower[w][b] * bandLoudnessWeight[b];
            }
        }
        double z = channelWeightSum * sum / (toWindow - fromWindow + 1);
        return z > 0 ? LOUDNESS_OFFSET_DB + 10 * Math.log10(z) : Double.NaN;
    }

    /**
     * Bands [fromBand, toBand] against the loudness of the rest of the spectrum over windows [fromWindow,
     * toWindow], dB (NaN if either is silent): their balance as a listener hears it, whatever the passage's
     * level. Against the rest rather than the whole loudness, so that a band's own excess does not hide in the
     * loudness it raises (the low mids can carry a third of a song's loudness).
     */
    public double vsRestLoudnessDb(int fromWindow, int toWindow, int fromBand, int toBand) {
        return bandDb(fromWindow, toWindow, fromBand, toBand) - restLoudnessDb(fromWindow, toWindow, fromBand, toBand);
    }

    /** The share of windows [fromWindow, toWindow]'s loudness power that bands [fromBand, toBand] carry. */
    public double loudnessShare(int fromWindow, int toWindow, int fromBand, int toBand) {
        double band = 0;
        double all = 0;
        for (int w = fromWindow; w <= toWindow; w++) {
            all += loudnessPower[w];
            for (int b = fromBand; b <= toBand; b++) {
                band += bandPower[w][b] * bandLoudnessWeight[b];
            }
        }
        return all > 0 ? Math.min(1, band / all) : Double.NaN;
    }

    /** The share of the whole song's loudness power that windows [fromWindow, toWindow] carry. */
    public double loudnessShareOfSong(int fromWindow, int toWindow) {
        double span = 0;
        double all = 0;
        for (int w = 0; w < loudnessPower.length; w++) {
            all += loudnessPower[w];
            span += w >= fromWindow && w <= toWindow ? loudnessPower[w] : 0;
        }
        return all > 0 ? span / all : Double.NaN;
    }

    /** |K|² of the BS.1770-4 K-weighting averaged over a band's bins: how much the band counts in loudness. */
    public double bandLoudnessWeight(int band) {
        return bandLoudnessWeight[band];
    }

    /** Power of bands [fromBand, toBand] relative to the whole spectrum in a window, dB (NaN if silent). */
    public double relativeDb(int window, int fromBand, int toBand) {
        double sum = 0;
        for (int b = fromBand; b <= toBand; b++) {
            sum += bandPower[window][b];
        }
        return sum > 0 && totalPower[window] > 0 ? 10 * Math.log10(sum / totalPower[window]) : Double.NaN;
    }

    @Override
    public double[][] bandPower() {
        return Spectrum.deepCopy(bandPower);
    }

    @Override
    public double[] totalPower() {
        return totalPower.clone();
    }

    @Override
    public double[] bandLoudnessWeight() {
        return bandLoudnessWeight.clone();
    }

    @Override
    public double[] loudnessPower() {
        return loudnessPower.clone();
    }

    @Override
    public double[][] peakRelativeDb() {
        return Spectrum.deepCopy(peakRelativeDb);
    }

    @Override
    public double[][] medianRelativeDb() {
        return Spectrum.deepCopy(medianRelativeDb);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpectrumTrack other && spectrum.equals(other.spectrum) && bands.equals(other.bands)
                && windowSeconds == other.windowSeconds && java.util.Arrays.deepEquals(bandPower, other.bandPower)
                && java.util.Arrays.equals(totalPower, other.totalPower)
                && java.util.Arrays.equals(loudnessPower, other.loudnessPower)
                && java.util.Arrays.equals(bandLoudnessWeight, other.bandLoudnessWeight)
                && channelWeightSum == other.channelWeightSum
                && java.util.Arrays.deepEquals(peakRelativeDb, other.peakRelativeDb)
                && java.util.Arrays.deepEquals(medianRelativeDb, other.medianRelativeDb);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(totalPower) * 31 + spectrum.hashCode();
    }

    @Override
    public String toString() {
        return "SpectrumTrack[" + bands + ", windows=" + windows() + " of " + windowSeconds + " s]";
    }
}
