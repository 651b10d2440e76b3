package org.freshears.report;

import static org.freshears.Mastering.band;
import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.compressor;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.span;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.checklist.TimeSpan;
import org.freshears.plot.ChartFiles;
import org.freshears.session.DiskResultCache;
import org.freshears.session.Display;
import org.freshears.session.MemoryResultCache;
import org.freshears.session.Problem;
import org.freshears.session.Progress;
import org.freshears.session.ResultCache;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.testing.CountingResultCache;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts kept by content: what the cache gives is the bytes drawing the chart again gives, a chart of anything
 * else (another step, problem band or span, another mix) is drawn for what it is, and a session whose charts
 * are all kept draws none.
 */
class ChartCacheTest {
    private static final int W = ChartFiles.DEFAULT_WIDTH;
    private static final int H = ChartFiles.DEFAULT_HEIGHT;

    @TempDir
    Path dir;
    private Path mixFile;

    @BeforeEach
    void writeMix() throws Exception {
        mixFile = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 48_000, 4 * 48_000, 0.1, 3), mixFile, WavOutputFormat.pcm24());
    }

    /** The session a notebook of four steps makes: a problem addressed, gain reduction, a loudness target. */
    private static Session chain(Session s, double eqGainDb, double lowHz, TimeSpan mudSpan) {
        Problem mud = s.problem("mud", span(mudSpan.fromSeconds(), mudSpan.toSeconds()), band(lowHz, 400));
        s.problem("fizz", span(1, 2), band(5_000, 9_000));
        s.step("eq", bell(300, eqGainDb)).addresses(mud);
        s.step("glue", compressor().thresholdDb(-30).ratio(2));
        s.step("loudness", limiter().ceilingDbtp(-1).targetLufs(-16));
        return s;
    }

    private Session open(Path mix, ResultCache cache) throws Exception {
        return Session.open(mix, new SessionContext(dir, Display.NONE, Progress.Factory.NONE).withCache(cache));
    }

    private Session standard(ResultCache cache) throws Exception {
        return chain(open(mixFile, cache), -3, 180, new TimeSpan(0, 3));
    }

    @Test
    void aSessionWhoseChartsAreKeptDrawsNoneAndGetsTheBytesDrawingGives() throws Exception {
        // On disk, as for run: every kind of result goes through the file format and comes back the same.
        CountingResultCache cache = new CountingResultCache(new DiskResultCache(dir.resolve("cache"), "test", 1L << 30));
        for (SessionCharts.Chart chart : new SessionCharts(standard(cache)).all()) { // the first run fills it
            chart.png();
            chart.svgDocument();
            chart.svgElement(W, H, "c1-");
            chart.title();
            chart.playhead(W, H);
        }

        Session again = standard(cache);
        List<SessionCharts.Chart> charts = new SessionCharts(again).all();
        assertEquals(16, charts.size(), "every kind of chart: " + charts.stream().map(SessionCharts.Chart::fileName).toList());
        cache.misses.clear();
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        Map<String, List<String>> texts = new LinkedHashMap<>();
        for (SessionCharts.Chart chart : charts) {
            pngs.put(chart.fileName(), chart.png());
            // Another prefix than the first run's: the kept element's ids are renamed, as drawing it would name them.
            texts.put(chart.fileName(), List.of(chart.svgDocument(), chart.svgElement(W, H, "c7-"), chart.title(),
                    String.join(" ", chart.playhead(W, H))));
        }
        assertEquals(List.of(), cache.misses, "every chart's renders came from the cache");
        assertEquals(List.of(), charts.stream().filter(SessionCharts.Chart::isDrawn).map(SessionCharts.Chart::fileName)
                .toList(), "nothing drawn");

        for (SessionCharts.Chart chart : charts) { // now drawn, to compare
            String name = chart.fileName();
            assertArrayEquals(ChartFiles.pngBytes(chart.chart()), pngs.get(name), name);
            assertEquals(List.of(ChartFiles.svgText(chart.chart(), W, H), ChartFiles.svgElement(chart.chart(), W, H, "c7-"),
                    chart.chart().getTitle().getText(), String.join(" ", ChartPlayhead.attributes(chart.chart(), W, H))),
                    texts.get(name), name);
        }
    }

    @Test
    void aChangedStepProblemOrMixIsDrawnForWhatItIs() throws Exception {
        MemoryResultCache cache = new MemoryResultCache("test", 1L << 30); // one for all, as a kernel's
        Map<String, byte[]> before = checkedPngs(standard(cache));

        Map<String, byte[]> louderEq = checkedPngs(chain(open(mixFile, cache), -6, 180, new TimeSpan(0, 3)));
        assertChanged(before, louderEq, "step-1-eq-spectrum", "step-3-loudness-spectrum", "master-spectrogram",
                "problem-mud-spectrogram", "problem-mud-band-energy");
        assertArrayEquals(before.get("mix-spectrogram"), louderEq.get("mix-spectrogram"), "the mix is the same");

        Map<String, byte[]> otherBand = checkedPngs(chain(open(mixFile, cache), -3, 200, new TimeSpan(0, 3)));
        assertChanged(before, otherBand, "mix-spectrum", "step-1-eq-spectrum", "problem-mud-spectrogram",
                "problem-mud-band-energy");

        Map<String, byte[]> otherSpan = checkedPngs(chain(open(mixFile, cache), -3, 180, new TimeSpan(0, 2)));
        assertChanged(before, otherSpan, "problem-mud-spectrogram", "problem-mud-band-energy");

        Path otherMix = dir.resolve("other-mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 48_000, 4 * 48_000, 0.1, 4), otherMix, WavOutputFormat.pcm24());
        Map<String, byte[]> otherSong = checkedPngs(chain(open(otherMix, cache), -3, 180, new TimeSpan(0, 3)));
        // (A limiter that never worked draws the same flat line for either mix.)
        assertChanged(before, otherSong, "mix-spectrum", "mix-loudness", "mix-spectrogram", "step-1-eq-spectrum",
                "step-2-glue-gain-reduction", "problem-mud-spectrogram", "problem-mud-band-energy", "master-spectrogram");
    }

    /** Words of a chart that look like the kept element's ids stay as they are: drawn for its prefix. */
    @Test
    void aTitleThatNamesThePlaceholderIsNotRenamed() throws Exception {
        MemoryResultCache cache = new MemoryResultCache("test", 1L << 30);
        String name = ChartCache.PLACEHOLDER_ID_PREFIX + " 'url(#" + ChartCache.PLACEHOLDER_ID_PREFIX + " id='"
                + ChartCache.PLACEHOLDER_ID_PREFIX + " \"url(#" + ChartCache.PLACEHOLDER_ID_PREFIX;
        for (int run = 0; run < 2; run++) {
            Session s = open(mixFile, cache);
            Problem p = s.problem(name, span(0, 2), band(200, 400));
            SessionCharts.Chart chart = new SessionCharts(s).problemSpectrogram(p);
            String prefix = "c" + run + "-";
            String element = chart.svgElement(W, H, prefix);
            assertEquals(ChartFiles.svgElement(chart.chart(), W, H, prefix), element);
            assertTrue(element.contains(ChartCache.PLACEHOLDER_ID_PREFIX), "the title keeps its words");
        }
    }

    @Test
    void onlyIdsAreRenamed() {
        String p = ChartCache.PLACEHOLDER_ID_PREFIX;
        assertEquals("<clipPath id='c2-clip-0'/><rect clip-path='url(#c2-clip-0)'/><text>a</text>",
                ChartCache.renamedIds("<clipPath id='" + p + "clip-0'/><rect clip-path='url(#" + p + "clip-0)'/>"
                        + "<text>a</text>", "c2-"));
        assertNull(ChartCache.renamedIds("<clipPath id='" + p + "clip-0'/><text>url(#" + p + "</text>", "c2-"));
    }

    /** One SVG drawing serves a chart's file and its inline elements, also when nothing is cached (--no-cache). */
    @Test
    void withoutACacheTheSvgFileAndElementsAreWhatDrawingEachGives() throws Exception {
        for (SessionCharts.Chart chart : new SessionCharts(standard(ResultCache.NONE)).all()) {
            String element = chart.svgElement(W, H, "c3-");
            assertEquals(ChartFiles.svgText(chart.chart(), W, H), chart.svgDocument(), chart.fileName());
            assertEquals(ChartFiles.svgElement(chart.chart(), W, H, "c3-"), element, chart.fileName());
            assertEquals(ChartFiles.svgElement(chart.chart(), W, H, "c4-"), chart.svgElement(W, H, "c4-"));
            assertEquals(ChartFiles.svgElement(chart.chart(), 600, 300, "c5-"), chart.svgElement(600, 300, "c5-"));
        }
    }

    @Test
    void withoutACacheNoChartHasAKeyAndAllAreDrawn() throws Exception {
        Session s = standard(ResultCache.NONE); // --no-cache, and replay
        ChartCache none = new ChartCache(s);
        assertNull(none.contentKey(new ChartKey.OfMaster(), List.of()));
        for (SessionCharts.Chart chart : new SessionCharts(s).all()) {
            assertArrayEquals(ChartFiles.pngBytes(chart.chart()), chart.png(), chart.fileName());
        }
        assertNotNull(new ChartCache(standard(new MemoryResultCache("test", 1L << 30)))
                .contentKey(new ChartKey.OfMaster(), List.of()));
    }

    /** Every chart's PNG through the cache, each checked against the chart drawn now. */
    /**
     * The kernel's case (issue 15 item 4): the loudness target edited and the cell of steps run again. The target
     * line is on the loudness charts of the mix and of the steps from the one that sets it on, so those and the
     * charts of the re-rendered steps are drawn again; the charts of the steps before it come from the cache.
     */
    @Test
    void anEditedTargetRedrawsOnlyTheChartsThatShowItOrWhatItChanged() throws Exception {
        CountingResultCache cache = new CountingResultCache(new MemoryResultCache("test", 1L << 30));
        Session s = Session.open(mixFile, new SessionContext(dir, Display.NONE, Progress.Factory.NONE)
                .withRerunnableCells().withCache(cache));
        Problem mud = s.problem("mud", span(0, 3), band(180, 400));
        for (double target : new double[] {-16, -14}) {
            s.step("eq", bell(300, -3)).addresses(mud);
            s.step("glue", compressor().thresholdDb(-30).ratio(2));
            s.step("loudness", limiter().ceilingDbtp(-1).targetLufs(target));
            s.step("trim", org.freshears.Mastering.gain(-0.5));
            List<SessionCharts.Chart> charts = new SessionCharts(s).all();
            for (SessionCharts.Chart chart : charts) {
                chart.png();
            }
            List<String> drawn = charts.stream().filter(SessionCharts.Chart::isDrawn).map(SessionCharts.Chart::fileName)
                    .toList();
            if (target == -14) {
                assertEquals(List.of("mix-loudness", "step-3-loudness-spectrum", "step-3-loudness-loudness",
                        "step-3-loudness-gain-reduction", "step-4-trim-spectrum", "step-4-trim-loudness",
                        "problem-mud-band-energy", "problem-mud-spectrogram", "master-spectrogram"), drawn,
                        "the steps before the target, and the mix's spectrum and spectrogram, come from the cache");
            }
            Map<String, String> targetLines = new LinkedHashMap<>();
            for (SessionCharts.Chart chart : charts) {
                if (chart.fileName().endsWith("loudness") && !chart.fileName().endsWith("loudness-spectrum")) {
                    targetLines.put(chart.fileName(), targetLine(chart));
                }
            }
            String line = "Target " + (target == -16 ? "\u221216.0" : "\u221214.0") + " LUFS";
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("mix-loudness", line);
            expected.put("step-1-eq-loudness", "none");
            expected.put("step-2-glue-loudness", "none");
            expected.put("step-3-loudness-loudness", line);
            expected.put("step-4-trim-loudness", line);
            assertEquals(expected, targetLines, "target " + target);
        }
    }

    /** The label of a loudness chart's target line, "none" without one. */
    private static String targetLine(SessionCharts.Chart chart) {
        java.util.Collection<?> markers = chart.chart().getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        return markers == null ? "none" : markers.stream().map(m -> ((org.jfree.chart.plot.Marker) m).getLabel())
                .filter(label -> label != null && label.startsWith("Target")).findFirst().orElse("none");
    }

    private static Map<String, byte[]> checkedPngs(Session s) throws Exception {
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        for (SessionCharts.Chart chart : new SessionCharts(s).all()) {
            byte[] png = chart.png();
            assertArrayEquals(ChartFiles.pngBytes(chart.chart()), png, chart.fileName());
            pngs.put(chart.fileName(), png);
        }
        return pngs;
    }

    private static void assertChanged(Map<String, byte[]> before, Map<String, byte[]> after, String... names) {
        assertEquals(before.keySet(), after.keySet());
        for (String name : names) {
            assertFalse(Arrays.equals(before.get(name), after.get(name)), name + " shows the change");
        }
    }
}
