package org.freshears.plot;

import org.jfree.data.Range;

/** Axis ranges fitted to the data (finite values only) and rounded to steps a reader can count. */
final class Ranges {
    private Ranges() {
    }

    /** {min, max} of the finite values, or null when there are none. */
    static double[] finiteMinMax(double[]... arrays) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new double[] {min, max} : null;
    }

    static double floorTo(double v, double step) {
        return Math.floor(v / step) * step;
    }

    static double ceilTo(double v, double step) {
        return Math.ceil(v / step) * step;
    }

    /**
     * A dBFS range for spectra: from the top of the data (plus headroom, up to the next 10 dB) down to its
     * bottom, but no more than {@code maxSpanDb} below the top, so that a near-silent band edge does not squash
     * the part of the curve that matters.
     */
    static Range spectrumLevels(double maxSpanDb, double[]... levels) {
        double[] mm = finiteMinMax(levels);
        if (mm == null) {
            return new Range(-100, 0);
        }
        double top = ceilTo(mm[1] + 3, 10);
        double bottom = Math.max(floorTo(mm[0] - 3, 10), top - maxSpanDb);
        return new Range(bottom, top);
    }

    /**
     * A range symmetric about 0 dB holding every finite value, in whole multiples of {@code stepDb}, at least
     * ±{@code stepDb} (an unchanged spectrum still shows a readable, flat zero line) and at most ±{@code maxDb}.
     */
    static Range symmetric(double stepDb, double maxDb, double[]... values) {
        double[] mm = finiteMinMax(values);
        double extreme = mm == null ? 0 : Math.max(Math.abs(mm[0]), Math.abs(mm[1]));
        double half = Math.min(maxDb, Math.max(stepDb, ceilTo(extreme * 1.1, stepDb)));
        return new Range(-half, half);
    }
}
