package org.freshears.measure;

/**
 * The spectrum of a mix over time, in fractional-octave bands, beside its long-term {@link Spectrum}: both
 * from one set of FFTs ({@link SpectrumTrackAnalyzer}). Each window holds the mean power of each band and of
 * the whole audible spectrum (channels averaged), so a band's level relative to the whole ({@link
 * #relativeDb}) neither rises with a louder passage nor hides in a quiet one. Powers carry the spectrum's
 * calibration; only their ratios are read.
 *
 * @param spectrum the long-term spectrum, calibrated as {@link SpectrumAnalyzer#analyze}'s (adjacent segments)
 * @param bands the fractional-octave bands
 * @param windowSeconds length of each window (the last may be shorter)
 * @param bandPower {@code [window][band]} mean power over the window's FFT segments
 * @param totalPower {@code [window]} mean power of every bin from 20 Hz to 20 kHz (or Nyquist)
 * @param peakRelativeDb {@code [window][band]} the highest band-to-total ratio of any one FFT segment in the
 *        window, dB: how far the band jumps out for a moment (a sibilant, a crash)
 * @param medianRelativeDb {@code [window][band]} the median band-to-total ratio of the window's FFT segments,
 *        dB: the band's usual share, which brief bursts do not raise
 */
public record SpectrumTrack(Spectrum spectrum, FractionalOctaveBands bands, double windowSeconds,
        double[][] bandPower, double[] totalPower, double[][] peakRelativeDb, double[][] medianRelativeDb) {

    public SpectrumTrack {
        bandPower = Spectrum.deepCopy(bandPower);
        totalPower = totalPower.clone();
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
