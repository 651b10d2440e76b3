package org.freshears.plot;

import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A match EQ's designed curve over log frequency: the gain it applies (dB), its boost and cut limits as
 * dashed lines, 0 dB marked, and the range it corrects shaded (outside it the curve fades to 0 dB). Drawn
 * from the curve's points as the session saves them, so the chart shows exactly what renders.
 */
final class MatchEqChart {
    static final String AXIS_LABEL = "Gain (dB)";

    private MatchEqChart() {
    }

    static JFreeChart build(String title, double[] frequenciesHz, double[] gainsDb, double maxBoostDb,
            double maxCutDb, double lowHz, double highHz) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(SeriesData.of("Match EQ curve", frequenciesHz, gainsDb));
        XYLineAndShapeRenderer renderer = Renderers.lines();
        Renderers.series(renderer, 0, ChartStyle.GAIN, ChartStyle.THICK);
        NumberAxis axis = new NumberAxis(AXIS_LABEL);
        ChartStyle.styleAxis(axis);
        // The limits are always in view, with a dB of room: the curve is read against them.
        double top = Math.max(1, maxBoostDb) + 1;
        double bottom = -Math.max(1, maxCutDb) - 1;
        axis.setRange(bottom, top);
        axis.setTickUnit(new NumberTickUnit(top - bottom > 14 ? 3 : 1));
        XYPlot plot = new XYPlot(data, new FrequencyAxis(), axis, renderer);
        ChartStyle.stylePlot(plot);
        plot.setDomainMinorGridlinesVisible(true);
        plot.addRangeMarker(new ValueMarker(0, ChartStyle.GRID.darker(), new java.awt.BasicStroke(1.5f)));
        plot.addRangeMarker(limit(maxBoostDb, "max boost " + db(maxBoostDb)));
        plot.addRangeMarker(limit(-maxCutDb, "max cut " + db(-maxCutDb)));
        IntervalMarker range = new IntervalMarker(lowHz, highHz, ChartStyle.SECTION_SHADE_A);
        range.setOutlinePaint(null);
        plot.addDomainMarker(range, Layer.BACKGROUND);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "linear phase; corrects %s to %s (shaded), "
                + "fades to 0 dB outside", hz(lowHz), hz(highHz))));
        return ChartStyle.apply(chart);
    }

    private static ValueMarker limit(double db, String label) {
        ValueMarker m = new ValueMarker(db, ChartStyle.TARGET, ChartStyle.DASHED);
        m.setLabel(label);
        m.setLabelFont(ChartStyle.MARKER_FONT);
        m.setLabelPaint(ChartStyle.MARKER_TEXT);
        m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        return m;
    }

    private static String db(double db) {
        return String.format(Locale.ROOT, "%+.1f dB", db).replace('-', '\u2212');
    }

    private static String hz(double hz) {
        return hz >= 1000 ? String.format(Locale.ROOT, "%.3g kHz", hz / 1000) : String.format(Locale.ROOT, "%.0f Hz", hz);
    }
}
