package org.freshears.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.freshears.audio.AudioBuffer;
import org.freshears.chain.Bell;
import org.freshears.chain.Compressor;
import org.freshears.chain.GainReductionSource;
import org.freshears.chain.GainReductionTrace;
import org.freshears.chain.Processor;
import org.freshears.chain.Renderer;
import org.freshears.checklist.Band;
import org.freshears.checklist.ListenNote;
import org.freshears.checklist.Section;
import org.freshears.checklist.TimeSpan;
import org.freshears.measure.BandEnergy;
import org.freshears.measure.BandEnergyTrack;
import org.freshears.measure.LoudnessMeter;
import org.freshears.measure.LoudnessReport;
import org.freshears.measure.Spectrum;
import org.freshears.measure.SpectrumAnalyzer;
import org.freshears.measure.SpectrumCurve;
import org.freshears.testing.Signals;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts are checked through their datasets, axes and markers (what they draw), built from real measurements
 * of generated audio: 1 s of digital silence, then 6 s of stereo pink noise ("before"), and the same through a
 * Bell(1 kHz, −4 dB, Q 1) ("after").
 */
class ChartsTest {
    static final int RATE = 48_000;
    static final double BELL_GAIN_DB = -4;
    static final double BELL_HZ = 1_000;

    static AudioBuffer before;
    static AudioBuffer after;
    static Spectrum spectrumBefore;
    static Spectrum spectrumAfter;
    static LoudnessReport loudnessBefore;
    static LoudnessReport loudnessAfter;

    @BeforeAll
    static void measure() {
        before = Signals.concat(Signals.silence(2, RATE, 1.0), Signals.pinkNoise(2, RATE, 6 * RATE, 0.11, 7));
        after = before.copy();
        new Renderer().render(List.of(new Bell(BELL_HZ, BELL_GAIN_DB, 1.0)), after);
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer();
        spectrumBefore = analyzer.analyze(before);
        spectrumAfter = analyzer.analyze(after);
        loudnessBefore = LoudnessMeter.measure(before);
        loudnessAfter = LoudnessMeter.measure(after);
    }

    /** Power mean of the L and R series of the 1/6-octave curve, at grid point i: what the charts should draw. */
    static double channelMean(SpectrumCurve c, int i) {
        double l = Math.pow(10, c.levelDb(c.seriesIndex("FRONT_LEFT"), i) / 10);
        double r = Math.pow(10, c.levelDb(c.seriesIndex("FRONT_RIGHT"), i) / 10);
        return 10 * Math.log10((l + r) / 2);
    }

    static int nearestPoint(SpectrumCurve c, double hz) {
        int best = 0;
        for (int i = 0; i < c.points(); i++) {
            if (Math.abs(Math.log(c.frequencyHz(i) / hz)) < Math.abs(Math.log(c.frequencyHz(best) / hz))) {
                best = i;
            }
        }
        return best;
    }

