package org.freshears.measure;

/**
 * The level of a frequency band over a time span ({@link BandEnergy#inSpan}).
 *
 * @param bandDb mean-square level of the band's content, dBFS with the RMS convention of {@link Levels}
 *        (a full-scale sine inside the band reads −3.01 dBFS); NaN for digital silence
 * @param relativeDb bandDb minus the level of the whole spectrum over the same span (≤ 0); it does not move
 *        when the whole signal gets louder or quieter. NaN for digital silence
 */
public record BandLevel(double bandDb, double relativeDb) {

    /**
     * The level of everything outside the band over the same span, dBFS (the whole spectrum's power minus
     * the band's): what moved when the band's share of the spectrum moved but the band did not. −∞ when
     * the band holds all of it, NaN for digital silence.
     */
    public double restDb() {
        double wholeDb = bandDb - relativeDb;
        double restPower = Math.pow(10, wholeDb / 10) - Math.pow(10, bandDb / 10);
        return restPower > 0 ? 10 * Math.log10(restPower) : restPower == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }
}
