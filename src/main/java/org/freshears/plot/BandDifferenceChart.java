package org.freshears.plot;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Band-level differences over log frequency, one line per version: what each codec took away from the
 * master (decoded minus original, per third octave), with 0 dB (nothing changed) marked.
 */
final class BandDifferenceChart {
    static final String AXIS_LABEL = "Decoded minus master (dB)";
    /** At least ±3 dB: a codec that changes nothing must not draw its rounding as a cliff. */
    static final double MIN_HALF_SPAN_DB = 3;
    /** A codec's low-pass falls to −60 dB and below; the top of the music is what is read. */
    static final double FLOOR_DB = -30;

    private BandDifferenceChart() {
    }

    static JFreeChart build(String title, String subtitle, double[] centresHz, List<String> names,
            List<double[]> differencesDb) {
        return build(title, subtitle, AXIS_LABEL, centresHz, names, differencesDb);
    }

    /** As above, with the value axis labelled for what the differences are ("Mix minus reference (dB)"). */
    static JFreeChart build(String title, String subtitle, String axisLabel, double[] centresHz, List<String> names,
            List<double[]> differencesDb) {
        XYSeriesCollection data = new XYSeriesCollection();
        double low = -MIN_HALF_SPAN_DB;
        double high = MIN_HALF_SPAN_DB;
        for (int i = 0; i < names.size(); i++) {
            double[] d = differencesDb.get(i).clone();
            for (int b = 0; b < d.length; b++) {
                if (Double.isFinite(d[b])) {
                    d[b] = Math.max(FLOOR_DB, d[b]);
                    low = Math.min(low, d[b]);
                    high = Math.max(high, d[b]);
                }
            }
            data.addSeries(SeriesData.of(names.get(i), centresHz, d));
        }
        NumberAxis axis = new NumberAxis(axisLabel);
        ChartStyle.styleAxis(axis);
        axis.setRange(Ranges.floorTo(low - 1, 3), Ranges.ceilTo(high + 1, 3));
        XYLineAndShapeRenderer renderer = Renderers.lines();
        XYPlot plot = new XYPlot(data, new FrequencyAxis(), axis, renderer);
        ChartStyle.stylePlot(plot);
        plot.addRangeMarker(new ValueMarker(0, ChartStyle.GRID.darker(), new java.awt.BasicStroke(1.5f)));
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(subtitle));
        return ChartStyle.apply(chart);
    }
}
