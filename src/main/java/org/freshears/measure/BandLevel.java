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
}
