package org.freshears.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.freshears.checklist.ListenNote;
import org.freshears.checklist.Section;
import org.freshears.measure.LoudnessReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Loudness over time (EBU R 128 momentary and short-term, every 100 ms) for one or two versions, with their
 * integrated loudness and the target as horizontal lines, the song's sections shaded and listening notes
 * marked.
 *
 * <p>Each history value is drawn at the end of its window ({@link LoudnessReport#windowEndSeconds}), where a
 * meter would show it. Windows that do not exist (the first 0.3 s momentary, 2.9 s short-term) and windows of
 * digital silence (−Infinity) are gaps. Momentary lines are thin and faint, short-term lines thick, both in
 * the version's colour.
 */
final class LoudnessChart {
    static final String LOUDNESS_LABEL = "Loudness (LUFS)";
    /** The axis shows this far below the lowest reference line (integrated or target): 30 LU covers any pop or
     * rock song's quiet passages; lower momentary dips are cut off instead of squashing the range of interest. */
    static final double BELOW_REFERENCE_LU = 30;

    private LoudnessChart() {
    }

    /** One version shown: keys "Momentary" / "Short-term". */
    static JFreeChart single(String title, LoudnessReport report, double targetLufs, List<Section> sections,
            List<ListenNote> notes, List<MarkedSpan> marks) {
        return build(title, List.of(new Version("", "Integrated", report, ChartStyle.BEFORE)), targetLufs, sections,
                notes, marks);
    }

    /** Two versions: keys "Before momentary", "After momentary", "Before short-term", "After short-term". */
    static JFreeChart beforeAfter(String title, LoudnessReport before, LoudnessReport after, double targetLufs,
            List<Section> sections, List<ListenNote> notes) {
        return build(title, List.of(new Version("Before ", "Before integrated", before, ChartStyle.BEFORE),
                new Version("After ", "After integrated", after, ChartStyle.AFTER)), targetLufs, sections, notes,
                List.of());
    }

    /**
     * A version and a reference overlaid, the reference moved by {@code gainDbB} (the level-matching gain, or 0):
     * keys "NAME momentary", "NAME short-term", "Reference momentary", "Reference short-term". Both start at 0 s.
     */
    static JFreeChart againstReference(String title, String nameA, LoudnessReport a, LoudnessReport reference,
            double gainDbB) {
        return build(title, List.of(new Version(nameA + " ", nameA + " integrated", a, ChartStyle.BEFORE),
                new Version("Reference ", "Reference integrated", moved(reference, gainDbB), ChartStyle.AFTER)), Double.NaN,
                List.of(), List.of(), List.of());
    }

    /** Every loudness figure moved by a gain: the loudness the version would have played that much louder. */
    private static LoudnessReport moved(LoudnessReport r, double gainDb) {
        double[] momentary = r.momentaryLufs();
        double[] shortTerm = r.shortTermLufs();
        for (int i = 0; i < momentary.length; i++) {
            momentary[i] += gainDb;
            shortTerm[i] += gainDb;
        }
        return new LoudnessReport(r.integratedLufs() + gainDb, r.loudnessRangeLu(), r.maxMomentaryLufs() + gainDb,
                r.maxShortTermLufs() + gainDb, momentary, shortTerm, r.absoluteGateLufs(), r.relativeGateLufs() + gainDb,
                r.lraRelativeGateLufs() + gainDb, r.lraLowLufs() + gainDb, r.lraHighLufs() + gainDb);
    }

    private record Version(String prefix, String integratedLabel, LoudnessReport report, Color colour) {
        String key(String kind) {
            return prefix.isEmpty() ? Character.toUpperCase(kind.charAt(0)) + kind.substring(1) : prefix + kind;
        }
    }

    private static JFreeChart build(String title, List<Version> versions, double targetLufs, List<Section> sections,
            List<ListenNote> notes, List<MarkedSpan> marks) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = Renderers.lines();
        List<double[]> allValues = new ArrayList<>();
        double duration = 0;
        // Momentary first, so the short-term lines are drawn over them.
        for (String kind : List.of("momentary", "short-term")) {
            for (Version v : versions) {
                double[] values = kind.equals("momentary") ? v.report.momentaryLufs() : v.report.shortTermLufs();
                double[] times = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    times[i] = LoudnessReport.windowEndSeconds(i);
                }
                duration = Math.max(duration, values.length == 0 ? 0 : times[values.length - 1]);
                allValues.add(values);
                int index = data.getSeriesCount();
                data.addSeries(SeriesData.of(v.key(kind), times, values));
                boolean momentary = kind.equals("momentary");
                Renderers.series(r, index, momentary ? ChartStyle.faint(v.colour) : v.colour,
                        momentary ? ChartStyle.THIN : ChartStyle.THICK);
            }
        }

        List<Double> references = new ArrayList<>();
        for (Version v : versions) {
            if (Double.isFinite(v.report.integratedLufs())) {
                references.add(v.report.integratedLufs());
            }
        }
        if (Double.isFinite(targetLufs)) {
            references.add(targetLufs);
        }
        XYPlot plot = new XYPlot(data, TimeAxis.create(duration), loudnessAxis(allValues, references), r);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        ChartStyle.stylePlot(plot);

        Markers.Side[] sides = {Markers.Side.LEFT, Markers.Side.CENTRE};
        for (int i = 0; i < versions.size(); i++) {
            Version v = versions.get(i);
            double integrated = v.report.integratedLufs();
            if (Double.isFinite(integrated)) {
                plot.addRangeMarker(Markers.level(integrated, v.integratedLabel + " " + Markers.db(integrated)
                        + " LUFS", v.colour, ChartStyle.DASHED, sides[i]), Layer.FOREGROUND);
            }
        }
        if (Double.isFinite(targetLufs)) {
            plot.addRangeMarker(Markers.level(targetLufs, "Target " + Markers.db(targetLufs) + " LUFS",
                    ChartStyle.TARGET, ChartStyle.MEDIUM, Markers.Side.RIGHT), Layer.FOREGROUND);
        }
        double end = plot.getDomainAxis().getUpperBound();
        List<Section> ordered = new ArrayList<>(sections);
        ordered.sort(Comparator.comparingDouble(s -> s.span().fromSeconds()));
        double[] sectionStarts = ordered.stream().mapToDouble(s -> s.span().fromSeconds() / end).toArray();
        int[] sectionRows = LabelRows.assign(sectionStarts, ordered.stream().map(Section::name).toArray(String[]::new));
        for (int i = 0; i < ordered.size(); i++) {
            Section s = ordered.get(i);
            plot.addDomainMarker(Markers.section(s.span().fromSeconds(), s.span().toSeconds(), s.name(), i,
                    sectionRows[i]), Layer.BACKGROUND);
        }
        // Marked spans (what fresh ears found) shaded like problem spans, their labels below the sections'.
        int firstMarkRow = Arrays.stream(sectionRows).max().orElse(-1) + 1;
        List<MarkedSpan> orderedMarks = new ArrayList<>(marks);
        orderedMarks.sort(Comparator.comparingDouble(m -> m.span().fromSeconds()));
        int[] markRows = LabelRows.assign(orderedMarks.stream().mapToDouble(m -> m.span().fromSeconds() / end)
                .toArray(), orderedMarks.stream().map(MarkedSpan::label).toArray(String[]::new));
        for (int i = 0; i < orderedMarks.size(); i++) {
            MarkedSpan m = orderedMarks.get(i);
            plot.addDomainMarker(Markers.problem(m.span().fromSeconds(), m.span().toSeconds(), m.label(),
                    firstMarkRow + markRows[i]), Layer.BACKGROUND);
        }
        List<ListenNote> timed = new ArrayList<>(notes.stream().filter(n -> !n.isPass()).toList());
        timed.sort(Comparator.comparingDouble(n -> n.at().fromSeconds()));
        String[] noteLabels = timed.stream().map(n -> Markers.shorten(n.text())).toArray(String[]::new);
        int[] noteRows = LabelRows.assign(timed.stream().mapToDouble(n -> n.at().fromSeconds() / end).toArray(),
                noteLabels);
        for (int i = 0; i < timed.size(); i++) {
            plot.addDomainMarker(Markers.note(timed.get(i).at().fromSeconds(), noteLabels[i], noteRows[i]),
                    Layer.FOREGROUND);
        }

        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("EBU R 128 momentary (400 ms, thin) and short-term (3 s, thick), every 100 ms"));
        return ChartStyle.apply(chart);
    }

    private static NumberAxis loudnessAxis(List<double[]> values, List<Double> references) {
        double[] mm = Ranges.finiteMinMax(values.toArray(new double[0][]));
        double[] refs = references.stream().mapToDouble(Double::doubleValue).toArray();
        double[] refRange = Ranges.finiteMinMax(refs);
        double top;
        double bottom;
        if (mm == null && refRange == null) {
            top = 0;
            bottom = -60;
        } else {
            double max = Math.max(mm == null ? Double.NEGATIVE_INFINITY : mm[1],
                    refRange == null ? Double.NEGATIVE_INFINITY : refRange[1]);
            double min = Math.min(mm == null ? Double.POSITIVE_INFINITY : mm[0],
                    refRange == null ? Double.POSITIVE_INFINITY : refRange[0]);
            top = Ranges.ceilTo(max + 2, 5);
            double floor = refRange != null ? refRange[0] - BELOW_REFERENCE_LU : top - 2 * BELOW_REFERENCE_LU;
            bottom = Ranges.floorTo(Math.max(min - 2, floor), 5);
            bottom = Math.min(bottom, top - 20);
        }
        NumberAxis axis = new NumberAxis(LOUDNESS_LABEL);
        axis.setRange(bottom, top);
        axis.setTickUnit(new NumberTickUnit(top - bottom > 40 ? 10 : 5));
        ChartStyle.styleAxis(axis);
        return axis;
    }
}
