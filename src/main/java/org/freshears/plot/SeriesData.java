package org.freshears.plot;

import org.jfree.data.xy.XYSeries;

/**
 * Builds XY series from measurement arrays. Any value that is not finite (NaN for "no value", −Infinity
 * for the loudness of digital silence) becomes NaN, which JFreeChart's line renderers draw as a gap: a
 * chart must not pretend that silence has a level, nor connect across it.
 */
final class SeriesData {
    private SeriesData() {
    }

    static XYSeries of(String key, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(key + ": " + x.length + " x values for " + y.length + " y values");
        }
        XYSeries series = new XYSeries(key, false, true);
        for (int i = 0; i < x.length; i++) {
            series.add(x[i], gapOrValue(y[i]), false);
        }
        return series;
    }

    static double gapOrValue(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
