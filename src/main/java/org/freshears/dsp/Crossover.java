package org.freshears.dsp;

import java.util.Arrays;

/**
 * Splits one channel into 2 to 4 bands with 4th-order Linkwitz-Riley (LR4) filters whose bands sum
 * back to an all-pass: flat magnitude, only phase turned.
 *
 * <p>Each LR4 low/high pair is two cascaded 2nd-order Butterworth sections (Q = 1/sqrt 2) at the same
 * corner; both outputs are -6.02 dB at the corner and in phase, and LP + HP equals the 2nd-order
 * all-pass AP of that corner (Linkwitz &amp; Riley, "Active crossover networks for noncoincident
 * drivers", JAES 24(1), 1976; for the digital sections see {@link FilterDesign}).
 *
 * <p>Topology for crossovers f1 &lt; f2 &lt; f3 (a cascade, lowest split first):
 * <pre>
 *   x ── LP1 ─────────────── AP2 ── AP3 ─▶ band 0
 *   └─ HP1 ── LP2 ────────────────── AP3 ─▶ band 1
 *             └─ HP2 ── LP3 ──────────────▶ band 2
 *                       └─ HP3 ───────────▶ band 3
 * </pre>
 * Band k is passed through the all-passes of every crossover above it, so all bands carry the same
 * phase AP1·AP2·AP3 and their sum is AP1·AP2·AP3·x: e.g. AP3·[AP2·LP1 + (LP2 + HP2)·HP1] = AP3·AP2·AP1
 * for three bands. Without those all-passes a 3/4-band split has notches around the crossovers.
 *
 * <p>Processing is sample by sample in double; only the band outputs are rounded to float.
 */
public final class Crossover {
    private final double[] crossoversHz;
    /** Per crossover k: two cascaded Butterworth low-passes, then two high-passes. */
    private final Biquad[][] lowPasses;
    private final Biquad[][] highPasses;
    /** allPasses[k] holds, for band k, the all-passes of crossovers k+1 .. last. */
    private final Biquad[][] allPasses;

    public Crossover(double[] crossoversHz, double sampleRate) {
        if (crossoversHz.length < 1 || crossoversHz.length > 3) {
            throw new IllegalArgumentException("a crossover needs 1 to 3 frequencies, got " + crossoversHz.length);
        }
        double nyquistHz = sampleRate / 2;
        for (int k = 0; k < crossoversHz.length; k++) {
            double f = crossoversHz[k];
            if (!(f > 0 && f < nyquistHz)) {
                throw new IllegalArgumentException("crossover frequency must be in (0, " + nyquistHz + ") Hz, got " + f);
            }
            if (k > 0 && !(f > crossoversHz[k - 1])) {
                throw new IllegalArgumentException("crossover frequencies must ascend, got "
                        + Arrays.toString(crossoversHz));
            }
        }
        this.crossoversHz = crossoversHz.clone();
        int splits = crossoversHz.length;
        lowPasses = new Biquad[splits][];
        highPasses = new Biquad[splits][];
        for (int k = 0; k < splits; k++) {
            BiquadCoefficients lp = FilterDesign.lowPass(crossoversHz[k], FilterDesign.BUTTERWORTH_Q, sampleRate);
            BiquadCoefficients hp = FilterDesign.highPass(crossoversHz[k], FilterDesign.BUTTERWORTH_Q, sampleRate);
            lowPasses[k] = new Biquad[] {new Biquad(lp), new Biquad(lp)};
            highPasses[k] = new Biquad[] {new Biquad(hp), new Biquad(hp)};
        }
        allPasses = new Biquad[splits][];
        for (int band = 0; band < splits; band++) {
            allPasses[band] = new Biquad[splits - 1 - band];
            for (int j = band + 1; j < splits; j++) {
                allPasses[band][j - band - 1] = new Biquad(
                        FilterDesign.allPass(crossoversHz[j], FilterDesign.BUTTERWORTH_Q, sampleRate));
            }
        }
    }

    public int bands() {
        return crossoversHz.length + 1;
    }

    public double[] crossoversHz() {
        return crossoversHz.clone();
    }

    /**
     * Splits {@code input[inOffset, inOffset + frames)} into {@code bands[b][bandOffset, bandOffset + frames)},
     * b from 0 (lowest) to {@link #bands()} - 1. The input may be one of the band arrays' sources but
     * must not alias a band output range.
     */
    public void split(float[] input, int inOffset, float[][] bands, int bandOffset, int frames) {
        int splits = crossoversHz.length;
        for (int i = 0; i < frames; i++) {
            double rest = input[inOffset + i];
            for (int k = 0; k < splits; k++) {
                Biquad[] lp = lowPasses[k];
                Biquad[] hp = highPasses[k];
                double low = lp[1].process(lp[0].process(rest));
                rest = hp[1].process(hp[0].process(rest));
                Biquad[] ap = allPasses[k];
                for (Biquad section : ap) {
                    low = section.process(low);
                }
                bands[k][bandOffset + i] = (float) low;
            }
            bands[splits][bandOffset + i] = (float) rest;
        }
    }

    public void reset() {
        for (int k = 0; k < crossoversHz.length; k++) {
            for (Biquad b : lowPasses[k]) {
                b.reset();
            }
            for (Biquad b : highPasses[k]) {
                b.reset();
            }
            for (Biquad b : allPasses[k]) {
                b.reset();
            }
        }
    }
}
