package org.freshears.translation;

/**
 * The master folded to mono, (L + R)/2 on both speakers (a phone, a club's mono PA, a smart speaker).
 *
 * @param loudnessChangeLu      integrated loudness of the fold-down minus the master's, LU: 0 for a mono
 *                              master, about −3 for uncorrelated channels, lower where they cancel; NaN for a
 *                              mono file or silence
 * @param correlation           Pearson correlation of left and right over the whole song (as {@code analyze}
 *                              gives it), in [−1, 1]
 * @param bandCentresHz         third-octave band centres, Hz
 * @param bandLossDb            per band, the fold-down's level minus the mean of the channels' levels, dB:
 *                              0 for mono content, −3 for uncorrelated, far below where the channels cancel
 * @param windowSeconds         length of each correlation window, s
 * @param correlationOverTime   Pearson correlation per window (NaN for a silent window)
 */
public record MonoReport(double loudnessChangeLu, double correlation, double[] bandCentresHz, double[] bandLossDb,
        double windowSeconds, double[] correlationOverTime) {

    public MonoReport {
        bandCentresHz = bandCentresHz.clone();
        bandLossDb = bandLossDb.clone();
        correlationOverTime = correlationOverTime.clone();
    }

    @Override
    public double[] bandCentresHz() {
        return bandCentresHz.clone();
    }

    @Override
    public double[] bandLossDb() {
        return bandLossDb.clone();
    }

    @Override
    public double[] correlationOverTime() {
        return correlationOverTime.clone();
    }

    /** The band that loses the most in mono, or −1 when none is measured. */
    public int worstBand() {
        int worst = -1;
        for (int i = 0; i < bandLossDb.length; i++) {
            if (!Double.isNaN(bandLossDb[i]) && (worst < 0 || bandLossDb[i] < bandLossDb[worst])) {
                worst = i;
            }
        }
        return worst;
    }

    /** The lowest correlation of any window (NaN when no window holds sound). */
    public double minCorrelation() {
        double min = Double.NaN;
        for (double r : correlationOverTime) {
            if (!Double.isNaN(r) && !(r >= min)) {
                min = r;
            }
        }
        return min;
    }

    /** The share of the sounding windows whose correlation is below zero: out of phase more than in. */
    public double negativeShare() {
        int sounding = 0;
        int negative = 0;
        for (double r : correlationOverTime) {
            if (!Double.isNaN(r)) {
                sounding++;
                negative += r < 0 ? 1 : 0;
            }
        }
        return sounding == 0 ? Double.NaN : negative / (double) sounding;
    }
}