    static List<String> keys(XYDataset data) {
        List<String> keys = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            keys.add(data.getSeriesKey(s).toString());
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    static List<Marker> markers(XYPlot plot, boolean domain) {
        List<Marker> all = new ArrayList<>();
        for (Layer layer : List.of(Layer.BACKGROUND, Layer.FOREGROUND)) {
            Collection<Marker> some = domain ? plot.getDomainMarkers(layer) : plot.getRangeMarkers(layer);
            if (some != null) {
                all.addAll(some);
            }
        }
        return all;
    }

    static List<XYPlot> subplots(JFreeChart chart) {
        @SuppressWarnings("unchecked")
        List<XYPlot> plots = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
        return plots;
    }

    @Test
    void spectrumBeforeAfterDrawsBothCurvesAndTheirDifferenceOnA20HzTo20kHzLogAxis() {
        List<ShadedBand> bands = List.of(new ShadedBand("boxy", new Band(800, 1_250)),
                new ShadedBand("harsh", new Band(5_000, 9_000)));
        JFreeChart chart = Charts.spectrumBeforeAfter("step", spectrumBefore, spectrumAfter, bands);
        CombinedDomainXYPlot plot = assertInstanceOf(CombinedDomainXYPlot.class, chart.getPlot());
        LogAxis frequency = assertInstanceOf(LogAxis.class, plot.getDomainAxis());
        assertEquals("Frequency (Hz)", frequency.getLabel());
        assertEquals(20, frequency.getLowerBound(), 0);
        assertEquals(20_000, frequency.getUpperBound(), 0);

        List<XYPlot> plots = subplots(chart);
        assertEquals(2, plots.size());
        XYPlot levels = plots.get(0);
        XYPlot difference = plots.get(1);
        assertEquals(List.of("Before", "After"), keys(levels.getDataset()));
        assertEquals(List.of("After \u2212 Before"), keys(difference.getDataset()));
        assertEquals("Level (dBFS)", levels.getRangeAxis().getLabel());
        assertEquals("Difference (dB)", difference.getRangeAxis().getLabel());

        SpectrumCurve b = spectrumBefore.smoothed(6);
        SpectrumCurve a = spectrumAfter.smoothed(6);
        assertEquals(b.points(), levels.getDataset().getItemCount(0));
        int k = nearestPoint(b, BELL_HZ);
        assertEquals(b.frequencyHz(k), levels.getDataset().getXValue(0, k), 0);
        assertEquals(channelMean(b, k), levels.getDataset().getYValue(0, k), 1e-9);
        assertEquals(channelMean(a, k), levels.getDataset().getYValue(1, k), 1e-9);
        double diff = difference.getDataset().getYValue(0, k);
        assertEquals(channelMean(a, k) - channelMean(b, k), diff, 1e-9);
        // The bell's −4 dB at its centre, averaged over ±1/12 octave where a Q 1 bell is still within 0.2 dB of it.
        assertEquals(BELL_GAIN_DB, diff, 0.3, "difference at 1 kHz");
        // Far from the bell, nothing changed.
        assertEquals(0, difference.getDataset().getYValue(0, nearestPoint(b, 100)), 0.1);
        assertTrue(difference.getRangeAxis().getLowerBound() <= diff, "difference axis holds the cut");

        for (XYPlot p : plots) {
            List<Marker> shaded = markers(p, true);
            assertEquals(2, shaded.size());
            for (int i = 0; i < 2; i++) {
                IntervalMarker m = (IntervalMarker) shaded.get(i);
                assertEquals(bands.get(i).band().lowHz(), m.getStartValue(), 0);
                assertEquals(bands.get(i).band().highHz(), m.getEndValue(), 0);
                assertEquals(p == levels ? bands.get(i).label() : null, m.getLabel());
            }
        }
    }

    @Test
    void frequencyTicksReadLikeAnAnalyser() {
        FrequencyAxis axis = new FrequencyAxis();
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        @SuppressWarnings("unchecked")
        List<NumberTick> ticks = axis.refreshTicks(g, new AxisState(), new java.awt.Rectangle(0, 0, 1000, 400),
                RectangleEdge.BOTTOM);
        g.dispose();
        List<String> major = ticks.stream().filter(t -> t.getTickType() == TickType.MAJOR).map(NumberTick::getText)
                .toList();
        assertEquals(List.of("20", "50", "100", "200", "500", "1k", "2k", "5k", "10k", "20k"), major);
        assertTrue(ticks.stream().anyMatch(t -> t.getTickType() == TickType.MINOR && t.getValue() == 300));
    }

    @Test
    void singleSpectrumAndLevelMatchedComparison() {
        JFreeChart single = Charts.spectrum("mix", spectrumBefore);
        XYPlot plot = (XYPlot) single.getPlot();
        SpectrumCurve b = spectrumBefore.smoothed(6);
        assertEquals(List.of("Level"), keys(plot.getDataset()));
        int k = nearestPoint(b, 440);
        assertEquals(channelMean(b, k), plot.getDataset().getYValue(0, k), 1e-9);
        assertEquals("Level (dBFS)", plot.getRangeAxis().getLabel());
        assertEquals(20_000, plot.getDomainAxis().getUpperBound(), 0);

        double gainDb = 2.0;
        JFreeChart compare = Charts.compareSpectra("A/B", "mix", spectrumBefore, "master", spectrumAfter, gainDb);
        List<XYPlot> plots = subplots(compare);
        assertEquals(List.of("mix", "master (+2.0 dB)"), keys(plots.get(0).getDataset()));
        assertEquals(List.of("master \u2212 mix"), keys(plots.get(1).getDataset()));
        SpectrumCurve a = spectrumAfter.smoothed(6);
        k = nearestPoint(b, BELL_HZ);
        assertEquals(channelMean(a, k) + gainDb, plots.get(0).getDataset().getYValue(1, k), 1e-9);
        assertEquals(channelMean(a, k) + gainDb - channelMean(b, k), plots.get(1).getDataset().getYValue(0, k), 1e-9);
    }

    @Test
    void loudnessBeforeAfterDrawsHistoriesLinesSectionsAndNotes() {
        double target = -23;
        List<Section> sections = List.of(new Section("intro", TimeSpan.of("0:00", "0:01")),
                new Section("noise", TimeSpan.of("0:01", "0:07")));
        String longText = "the noise comes in far too abruptly after the silence, fade it";
        List<ListenNote> notes = List.of(ListenNote.pass("headphones"), ListenNote.at(4.5, "hiss"),
                ListenNote.at(1.0, longText));
        JFreeChart chart = Charts.loudnessBeforeAfter("step", loudnessBefore, loudnessAfter, target, sections, notes);
        XYPlot plot = (XYPlot) chart.getPlot();
        XYDataset data = plot.getDataset();
        assertEquals(List.of("Before momentary", "After momentary", "Before short-term", "After short-term"),
                keys(data));
        ValueAxis time = plot.getDomainAxis();
        assertEquals("Time (m:ss)", time.getLabel());
        assertEquals(0, time.getLowerBound(), 0);
        assertEquals(7.0, time.getUpperBound(), 1e-9, "70 hops of 100 ms");
        assertEquals("Loudness (LUFS)", plot.getRangeAxis().getLabel());

        double[] momentary = loudnessBefore.momentaryLufs();
        double[] shortTerm = loudnessAfter.shortTermLufs();
        assertEquals(momentary.length, data.getItemCount(0));
        assertEquals(Double.NEGATIVE_INFINITY, momentary[5], "window of digital silence (precondition)");
        assertTrue(Double.isNaN(momentary[0]), "window before the file (precondition)");
        for (int i = 0; i < momentary.length; i++) {
            assertEquals(LoudnessReport.windowEndSeconds(i), data.getXValue(0, i), 1e-12);
            double y = data.getYValue(0, i);
            assertTrue(Double.isFinite(momentary[i]) ? y == momentary[i] : Double.isNaN(y), "momentary " + i);
            double s = data.getYValue(3, i);
            assertTrue(Double.isFinite(shortTerm[i]) ? s == shortTerm[i] : Double.isNaN(s), "short-term " + i);
        }
        assertTrue(Double.isFinite(data.getYValue(3, 69)));

        List<Marker> lines = markers(plot, false);
        assertEquals(3, lines.size());
        assertLine(lines.get(0), loudnessBefore.integratedLufs(), "Before integrated");
        assertLine(lines.get(1), loudnessAfter.integratedLufs(), "After integrated");
        assertLine(lines.get(2), target, "Target \u221223.0 LUFS");
        for (Marker m : lines) {
            double v = ((ValueMarker) m).getValue();
            assertTrue(plot.getRangeAxis().getRange().contains(v), "line " + m.getLabel() + " is on the chart");
        }

        List<Marker> marks = markers(plot, true);
        List<IntervalMarker> sectionMarks = marks.stream().filter(IntervalMarker.class::isInstance)
                .map(IntervalMarker.class::cast).toList();
        assertEquals(2, sectionMarks.size());
        assertEquals("intro", sectionMarks.get(0).getLabel());
        assertEquals(1.0, sectionMarks.get(1).getStartValue(), 0);
        assertEquals(7.0, sectionMarks.get(1).getEndValue(), 0);
        assertEquals("noise", sectionMarks.get(1).getLabel());
        List<ValueMarker> noteMarks = marks.stream().filter(ValueMarker.class::isInstance)
                .map(ValueMarker.class::cast).toList();
        assertEquals(2, noteMarks.size(), "the pass note has no time and no marker");
        assertEquals(1.0, noteMarks.get(0).getValue(), 0, "sorted by time");
        assertEquals(longText.substring(0, Markers.NOTE_LABEL_CHARS - 1) + "\u2026", noteMarks.get(0).getLabel());
        assertEquals(4.5, noteMarks.get(1).getValue(), 0);
        assertEquals("hiss", noteMarks.get(1).getLabel());
    }

    private static void assertLine(Marker m, double value, String labelStart) {
        ValueMarker line = assertInstanceOf(ValueMarker.class, m);
        assertEquals(value, line.getValue(), 0);
        assertTrue(line.getLabel().startsWith(labelStart) && line.getLabel().endsWith("LUFS"), line.getLabel());
    }

    @Test
    void singleLoudnessWithoutTargetOrMarks() {
        JFreeChart chart = Charts.loudness("mix", loudnessBefore, Double.NaN, List.of(), List.of());
        XYPlot plot = (XYPlot) chart.getPlot();
        assertEquals(List.of("Momentary", "Short-term"), keys(plot.getDataset()));
        List<Marker> lines = markers(plot, false);
        assertEquals(1, lines.size());
        assertLine(lines.get(0), loudnessBefore.integratedLufs(), "Integrated");
        assertTrue(markers(plot, true).isEmpty());
    }

    @Test
    void gainReductionIsTheTraceOverTime() {
        AudioBuffer audio = before.copy();
        Processor p = Compressor.defaults().thresholdDb(-30).ratio(4).newProcessor();
        GainReductionTrace trace = GainReductionTrace.forFrames(RATE, audio.frames(), 10);
        ((GainReductionSource) p).traceInto(trace);
        new Renderer().apply(p, audio);
        double[] gains = trace.toArray();

        JFreeChart chart = Charts.gainReduction("glue", trace.toArray(), trace.hopFrames() / (double) RATE);
        XYPlot plot = (XYPlot) chart.getPlot();
        XYDataset data = plot.getDataset();
        assertEquals(List.of("Gain reduction"), keys(data));
        assertEquals(trace.hops(), data.getItemCount(0));
        double hopSeconds = trace.hopFrames() / (double) RATE;
        double deepest = 0;
        for (int h = 0; h < gains.length; h++) {
            assertEquals((h + 0.5) * hopSeconds, data.getXValue(0, h), 1e-12);
            assertEquals(gains[h], data.getYValue(0, h), 0);
            deepest = Math.min(deepest, gains[h]);
        }
        assertTrue(deepest < -3, "the compressor worked on −20 dBFS noise: " + deepest);
        assertEquals(0, gains[50], "silence is not compressed");
        assertTrue(plot.getRangeAxis().getLowerBound() <= deepest);
        assertTrue(plot.getRangeAxis().getUpperBound() > 0);
        assertEquals("Gain reduction (dB)", plot.getRangeAxis().getLabel());
        assertEquals(7.0, plot.getDomainAxis().getUpperBound(), 0.01);
    }

    @Test
    void aMultibandCompressorGetsOneLinePerBand() throws Exception {
        AudioBuffer audio = before.copy();
        Processor p = org.freshears.chain.MultibandCompressor.of(200, 2_000)
                .allBands(Compressor.defaults().thresholdDb(-30).ratio(4)).newProcessor();
        GainReductionTrace trace = GainReductionTrace.forFrames(RATE, audio.frames(), 10);
        ((GainReductionSource) p).traceInto(trace);
        new Renderer().apply(p, audio);
        List<GainReductionTrace> bands = trace.bands();
        JFreeChart chart = Charts.gainReductionByBand("glue by band", bands.stream().map(GainReductionTrace::label)
                .toList(), bands.stream().map(GainReductionTrace::toArray).toList(), 0.01);
        XYDataset data = ((XYPlot) chart.getPlot()).getDataset();
        assertEquals(List.of("below 200 Hz", "200 Hz-2 kHz", "above 2 kHz"), keys(data));
        for (int b = 0; b < 3; b++) {
            assertEquals(trace.hops(), data.getItemCount(b));
            assertEquals(bands.get(b).gainDb(100), data.getYValue(b, 100), 0);
        }
        assertFalse(bands.get(0).gainDb(100) == bands.get(2).gainDb(100), "the bands worked differently");
        assertTrue(ChartFiles.pngBytes(chart).length > 0);
    }

    @Test
    void bandEnergyShowsRelativeAndAbsoluteLevelsWithTheProblemSpan() {
        BandEnergyTrack b = BandEnergy.track(before, 800, 1_250);
        BandEnergyTrack a = BandEnergy.track(after, 800, 1_250);
        TimeSpan span = TimeSpan.of("0:02", "0:05");
        JFreeChart chart = Charts.bandEnergy("boxy", b, a, span);
        List<XYPlot> plots = subplots(chart);
        XYDataset relative = plots.get(0).getDataset();
        XYDataset absolute = plots.get(1).getDataset();
        assertEquals(List.of("Before", "After"), keys(relative));
        assertEquals(List.of("Before band level", "After band level"), keys(absolute));
        assertEquals("Relative level (dB)", plots.get(0).getRangeAxis().getLabel());
        assertEquals("Band level (dBFS)", plots.get(1).getRangeAxis().getLabel());
        assertEquals("Time (m:ss)", chart.getXYPlot().getDomainAxis().getLabel());

        assertTrue(Double.isNaN(b.relativeDb(0)), "first frame is digital silence (precondition)");
        assertTrue(Double.isNaN(relative.getYValue(0, 0)), "silence is a gap");
        double sum = 0;
        int n = 0;
        for (int i = 0; i < b.points(); i++) {
            assertEquals(b.timeSeconds(i), relative.getXValue(0, i), 0);
            assertArrayEquals(new double[] {b.relativeDb(i), a.relativeDb(i), b.bandDb(i), a.bandDb(i)},
                    new double[] {relative.getYValue(0, i), relative.getYValue(1, i), absolute.getYValue(0, i),
                        absolute.getYValue(1, i)}, 0);
            if (b.timeSeconds(i) > 1.5) {
                sum += a.bandDb(i) - b.bandDb(i);
                n++;
            }
        }
        // Over 800–1250 Hz a −4 dB, Q 1 bell at 1 kHz cuts between 2.7 (edges) and 4 dB (centre).
        double meanCutDb = sum / n;
        assertTrue(meanCutDb < -2.7 && meanCutDb > -4, "mean cut " + meanCutDb);

        for (XYPlot p : plots) {
            List<Marker> marks = markers(p, true);
            assertEquals(1, marks.size());
            IntervalMarker m = (IntervalMarker) marks.get(0);
            assertEquals(2.0, m.getStartValue(), 0);
            assertEquals(5.0, m.getEndValue(), 0);
            assertEquals(p == plots.get(0) ? "problem span" : null, m.getLabel());
        }
    }

    @Test
    void levelMatchedBandEnergyShowsTheBandAgainstEachVersionsLoudness() {
        BandEnergyTrack b = BandEnergy.track(before, 800, 1_250);
        BandEnergyTrack a = BandEnergy.track(after, 800, 1_250);
        JFreeChart chart = Charts.bandEnergyLevelMatched("boxy", b, -20.5, a, -23.25, TimeSpan.of("0:02", "0:05"));
        List<XYPlot> plots = subplots(chart);
        XYDataset matched = plots.get(0).getDataset();
        assertEquals("Against loudness (dB)", plots.get(0).getRangeAxis().getLabel());
        assertEquals("Band level (dBFS)", plots.get(1).getRangeAxis().getLabel());
        for (int i = 1; i < b.points(); i++) {
            assertEquals(b.bandDb(i) + 20.5, matched.getYValue(0, i), 0);
            assertEquals(a.bandDb(i) + 23.25, matched.getYValue(1, i), 0);
        }
    }

    @Test
    void pngAndSvgFilesAreWrittenWholeAtTheDefaultSize(@TempDir Path dir) throws Exception {
        JFreeChart chart = Charts.loudnessBeforeAfter("step", loudnessBefore, loudnessAfter, -23,
                List.of(new Section("noise", TimeSpan.of("0:01", "0:07"))), List.of(ListenNote.at(2, "hiss")));
        Path png = ChartFiles.writePng(chart, dir.resolve("sub/loudness.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1200, image.getWidth());
        assertEquals(600, image.getHeight());
        Path svg = ChartFiles.writeSvg(chart, dir.resolve("sub/loudness.svg"));
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg"), "an SVG document");
        assertTrue(text.contains(">Time (m:ss)<"), "text is kept as text");
        assertTrue(text.contains("width='1200.0' height='600.0'"), "at the default size");
        assertEquals(text, ChartFiles.svgText(chart, 1200, 600), "same chart, same SVG text");
        String inline = ChartFiles.svgElement(chart, 1200, 600, "step2-loudness");
        assertTrue(inline.startsWith("<svg") && inline.contains("id='step2-loudness"), "inline element, own ids");
        try (Stream<Path> files = Files.list(dir.resolve("sub"))) {
            assertEquals(List.of("loudness.png", "loudness.svg"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
        byte[] bytes = ChartFiles.pngBytes(chart, 640, 320);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(640, small.getWidth());
        assertEquals(320, small.getHeight());
        assertTrue(GraphicsEnvironment.isHeadless());
    }

    @Test
    void silenceDrawsEmptyChartsWithoutFailing() throws Exception {
        AudioBuffer silence = Signals.silence(2, RATE, 4.0);
        Spectrum spectrum = new SpectrumAnalyzer().analyze(silence);
        LoudnessReport loudness = LoudnessMeter.measure(silence);
        assertTrue(Double.isNaN(loudness.integratedLufs()), "precondition: silence has no loudness");
        BandEnergyTrack track = BandEnergy.track(silence, 100, 200);
        List<JFreeChart> charts = List.of(Charts.spectrum("silence", spectrum),
                Charts.spectrumBeforeAfter("silence", spectrum, spectrum, List.of()),
                Charts.loudnessBeforeAfter("silence", loudness, loudness, -14, List.of(), List.of()),
                Charts.bandEnergy("silence", track, track, null),
                Charts.gainReduction("none", GainReductionTrace.forFrames(RATE, 0, 10).toArray(), 0.01));
        for (JFreeChart chart : charts) {
            assertFalse(ChartFiles.pngBytes(chart).length == 0);
        }
        XYPlot spectrumPlot = (XYPlot) charts.get(0).getPlot();
        for (int i = 0; i < spectrumPlot.getDataset().getItemCount(0); i++) {
            assertTrue(Double.isNaN(spectrumPlot.getDataset().getYValue(0, i)));
        }
        XYPlot loudnessPlot = (XYPlot) charts.get(2).getPlot();
        assertEquals(1, markers(loudnessPlot, false).size(), "only the target: silence has no integrated line");
        assertNull(((XYPlot) charts.get(0).getPlot()).getDomainMarkers(Layer.BACKGROUND));
    }

    @Test
    void labelsThatWouldCollideGoToNewRows() {
        // "chorus" ≈ (6·7.5 + 12) / 1100 ≈ 0.052 of the axis wide.
        assertArrayEquals(new int[] {0, 0}, LabelRows.assign(new double[] {0.1, 0.2}, new String[] {"chorus", "verse"}));
        assertArrayEquals(new int[] {0, 1, 0}, LabelRows.assign(new double[] {0.1, 0.12, 0.2},
                new String[] {"chorus", "verse", "bridge"}));
        assertArrayEquals(new int[] {0, 1, 2, 0}, LabelRows.assign(new double[] {0.1, 0.11, 0.12, 0.13},
                new String[] {"a long label", "another one", "and a third", "x"}), "all full: the first to free up");
    }

    @Test
    void clockLabels() {
        assertEquals("0:05", ClockFormat.format(5, false));
        assertEquals("1:05", ClockFormat.format(65.2, false));
        assertEquals("0:00.5", ClockFormat.format(0.5, true));
        assertEquals("12:00", ClockFormat.format(720, false));
    }

    @Test
    void clockLabelsReadBack() {
        java.text.ParsePosition at = new java.text.ParsePosition(0);
        assertEquals(65.5, new ClockFormat(true).parse("1:05.5 tail", at).doubleValue(), 1e-12);
        assertEquals(6, at.getIndex());
        java.text.ParsePosition bad = new java.text.ParsePosition(0);
        assertEquals(null, new ClockFormat(false).parse("abc", bad));
        assertEquals(0, bad.getErrorIndex());
    }
}
