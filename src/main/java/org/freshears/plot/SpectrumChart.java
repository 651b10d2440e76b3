package org.freshears.plot;

import java.util.List;
import java.util.Locale;
import org.freshears.measure.Spectrum;
import org.freshears.measure.SpectrumCurve;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Long-term spectra on a log-frequency axis, 1/6-octave smoothed ({@link Spectrum#smoothed}).
 *
 * <p><b>Which series.</b> A chart shows one curve per version of the audio: the power mean of its channels
 * (mean of 10^(dB/10) over the speaker series, NaN counting as no power), not the mid signal. The mean keeps
 * what is in the file whatever its stereo image (a mid mixdown would cancel anti-phase content) and matches
 * how {@link org.freshears.measure.BandEnergy} averages channels; for mono it is the one channel.
 *
 * <p><b>Two versions</b> are drawn in a combined plot sharing the frequency axis: levels above (dBFS), the
 * difference below (dB, second minus first), so a 1 dB cut stays visible next to a 60 dB tall spectrum.
 */
final class SpectrumChart {
    /** 1/6 octave: the smoothing the checklist asks for (fine enough to show a Q 1–2 bell, calm enough to read). */
    static final int SMOOTHING_FRACTION = 6;
    static final String LEVEL_LABEL = "Level (dBFS)";
    static final String DIFFERENCE_LABEL = "Difference (dB)";
    /** The spectrum plot shows at most 80 dB below its top: beyond that a curve is noise floor, not mix. */
    static final double MAX_SPAN_DB = 80;
    /** The difference axis steps in 3 dB (a clearly audible change) up to ±24 dB. */
    static final double DIFFERENCE_STEP_DB = 3;
    static final double DIFFERENCE_MAX_DB = 24;
    private static final int LEVELS_WEIGHT = 5;
    private static final int DIFFERENCE_WEIGHT = 2;
    private static final String SUBTITLE = "1/6-octave smoothing, power mean of the channels";

    private SpectrumChart() {
    }

    static JFreeChart single(String title, Spectrum spectrum, List<ShadedBand> bands) {
        SpectrumCurve curve = spectrum.smoothed(SMOOTHING_FRACTION);
        double[] levels = channelMeanDb(curve);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(SeriesData.of("Level", curve.frequenciesHz(), levels));
        XYLineAndShapeRenderer r = Renderers.lines();
        Renderers.series(r, 0, ChartStyle.BEFORE, ChartStyle.MEDIUM);
        XYPlot plot = new XYPlot(data, new FrequencyAxis(), levelAxis(levels), r);
        ChartStyle.stylePlot(plot);
        plot.setDomainMinorGridlinesVisible(true);
        addBands(plot, bands, true);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(SUBTITLE));
        return ChartStyle.apply(chart);
    }

    /**
     * Two versions, levels above and the difference below. {@code offsetDbB} is added to B's levels before
     * drawing and differencing (a level match); the difference is B (offset) − A.
     */
    static JFreeChart pair(String title, String subtitle, String keyA, Spectrum a, String keyB, Spectrum b,
            double offsetDbB, String differenceKey, List<ShadedBand> bands) {
        SpectrumCurve curveA = a.smoothed(SMOOTHING_FRACTION);
        SpectrumCurve curveB = b.smoothed(SMOOTHING_FRACTION);
        double[] freqA = curveA.frequenciesHz();
        double[] freqB = curveB.frequenciesHz();
        double[] levelsA = channelMeanDb(curveA);
        double[] levelsB = channelMeanDb(curveB);
        for (int i = 0; i < levelsB.length; i++) {
            levelsB[i] += offsetDbB;
        }
        // Both grids are 20 Hz · 2^(i/48): they agree point for point up to the lower Nyquist.
        int common = Math.min(freqA.length, freqB.length);
        double[] freq = java.util.Arrays.copyOf(freqA, common);
        double[] difference = new double[common];
        for (int i = 0; i < common; i++) {
            difference[i] = SeriesData.gapOrValue(levelsB[i] - levelsA[i]);
        }

        XYSeriesCollection levelData = new XYSeriesCollection();
        levelData.addSeries(SeriesData.of(keyA, freqA, levelsA));
        levelData.addSeries(SeriesData.of(keyB, freqB, levelsB));
        XYLineAndShapeRenderer levelRenderer = Renderers.lines();
        Renderers.series(levelRenderer, 0, ChartStyle.BEFORE, ChartStyle.MEDIUM);
        Renderers.series(levelRenderer, 1, ChartStyle.AFTER, ChartStyle.MEDIUM);
        XYPlot levelPlot = new XYPlot(levelData, null, levelAxis(levelsA, levelsB), levelRenderer);

        XYSeriesCollection differenceData = new XYSeriesCollection();
        differenceData.addSeries(SeriesData.of(differenceKey, freq, difference));
        XYLineAndShapeRenderer differenceRenderer = Renderers.lines();
        Renderers.series(differenceRenderer, 0, ChartStyle.DIFFERENCE, ChartStyle.THICK);
        NumberAxis differenceAxis = new NumberAxis(DIFFERENCE_LABEL);
        differenceAxis.setRange(Ranges.symmetric(DIFFERENCE_STEP_DB, DIFFERENCE_MAX_DB, difference));
        differenceAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(
                differenceAxis.getRange().getUpperBound() <= 6 ? 1.5 : DIFFERENCE_STEP_DB * Math.ceil(
                        differenceAxis.getRange().getUpperBound() / 12)));
        XYPlot differencePlot = new XYPlot(differenceData, null, differenceAxis, differenceRenderer);
        differencePlot.addRangeMarker(new ValueMarker(0, java.awt.Color.GRAY, ChartStyle.MEDIUM), Layer.BACKGROUND);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new FrequencyAxis());
        plot.setGap(12);
        plot.add(levelPlot, LEVELS_WEIGHT);
        plot.add(differencePlot, DIFFERENCE_WEIGHT);
        for (XYPlot p : List.of(levelPlot, differencePlot)) {
            ChartStyle.stylePlot(p);
            p.setDomainMinorGridlinesVisible(true);
        }
        ChartStyle.stylePlot(plot);
        addBands(levelPlot, bands, true);
        addBands(differencePlot, bands, false);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(subtitle));
        return ChartStyle.apply(chart);
    }

    static JFreeChart beforeAfter(String title, Spectrum before, Spectrum after, List<ShadedBand> bands) {
        return pair(title, SUBTITLE, "Before", before, "After", after, 0, "After \u2212 Before", bands);
    }

    static JFreeChart compare(String title, String nameA, Spectrum a, String nameB, Spectrum b,
            double gainDbAppliedToB) {
        String gain = String.format(Locale.ROOT, "%+.1f dB", gainDbAppliedToB).replace('-', '\u2212');
        String keyA = nameA;
        String keyB = gainDbAppliedToB == 0 ? nameB : nameB + " (" + gain + ")";
        if (keyA.equals(keyB)) {
            // A version compared with itself: the legend still needs two names.
            keyA = nameA + " (A)";
            keyB = keyB + " (B)";
        }
        String subtitle = SUBTITLE + "; level-matched: " + nameB + " drawn " + gain;
        return pair(title, subtitle, keyA, a, keyB, b, gainDbAppliedToB, nameB + " \u2212 " + nameA, List.of());
    }

    /** Power mean over the speaker series of a smoothed curve (see {@link SpectrumCurve#channelMeanDb()}). */
    static double[] channelMeanDb(SpectrumCurve curve) {
        return curve.channelMeanDb();
    }

    private static NumberAxis levelAxis(double[]... levels) {
        NumberAxis axis = new NumberAxis(LEVEL_LABEL);
        Range range = Ranges.spectrumLevels(MAX_SPAN_DB, levels);
        axis.setRange(range);
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        ChartStyle.styleAxis(axis);
        return axis;
    }

    /** Bands in the given order; label rows are worked out in order of their low edges. */
    private static void addBands(XYPlot plot, List<ShadedBand> bands, boolean labelled) {
        Integer[] order = new Integer[bands.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> bands.get(i).band().lowHz()));
        double decades = Math.log10(FrequencyAxis.HIGH_HZ / FrequencyAxis.LOW_HZ);
        double[] starts = new double[order.length];
        String[] labels = new String[order.length];
        for (int k = 0; k < order.length; k++) {
            ShadedBand b = bands.get(order[k]);
            starts[k] = Math.log10(b.band().lowHz() / FrequencyAxis.LOW_HZ) / decades;
            labels[k] = b.label();
        }
        int[] sortedRows = LabelRows.assign(starts, labels);
        int[] rows = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            rows[order[k]] = sortedRows[k];
        }
        for (int i = 0; i < bands.size(); i++) {
            ShadedBand b = bands.get(i);
            plot.addDomainMarker(Markers.problem(b.band().lowHz(), b.band().highHz(), labelled ? b.label() : null,
                    rows[i]), Layer.BACKGROUND);
        }
    }
}
