package org.freshears.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * Where a chart's time axis lies in its picture, so the player can draw a playhead on it: the plot area's
 * edges as fractions of the chart's width and height ({@code data-x0}, {@code data-x1}, {@code data-y0},
 * {@code data-y1}) and the seconds at its left and right edges ({@code data-t0}, {@code data-t1}): read from the
 * layout its PNG drawing recorded, or the chart laid out once more at that size with nothing painted.
 */
final class ChartPlayhead {
    /** The label every time axis has ({@code plot.TimeAxis}). */
    private static final String TIME_AXIS_PREFIX = "Time";

    private ChartPlayhead() {
    }

    /** {@code attributes} with the playhead's data attributes added when the chart's x axis is time. */
    static String[] attributes(JFreeChart chart, int width, int height, String... attributes) {
        return attributes(chart, width, height, null, attributes);
    }

    /**
     * The same, read from {@code drawnLayout} when the chart's PNG was just drawn at this size and recorded its
     * layout there ({@code ChartFiles.pngBytes}: a bitmap, so the same font metrics as the canvas here); null:
     * laid out here.
     */
    static String[] attributes(JFreeChart chart, int width, int height, ChartRenderingInfo drawnLayout,
            String... attributes) {
        List<String> all = new ArrayList<>(List.of(attributes));
        ValueAxis axis = chart.getPlot() instanceof XYPlot plot ? plot.getDomainAxis() : null;
        if (axis != null && axis.getLabel() != null && axis.getLabel().startsWith(TIME_AXIS_PREFIX)) {
            ChartRenderingInfo info = drawnLayout != null ? drawnLayout : layout(chart, width, height);
            Rectangle2D area = info.getPlotInfo().getDataArea();
            all.addAll(List.of("data-t0", fraction(axis.getLowerBound()), "data-t1", fraction(axis.getUpperBound()),
                    "data-x0", fraction(area.getMinX() / width), "data-x1", fraction(area.getMaxX() / width),
                    "data-y0", fraction(area.getMinY() / height), "data-y1", fraction(area.getMaxY() / height)));
        }
        return all.toArray(String[]::new);
    }

    /**
     * The chart laid out at this size with nothing painted (a 1-pixel canvas). No entities are collected: only the
     * areas are read.
     */
    static ChartRenderingInfo layout(JFreeChart chart, int width, int height) {
        ChartRenderingInfo info = new ChartRenderingInfo(null);
        BufferedImage canvas = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            synchronized (chart) { // as ChartFiles draws it: one thread at a time
                chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
            }
        } finally {
            g.dispose();
        }
        return info;
    }

    private static String fraction(double value) {
        return String.format(Locale.ROOT, "%.5f", value);
    }
}
