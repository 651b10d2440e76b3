package org.freshears.plot;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The gain a dynamics step applied over time (a gain-reduction trace): one value per hop, drawn at the
 * hop's centre as an area filled to 0 dB. Reduction is negative and hangs down from the zero line; a lift
 * (dynamic EQ) rises above it.
 */
final class GainReductionChart {
    static final String GAIN_LABEL = "Gain reduction (dB)";
    static final String SERIES_KEY = "Gain reduction";

    private GainReductionChart() {
    }

    static JFreeChart build(String title, double[] gainDb, double hopSeconds) {
        if (!(hopSeconds > 0)) {
            throw new IllegalArgumentException("hopSeconds must be > 0, got " + hopSeconds);
        }
        double[] times = new double[gainDb.length];
        for (int h = 0; h < gainDb.length; h++) {
            times[h] = (h + 0.5) * hopSeconds;
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(SeriesData.of(SERIES_KEY, times, gainDb));

        XYAreaRenderer r = new XYAreaRenderer(XYAreaRenderer.AREA);
        r.setSeriesPaint(0, new Color(ChartStyle.GAIN.getRed(), ChartStyle.GAIN.getGreen(), ChartStyle.GAIN.getBlue(),
                0x90));
        r.setOutline(true);
        r.setSeriesOutlinePaint(0, ChartStyle.GAIN);
        r.setSeriesOutlineStroke(0, ChartStyle.THIN);

        double[] mm = Ranges.finiteMinMax(gainDb);
        double deepest = mm == null ? 0 : Math.min(0, mm[0]);
        double highest = mm == null ? 0 : Math.max(0, mm[1]);
        NumberAxis axis = gainAxis(mm);

        XYPlot plot = new XYPlot(data, TimeAxis.create(times.length == 0 ? 0 : gainDb.length * hopSeconds), axis, r);
        ChartStyle.stylePlot(plot);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, ChartStyle.MEDIUM), Layer.BACKGROUND);

        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        String summary = String.format(Locale.ROOT, "Deepest %s dB%s; one value per %.0f ms hop (its most extreme)",
                Markers.db(deepest), highest > 0 ? String.format(Locale.ROOT, ", highest lift +%.1f dB", highest) : "",
                hopSeconds * 1000);
        chart.addSubtitle(new TextTitle(summary));
        return ChartStyle.apply(chart);
    }

    /**
     * The gain of each band of a multiband compressor over time, one line per band (lowest band blue, then
     * green, vermilion, purple) on one axis, so it shows which band worked when.
     */
    static JFreeChart byBand(String title, List<String> bandNames, List<double[]> gainDb, double hopSeconds) {
        if (!(hopSeconds > 0)) {
            throw new IllegalArgumentException("hopSeconds must be > 0, got " + hopSeconds);
        }
        if (bandNames.size() != gainDb.size() || bandNames.size() > BAND_COLOURS.length) {
            throw new IllegalArgumentException(bandNames.size() + " band names for " + gainDb.size()
                    + " traces (at most " + BAND_COLOURS.length + " bands)");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = Renderers.lines();
        int hops = 0;
        StringBuilder deepest = new StringBuilder("Deepest: ");
        for (int b = 0; b < gainDb.size(); b++) {
            double[] values = gainDb.get(b);
            double[] times = new double[values.length];
            for (int h = 0; h < values.length; h++) {
                times[h] = (h + 0.5) * hopSeconds;
            }
            hops = Math.max(hops, values.length);
            data.addSeries(SeriesData.of(bandNames.get(b), times, values));
            Renderers.series(r, b, BAND_COLOURS[b], ChartStyle.MEDIUM);
            double[] mm = Ranges.finiteMinMax(values);
            deepest.append(b == 0 ? "" : ", ").append(bandNames.get(b)).append(' ')
                    .append(Markers.db(mm == null ? 0 : Math.min(0, mm[0]))).append(" dB");
        }
        double[] mm = Ranges.finiteMinMax(gainDb.toArray(new double[0][]));
        XYPlot plot = new XYPlot(data, TimeAxis.create(hops * hopSeconds), gainAxis(mm), r);
        ChartStyle.stylePlot(plot);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, ChartStyle.MEDIUM), Layer.BACKGROUND);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(deepest + String.format(Locale.ROOT,
                "; one value per %.0f ms hop (its most extreme)", hopSeconds * 1000)));
        return ChartStyle.apply(chart);
    }

    /** Okabe–Ito colours in spectral order for up to four bands, low to high. */
    private static final Color[] BAND_COLOURS = {ChartStyle.BEFORE, ChartStyle.DIFFERENCE, ChartStyle.AFTER,
        ChartStyle.TARGET};

    /** Whole dB below (at least 1 dB, so a light touch is not blown up to full height); a little air above 0. */
    private static NumberAxis gainAxis(double[] minMax) {
        double deepest = minMax == null ? 0 : Math.min(0, minMax[0]);
        double highest = minMax == null ? 0 : Math.max(0, minMax[1]);
        NumberAxis axis = new NumberAxis(GAIN_LABEL);
        double lower = -Math.max(1, Math.ceil(-deepest * 1.15));
        double upper = highest > 0 ? Math.ceil(highest * 1.15) : Math.max(0.25, -lower * 0.08);
        axis.setRange(lower, upper);
        axis.setTickUnit(new NumberTickUnit(niceStep((upper - lower) / 10)));
        ChartStyle.styleAxis(axis);
        return axis;
    }

    /** The smallest of 0.25, 0.5, 1, 2, 3, 6, 12 dB at least {@code minStepDb}: steps in plain, countable dB. */
    static double niceStep(double minStepDb) {
        for (double step : new double[] {0.25, 0.5, 1, 2, 3, 6, 12}) {
            if (step >= minStepDb) {
                return step;
            }
        }
        return 24;
    }
}
