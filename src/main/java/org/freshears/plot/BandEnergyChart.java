package org.freshears.plot;

import java.util.List;
import org.freshears.checklist.Band;
import org.freshears.checklist.TimeSpan;
import org.freshears.measure.BandEnergyTrack;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A problem band's energy over time, before and after a step, the problem span shaded.
 *
 * <p>The upper plot, the one the checklist judges, shows the band's level <em>relative</em> to the whole
 * spectrum of the same frame ({@link BandEnergyTrack#relativeDb}): it answers "is this band too much of the
 * mix here?" and does not move when a later step only turns everything up. The lower, smaller plot shows the
 * band's absolute level (dBFS, {@link BandEnergyTrack#bandDb}), so a reader can tell a cut in the band from a
 * rise elsewhere. Silent frames (NaN) are gaps.
 *
 * <p>Given each version's integrated loudness, the upper plot shows instead the band against it (band dBFS
 * minus LUFS), the level-matched measure the checklist judges problem areas on: how loud the band sounds
 * with both versions played at the same loudness.
 */
final class BandEnergyChart {
    static final String RELATIVE_LABEL = "Relative level (dB)";
    static final String MATCHED_LABEL = "Against loudness (dB)";
    static final String ABSOLUTE_LABEL = "Band level (dBFS)";
    static final String PROBLEM_LABEL = "problem span";
    /** At least this many dB on each axis: small frame-to-frame wobble must not look like a cliff. */
    static final double MIN_AXIS_SPAN_DB = 6;
    /** The absolute plot shows at most 40 dB below its top. */
    static final double ABSOLUTE_SPAN_DB = 40;
    private static final int RELATIVE_WEIGHT = 2;
    private static final int ABSOLUTE_WEIGHT = 1;

    private BandEnergyChart() {
    }

    static JFreeChart build(String title, BandEnergyTrack before, BandEnergyTrack after, TimeSpan problemSpan) {
        return build(title, before, before.relativeDb(), after, after.relativeDb(), problemSpan, RELATIVE_LABEL,
                "relative to the whole spectrum");
    }

    static JFreeChart levelMatched(String title, BandEnergyTrack before, double beforeLufs, BandEnergyTrack after,
            double afterLufs, TimeSpan problemSpan) {
        return build(title, before, minus(before.bandDb(), beforeLufs), after, minus(after.bandDb(), afterLufs),
                problemSpan, MATCHED_LABEL, "against each version's integrated loudness");
    }

    private static double[] minus(double[] db, double lufs) {
        double[] out = new double[db.length];
        for (int i = 0; i < db.length; i++) {
            out[i] = db[i] - lufs;
        }
        return out;
    }

    private static JFreeChart build(String title, BandEnergyTrack before, double[] beforeUpper, BandEnergyTrack after,
            double[] afterUpper, TimeSpan problemSpan, String upperLabel, String upperMeaning) {
        XYSeriesCollection relative = new XYSeriesCollection();
        relative.addSeries(SeriesData.of("Before", before.timesSeconds(), beforeUpper));
        relative.addSeries(SeriesData.of("After", after.timesSeconds(), afterUpper));
        XYSeriesCollection absolute = new XYSeriesCollection();
        absolute.addSeries(SeriesData.of("Before band level", before.timesSeconds(), before.bandDb()));
        absolute.addSeries(SeriesData.of("After band level", after.timesSeconds(), after.bandDb()));

        XYPlot relativePlot = new XYPlot(relative, null, axis(upperLabel), renderer(true));
        NumberAxis absoluteAxis = axis(ABSOLUTE_LABEL);
        double[] mm = Ranges.finiteMinMax(before.bandDb(), after.bandDb());
        if (mm != null) {
            // Fades and silent tails fall to −100 dBFS and below; the song's body is what is judged.
            double top = Ranges.ceilTo(mm[1] + 3, 5);
            absoluteAxis.setRange(Math.max(Ranges.floorTo(mm[0] - 3, 5), top - ABSOLUTE_SPAN_DB), top);
        }
        XYPlot absolutePlot = new XYPlot(absolute, null, absoluteAxis, renderer(false));
        double end = Math.max(lastTime(before), lastTime(after));
        if (problemSpan != null) {
            end = Math.max(end, problemSpan.toSeconds());
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(TimeAxis.create(end));
        plot.setGap(12);
        plot.add(relativePlot, RELATIVE_WEIGHT);
        plot.add(absolutePlot, ABSOLUTE_WEIGHT);
        for (XYPlot p : List.of(relativePlot, absolutePlot)) {
            ChartStyle.stylePlot(p);
            if (problemSpan != null) {
                p.addDomainMarker(Markers.problem(problemSpan.fromSeconds(), problemSpan.toSeconds(),
                        p == relativePlot ? PROBLEM_LABEL : null, 0), Layer.BACKGROUND);
            }
        }
        ChartStyle.stylePlot(plot);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("Band " + new Band(before.lowHz(), before.highHz())
                + (problemSpan == null ? "" : ", problem span " + Markers.clock(problemSpan.fromSeconds()) + "–"
                        + Markers.clock(problemSpan.toSeconds()) + " shaded")
                + "; above: " + upperMeaning + ", below: absolute level"));
        return ChartStyle.apply(chart);
    }

    private static double lastTime(BandEnergyTrack t) {
        return t.points() == 0 ? 0 : t.timeSeconds(t.points() - 1) + t.hopSeconds() / 2;
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setAutoRangeMinimumSize(MIN_AXIS_SPAN_DB);
        ChartStyle.styleAxis(axis);
        return axis;
    }

    private static XYLineAndShapeRenderer renderer(boolean inLegend) {
        XYLineAndShapeRenderer r = Renderers.lines();
        Renderers.series(r, 0, ChartStyle.BEFORE, inLegend ? ChartStyle.MEDIUM : ChartStyle.THIN);
        Renderers.series(r, 1, ChartStyle.AFTER, inLegend ? ChartStyle.MEDIUM : ChartStyle.THIN);
        // One legend for both plots: the lower plot uses the same colours.
        r.setSeriesVisibleInLegend(0, inLegend);
        r.setSeriesVisibleInLegend(1, inLegend);
        return r;
    }
}
