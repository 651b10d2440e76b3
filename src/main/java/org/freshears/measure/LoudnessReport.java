package org.freshears.measure;

import java.util.Arrays;

/**
 * What {@link LoudnessMeter} measured (ITU-R BS.1770-4, EBU Tech 3341 / 3342).
 *
 * <p><b>Histories.</b> {@code momentaryLufs[i]} and {@code shortTermLufs[i]} are the loudness of the
 * 400 ms and 3 s windows that <em>end</em> at {@code (i + 1) * 100 ms}, exactly at frame
 * {@code round((i + 1) * fs / 10)} (see {@link #windowEndSeconds(int)}). Both arrays have one value per
 * 100 ms hop lying wholly inside the file. A window that would start before the file does not exist:
 * its value is {@code NaN} (the first 3 momentary and the first 29 short-term values). A window of
 * digital silence reads {@code -Infinity}.
 *
 * <p><b>Missing values are NaN:</b> {@code integratedLufs} when no 400 ms block passes the gates
 * (silence, or a file shorter than 400 ms), and then {@code relativeGateLufs} too if no block passed
 * the absolute gate; {@code loudnessRangeLu}, {@code lraLowLufs}, {@code lraHighLufs} when no
 * short-term value passes the LRA gates (also for files shorter than 3 s), and
 * {@code lraRelativeGateLufs} when none passes the absolute gate; {@code maxMomentaryLufs} /
 * {@code maxShortTermLufs} when the file is shorter than the window.
 *
 * @param integratedLufs integrated (gated) loudness, LUFS
 * @param loudnessRangeLu loudness range per Tech 3342, LU ({@code lraHighLufs - lraLowLufs})
 * @param maxMomentaryLufs the loudest 400 ms window at any frame position (not only on the 100 ms grid)
 * @param maxShortTermLufs the loudest 3 s window at any frame position
 * @param momentaryLufs momentary loudness every 100 ms (see above for timing)
 * @param shortTermLufs short-term loudness every 100 ms
 * @param absoluteGateLufs the absolute gate used for both integrated loudness and LRA (-70)
 * @param relativeGateLufs the relative gate of the integrated loudness (-10 LU below the blocks above
 *     the absolute gate)
 * @param lraRelativeGateLufs the relative gate of the LRA (-20 LU below the power mean of the short-term
 *     values above the absolute gate)
 * @param lraLowLufs the 10th percentile of the gated short-term values
 * @param lraHighLufs the 95th percentile of the gated short-term values
 */
public record LoudnessReport(double integratedLufs, double loudnessRangeLu, double maxMomentaryLufs,
        double maxShortTermLufs, double[] momentaryLufs, double[] shortTermLufs, double absoluteGateLufs,
        double relativeGateLufs, double lraRelativeGateLufs, double lraLowLufs, double lraHighLufs) {

    public LoudnessReport {
        momentaryLufs = momentaryLufs.clone();
        shortTermLufs = shortTermLufs.clone();
        if (momentaryLufs.length != shortTermLufs.length) {
            throw new IllegalArgumentException("histories differ in length: " + momentaryLufs.length + " and "
                    + shortTermLufs.length);
        }
    }

    /** The nominal end time, seconds from the start of the file, of history value {@code index}. */
    public static double windowEndSeconds(int index) {
        return (index + 1) / (double) HopGrid.HOPS_PER_SECOND;
    }

    /** A copy of the momentary history. */
    @Override
    public double[] momentaryLufs() {
        return momentaryLufs.clone();
    }

    /** A copy of the short-term history. */
    @Override
    public double[] shortTermLufs() {
        return shortTermLufs.clone();
    }

    /** The number of history values (100 ms hops wholly inside the file). */
    public int historyLength() {
        return momentaryLufs.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoudnessReport r
                && Double.compare(integratedLufs, r.integratedLufs) == 0
                && Double.compare(loudnessRangeLu, r.loudnessRangeLu) == 0
                && Double.compare(maxMomentaryLufs, r.maxMomentaryLufs) == 0
                && Double.compare(maxShortTermLufs, r.maxShortTermLufs) == 0
                && Arrays.equals(momentaryLufs, r.momentaryLufs)
                && Arrays.equals(shortTermLufs, r.shortTermLufs)
                && Double.compare(absoluteGateLufs, r.absoluteGateLufs) == 0
                && Double.compare(relativeGateLufs, r.relativeGateLufs) == 0
                && Double.compare(lraRelativeGateLufs, r.lraRelativeGateLufs) == 0
                && Double.compare(lraLowLufs, r.lraLowLufs) == 0
                && Double.compare(lraHighLufs, r.lraHighLufs) == 0;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(integratedLufs);
        h = 31 * h + Double.hashCode(loudnessRangeLu);
        h = 31 * h + Double.hashCode(maxMomentaryLufs);
        h = 31 * h + Double.hashCode(maxShortTermLufs);
        h = 31 * h + Arrays.hashCode(momentaryLufs);
        h = 31 * h + Arrays.hashCode(shortTermLufs);
        h = 31 * h + Double.hashCode(relativeGateLufs);
        h = 31 * h + Double.hashCode(lraRelativeGateLufs);
        h = 31 * h + Double.hashCode(lraLowLufs);
        return 31 * h + Double.hashCode(lraHighLufs);
    }

    @Override
    public String toString() {
        return "LoudnessReport[integratedLufs=" + integratedLufs + ", loudnessRangeLu=" + loudnessRangeLu
                + ", maxMomentaryLufs=" + maxMomentaryLufs + ", maxShortTermLufs=" + maxShortTermLufs
                + ", history=" + momentaryLufs.length + " x 100 ms, absoluteGateLufs=" + absoluteGateLufs
                + ", relativeGateLufs=" + relativeGateLufs + ", lraRelativeGateLufs=" + lraRelativeGateLufs
                + ", lraLowLufs=" + lraLowLufs + ", lraHighLufs=" + lraHighLufs + "]";
    }
}
