package org.freshears.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log-frequency axis over the audible band, 20 Hz to 20 kHz, labelled the way mixing engineers read an
 * analyser (20, 50, 100, 200, 500, 1k, 2k, 5k, 10k, 20k) with unlabelled minor grid lines at the other
 * whole multiples of each decade. LogAxis alone would label powers of ten in exponent form.
 */
final class FrequencyAxis extends LogAxis {
    static final String LABEL = "Frequency (Hz)";
    /** The audible band, as the spectrum's smoothed grid ({@link org.freshears.measure.Spectrum#GRID_LOW_HZ}). */
    static final double LOW_HZ = 20;
    static final double HIGH_HZ = 20_000;
    private static final double[] MAJOR_HZ = {20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000};

    /** Below this span (high/low) every whole multiple is labelled: a zoom has few majors to read. */
    private static final double LABEL_ALL_BELOW_RATIO = 30;

    FrequencyAxis() {
        this(LOW_HZ, HIGH_HZ);
    }

    /** The axis over [lowHz, highHz]: a spectrogram's rows, or a zoom on a problem band. */
    FrequencyAxis(double lowHz, double highHz) {
        super(LABEL);
        setBase(10);
        setSmallestValue(1);
        setAutoRange(false);
        setRange(lowHz, highHz);
        setMinorTickMarksVisible(true);
        ChartStyle.styleAxis(this);
    }

    /** {@code 2000} as {@code "2k"}, {@code 500} as {@code "500"}. */
    static String label(double hz) {
        return hz >= 1000 ? Math.round(hz / 1000) + "k" : Long.toString(Math.round(hz));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
                : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        boolean labelAll = getUpperBound() / getLowerBound() < LABEL_ALL_BELOW_RATIO;
        List<Double> inRange = new ArrayList<>();
        for (double decade = 1; decade <= 10_000; decade *= 10) {
            for (int m = 1; m <= 9; m++) {
                double hz = decade * m;
                if (hz >= getLowerBound() && hz <= getUpperBound()) {
                    inRange.add(hz);
                }
            }
        }
        // The usual majors first, then (on a zoom) every other multiple where its label has room.
        List<Double> labelled = new ArrayList<>();
        for (double hz : inRange) {
            if (isMajor(hz) && hasRoom(hz, labelled, dataArea, edge)) {
                labelled.add(hz);
            }
        }
        for (double hz : inRange) {
            if (labelAll && !labelled.contains(hz) && hasRoom(hz, labelled, dataArea, edge)) {
                labelled.add(hz);
            }
        }
        for (double hz : inRange) {
            boolean major = labelled.contains(hz);
            ticks.add(new NumberTick(major ? TickType.MAJOR : TickType.MINOR, hz, major ? label(hz) : "", anchor,
                    TextAnchor.CENTER, 0.0));
        }
        return ticks;
    }

    /** Whether a label at {@code hz} keeps clear of those already placed (a line's height, or the label's width). */
    private boolean hasRoom(double hz, List<Double> labelled, Rectangle2D dataArea, RectangleEdge edge) {
        double at = valueToJava2D(hz, dataArea, edge);
        float fontPx = getTickLabelFont().getSize2D();
        for (double other : labelled) {
            double gap = Math.abs(valueToJava2D(other, dataArea, edge) - at);
            double needed = RectangleEdge.isTopOrBottom(edge)
                    ? 0.6 * fontPx * (label(hz).length() + label(other).length()) / 2 + 8 : 1.2 * fontPx;
            if (gap < needed) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMajor(double hz) {
        for (double m : MAJOR_HZ) {
            if (m == hz) {
                return true;
            }
        }
        return false;
    }
}
