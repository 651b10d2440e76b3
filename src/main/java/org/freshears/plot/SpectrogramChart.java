package org.freshears.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.freshears.checklist.Band;
import org.freshears.checklist.ListenNote;
import org.freshears.checklist.Section;
import org.freshears.checklist.TimeSpan;
import org.freshears.measure.Spectrogram;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Align;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Spectrograms as heat maps: time across, log frequency up, level as colour ({@link MagmaScale}) with a
 * dBFS colour bar at the right. The grid is painted into an image the size of the grid (at most
 * {@value #MAX_IMAGE_COLUMNS} columns wide) and drawn as the plot's background, scaled to the data area: a
 * block per cell would make a chart of 250 000 shapes (megabytes of SVG); the image is one element.
 * Sections and notes are marked as on the loudness chart, in light lines that read on the dark map.
 */
final class SpectrogramChart {
    static final String LEVEL_LABEL = "Level (dBFS)";
    /** The colour scale spans this far below the loudest cell's round 10 dB: a 16-bit master's whole range. */
    static final double RANGE_DB = 90;
    /** Wider than any chart's data area, so the image is never upscaled across time by much. */
    static final int MAX_IMAGE_COLUMNS = 1200;
    /** Marks over the map: white, translucent enough to see the map through, strong enough on black. */
    private static final Color MARK = new Color(255, 255, 255, 0xD0);
    /** The problem area's box: Okabe–Ito sky blue, which magma (purples, oranges, yellows) never uses. */
    private static final Color PROBLEM = new Color(0x56, 0xB4, 0xE9);
    private static final Color GRID = new Color(255, 255, 255, 0x38);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 0xE8);
    private static final BasicStroke PROBLEM_STROKE = new BasicStroke(2.4f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {9f, 5f}, 0f);

    private SpectrogramChart() {
    }

    /** The whole audio: sections and timed notes marked. */
    static JFreeChart whole(String title, Spectrogram s, List<Section> sections, List<ListenNote> notes) {
        MagmaScale scale = scaleFor(List.of(s));
        NumberAxis time = TimeAxis.create(s.startSeconds(), s.columnStartSeconds(s.columns()));
        XYPlot plot = panel(s, scale, time, FrequencyAxis.LABEL);
        markSectionsAndNotes(plot, sections, notes, time.getUpperBound());
        return chart(title, plot, scale, s);
    }

    /**
     * One or more versions (the mix, the master) of a problem's surroundings, stacked on one time axis and one
     * colour scale, the problem's span and band drawn as a box.
     */
    static JFreeChart problem(String title, List<String> names, List<Spectrogram> versions, String problemName,
            TimeSpan span, Band band) {
        if (versions.isEmpty() || names.size() != versions.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + versions.size() + " spectrograms");
        }
        MagmaScale scale = scaleFor(versions);
        Spectrogram first = versions.get(0);
        NumberAxis time = TimeAxis.create(first.startSeconds(), first.columnStartSeconds(first.columns()));
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(14);
        for (int i = 0; i < versions.size(); i++) {
            XYPlot plot = panel(versions.get(i), scale, null, names.get(i) + ": frequency (Hz)");
            XYShapeAnnotation box = new XYShapeAnnotation(new Rectangle2D.Double(span.fromSeconds(), band.lowHz(),
                    span.durationSeconds(), band.highHz() - band.lowHz()), PROBLEM_STROKE, PROBLEM);
            plot.addAnnotation(box);
            if (i == 0) {
                XYTextAnnotation label = new XYTextAnnotation(" " + problemName + ": " + band + ", "
                        + Markers.clock(span.fromSeconds()) + "\u2013" + Markers.clock(span.toSeconds()) + " ",
                        span.fromSeconds(), band.highHz());
                label.setFont(ChartStyle.MARKER_FONT);
                label.setPaint(ChartStyle.MARKER_TEXT);
                label.setBackgroundPaint(LABEL_BACKGROUND);
                label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
                plot.addAnnotation(label);
            }
            combined.add(plot, 1);
        }
        ChartStyle.styleAxis(time);
        combined.setOutlinePaint(null);
        return chart(title, combined, scale, first);
    }

    private static XYPlot panel(Spectrogram s, MagmaScale scale, ValueAxis time, String frequencyLabel) {
        FrequencyAxis frequency = new FrequencyAxis(s.rowLowHz(0), s.rowHighHz(s.rows() - 1));
        frequency.setLabel(frequencyLabel);
        // No data is drawn (the map is the background), but XYPlot draws markers only for a dataset's renderer.
        XYPlot plot = new XYPlot(new XYSeriesCollection(), time, frequency, Renderers.lines());
        ChartStyle.stylePlot(plot);
        plot.setBackgroundPaint(Color.BLACK);
        plot.setBackgroundImage(image(s, scale));
        plot.setBackgroundImageAlignment(Align.FIT);
        plot.setBackgroundImageAlpha(1f);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeMinorGridlinesVisible(false);
        plot.setDomainMinorGridlinesVisible(false);
        plot.setOutlinePaint(Color.GRAY);
        return plot;
    }

    private static JFreeChart chart(String title, XYPlot plot, MagmaScale scale, Spectrogram s) {
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "Short-time spectrum: Hann %d points (%.0f ms), "
                + "1/%d-octave rows, power mean of the channels, a column every %s; a full-scale sine reads 0 dBFS",
                s.fftSize(), 1000.0 * s.fftSize() / s.sampleRate(), rowsPerOctave(s), duration(s.hopSeconds()))));
        chart.addSubtitle(legend(scale));
        ChartStyle.apply(chart);
        // Each cell is drawn as the block it is, with no colours invented between them: crisper to read, and a
        // PNG a quarter the size of a smoothed one (repeated rows compress to almost nothing).
        chart.getRenderingHints().put(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        return chart;
    }

    private static PaintScaleLegend legend(MagmaScale scale) {
        NumberAxis axis = new NumberAxis(LEVEL_LABEL);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        axis.setTickUnit(new NumberTickUnit(10));
        ChartStyle.styleAxis(axis);
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(16);
        legend.setSubdivisionCount(180);
        legend.setStripOutlineVisible(true);
        legend.setStripOutlinePaint(Color.GRAY);
        legend.setAxisOffset(4);
        legend.setMargin(new RectangleInsets(40, 12, 64, 0));
        legend.setBackgroundPaint(ChartStyle.BACKGROUND);
        return legend;
    }

    /** A common scale for maps drawn side by side: the loudest cell's 10 dB above, {@value #RANGE_DB} dB below. */
    static MagmaScale scaleFor(List<Spectrogram> maps) {
        double max = Double.NEGATIVE_INFINITY;
        for (Spectrogram s : maps) {
            max = Math.max(max, s.maxLevelDb());
        }
        double top = Double.isFinite(max) ? Math.ceil(max / 10) * 10 : 0;
        return new MagmaScale(top - RANGE_DB, top);
    }

    /**
     * The grid as an image, lowest row at the bottom. Where there are more columns than image pixels, each
     * pixel is the power mean of its columns, so a short loud event is not dropped by the scaling.
     */
    static BufferedImage image(Spectrogram s, MagmaScale scale) {
        int width = Math.min(s.columns(), MAX_IMAGE_COLUMNS);
        int rows = s.rows();
        BufferedImage image = new BufferedImage(width, rows, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            int from = (int) ((long) x * s.columns() / width);
            int to = (int) ((long) (x + 1) * s.columns() / width);
            for (int r = 0; r < rows; r++) {
                double power = 0;
                for (int c = from; c < to; c++) {
                    power += Math.pow(10, s.levelDb(c, r) / 10.0);
                }
                double db = power > 0 ? 10 * Math.log10(power / (to - from)) : Double.NEGATIVE_INFINITY;
                image.setRGB(x, rows - 1 - r, scale.rgb(db));
            }
        }
        return image;
    }

    private static void markSectionsAndNotes(XYPlot plot, List<Section> sections, List<ListenNote> notes, double end) {
        List<Section> ordered = new ArrayList<>(sections);
        ordered.sort(Comparator.comparingDouble(s -> s.span().fromSeconds()));
        int[] sectionRows = LabelRows.assign(ordered.stream().mapToDouble(s -> s.span().fromSeconds() / end).toArray(),
                ordered.stream().map(Section::name).toArray(String[]::new));
        for (int i = 0; i < ordered.size(); i++) {
            Section s = ordered.get(i);
            IntervalMarker m = Markers.section(s.span().fromSeconds(), s.span().toSeconds(), s.name(), i,
                    sectionRows[i]);
            m.setPaint(new Color(0, 0, 0, 0)); // outline only: a tint would change the colours that carry the level
            m.setOutlinePaint(MARK);
            readable(m);
            plot.addDomainMarker(m, Layer.FOREGROUND);
        }
        List<ListenNote> timed = new ArrayList<>(notes.stream().filter(n -> !n.isPass()).toList());
        timed.sort(Comparator.comparingDouble(n -> n.at().fromSeconds()));
        String[] labels = timed.stream().map(n -> Markers.shorten(n.text())).toArray(String[]::new);
        int[] noteRows = LabelRows.assign(timed.stream().mapToDouble(n -> n.at().fromSeconds() / end).toArray(), labels);
        for (int i = 0; i < timed.size(); i++) {
            ValueMarker m = Markers.note(timed.get(i).at().fromSeconds(), labels[i], noteRows[i]);
            m.setPaint(MARK);
            readable(m);
            plot.addDomainMarker(m, Layer.FOREGROUND);
        }
    }

    /** Marks drawn whole (not at the default 80 % alpha) with labels on near-white: legible on any colour. */
    private static void readable(Marker m) {
        m.setAlpha(1f);
        m.setLabelBackgroundColor(LABEL_BACKGROUND);
    }

    private static int rowsPerOctave(Spectrogram s) {
        return (int) Math.round(1 / (Math.log(s.rowHighHz(0) / s.rowLowHz(0)) / Math.log(2)));
    }

    private static String duration(double seconds) {
        return seconds < 1 ? String.format(Locale.ROOT, "%.0f ms", seconds * 1000)
                : String.format(Locale.ROOT, "%.2f s", seconds);
    }

}
