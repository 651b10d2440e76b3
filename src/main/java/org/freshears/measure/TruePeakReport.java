package org.freshears.measure;

import java.util.Arrays;

/**
 * What {@link TruePeakMeter} measured. Linear values are in full scale (1.0 = 0 dBFS); dB values are
 * {@code 20 log10} of them ({@code -Infinity} for a silent channel).
 *
 * @param oversampling the oversampling factor used (4, 2 or 1; see {@link TruePeakMeter})
 * @param truePeakLinear per channel, the largest |value| of the oversampled signal (never below the
 *     sample peak)
 * @param samplePeakLinear per channel, the largest |sample|
 */
public record TruePeakReport(int oversampling, double[] truePeakLinear, double[] samplePeakLinear) {

    public TruePeakReport {
        truePeakLinear = truePeakLinear.clone();
        samplePeakLinear = samplePeakLinear.clone();
        if (truePeakLinear.length != samplePeakLinear.length) {
            throw new IllegalArgumentException("true and sample peaks differ in channel count: "
                    + truePeakLinear.length + " and " + samplePeakLinear.length);
        }
    }

    @Override
    public double[] truePeakLinear() {
        return truePeakLinear.clone();
    }

    @Override
    public double[] samplePeakLinear() {
        return samplePeakLinear.clone();
    }

    public int channels() {
        return truePeakLinear.length;
    }

    public double truePeakDbtp(int channel) {
        return toDb(truePeakLinear[channel]);
    }

    public double samplePeakDbfs(int channel) {
        return toDb(samplePeakLinear[channel]);
    }

    /** The largest true peak over all channels, linear. */
    public double maxTruePeakLinear() {
        return Arrays.stream(truePeakLinear).max().orElse(0);
    }

    /** The largest true peak over all channels, dBTP. */
    public double maxTruePeakDbtp() {
        return toDb(maxTruePeakLinear());
    }

    /** The largest sample peak over all channels, linear. */
    public double maxSamplePeakLinear() {
        return Arrays.stream(samplePeakLinear).max().orElse(0);
    }

    /** The largest sample peak over all channels, dBFS. */
    public double maxSamplePeakDbfs() {
        return toDb(maxSamplePeakLinear());
    }

    private static double toDb(double linear) {
        return 20 * StrictMath.log10(linear);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TruePeakReport r && oversampling == r.oversampling
                && Arrays.equals(truePeakLinear, r.truePeakLinear)
                && Arrays.equals(samplePeakLinear, r.samplePeakLinear);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * oversampling + Arrays.hashCode(truePeakLinear)) + Arrays.hashCode(samplePeakLinear);
    }

    @Override
    public String toString() {
        return "TruePeakReport[oversampling=" + oversampling + ", truePeakLinear=" + Arrays.toString(truePeakLinear)
                + ", samplePeakLinear=" + Arrays.toString(samplePeakLinear) + "]";
    }
}
