package org.freshears.measure;

import java.util.Arrays;

/**
 * The level of one frequency band over time ({@link BandEnergy#track}): one point per hop. Arrays are
 * copied in and out; NaN marks frames of digital silence.
 *
 * @param lowHz band's lower edge
 * @param highHz band's upper edge
 * @param fftSize frame length in frames (Hann-windowed)
 * @param hopSeconds time between points
 * @param timesSeconds centre of each frame
 * @param bandDb band mean-square level per frame, dBFS, RMS convention (full-scale sine = −3.01 dBFS)
 * @param relativeDb band level minus whole-spectrum level of the same frame, dB
 */
public record BandEnergyTrack(double lowHz, double highHz, int fftSize, double hopSeconds, double[] timesSeconds,
        double[] bandDb, double[] relativeDb) {

    public BandEnergyTrack {
        timesSeconds = timesSeconds.clone();
        bandDb = bandDb.clone();
        relativeDb = relativeDb.clone();
        if (bandDb.length != timesSeconds.length || relativeDb.length != timesSeconds.length) {
            throw new IllegalArgumentException("times, band and relative levels differ in length");
        }
    }

    @Override
    public double[] timesSeconds() {
        return timesSeconds.clone();
    }

    @Override
    public double[] bandDb() {
        return bandDb.clone();
    }

    @Override
    public double[] relativeDb() {
        return relativeDb.clone();
    }

    public int points() {
        return timesSeconds.length;
    }

    public double timeSeconds(int point) {
        return timesSeconds[point];
    }

    public double bandDb(int point) {
        return bandDb[point];
    }

    public double relativeDb(int point) {
        return relativeDb[point];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BandEnergyTrack other && lowHz == other.lowHz && highHz == other.highHz
                && fftSize == other.fftSize && hopSeconds == other.hopSeconds
                && Arrays.equals(timesSeconds, other.timesSeconds) && Arrays.equals(bandDb, other.bandDb)
                && Arrays.equals(relativeDb, other.relativeDb);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {lowHz, highHz, fftSize, hopSeconds}) * 31
                + Arrays.hashCode(bandDb);
    }

    @Override
    public String toString() {
        return "BandEnergyTrack[lowHz=" + lowHz + ", highHz=" + highHz + ", fftSize=" + fftSize + ", hopSeconds="
                + hopSeconds + ", points=" + points() + "]";
    }
}
