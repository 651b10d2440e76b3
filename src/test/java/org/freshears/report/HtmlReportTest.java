package org.freshears.report;

import static org.freshears.Mastering.atLeast;
import static org.freshears.Mastering.atMost;
import static org.freshears.Mastering.band;
import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.compressor;
import static org.freshears.Mastering.integratedLufs;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.plrDb;
import static org.freshears.Mastering.span;
import static org.freshears.Mastering.tpdf;
import static org.freshears.Mastering.truePeakDbtp;
import static org.freshears.Mastering.wav24;
import static org.freshears.Mastering.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Bell;
import org.freshears.chain.Limiter;
import org.freshears.chain.LoudnessTarget;
import org.freshears.chain.Renderer;
import org.freshears.session.Comparison;
import org.freshears.session.Display;
import org.freshears.session.Problem;
import org.freshears.session.Progress;
import org.freshears.session.RenderRecord;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.session.StepRun;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The report of a real session: a generated mix with a low-mid build-up everywhere and a harsh band in one
 * stretch, heard and noted, three steps (an EQ that addresses the build-up, a compressor, a loudness target),
 * three checks, a render and a level-matched comparison. The harsh band is left unaddressed and one check
 * asks for more dynamics than a -14 LUFS master keeps, so the checklist reads 3 of 5.
 */
class HtmlReportTest {
    static final String NASTY = "<script>alert(1)</script> & \"quotes\"";
    static final int RATE = 48_000;

    @TempDir
    static Path dir;
    static Session session;
    static List<SessionCharts.Chart> charts;
    static ReportInput input;
    static String html;
    static Document page;

    @BeforeAll
    static void masterAGeneratedMix() throws Exception {
        AudioBuffer mix = new Renderer().render(List.of(new Bell(280, 8, 1.4)),
                Signals.pinkNoise(2, RATE, 10 * RATE, 0.05, 11));
        AudioBuffer harsh = new Renderer().render(List.of(new Bell(7_000, 10, 2)), mix.copy());
        for (int c = 0; c < 2; c++) {
            System.arraycopy(harsh.channel(c), 4 * RATE, mix.channel(c), 4 * RATE, 3 * RATE);
        }
        Path mixFile = dir.resolve("generated-mix.wav");
        WavWriter.write(mix, mixFile, WavOutputFormat.float32());

        {
            SessionContext ctx = new SessionContext(dir.resolve("out"), Display.NONE, Progress.Factory.NONE);
            Session s = Session.open(mixFile, ctx);
            s.listen("headphones, next morning");
            s.note("0:05", NASTY);
            s.note("0:01", "low end feels thick");
            s.section("verse", "0:00", "0:04");
            s.section("chorus <b>", "0:04", "0:07");
            Problem mud = s.problem("muddy low-mids", span("0:00", "0:10"), band(180, 400));
            s.problem("harsh cymbals", span("0:04", "0:07"), band(5_000, 9_000));
            s.step("clean lows", bell(280, -8).q(1.4)).addresses(mud);
            s.step("glue", compressor().thresholdDb(-30).ratio(2).attackMs(10).releaseMs(100));
            s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
            s.check("streaming loudness", integratedLufs(), within(-14, 0.5));
            s.check("true peak", truePeakDbtp(), atMost(-1.0));
            s.check("kept dynamics", plrDb(), atLeast(30));
            s.render("master.wav", wav24().dither(tpdf()));
            s.compare("mix", "loudness").levelMatched();
            session = s;
        }
        charts = new SessionCharts(session).all();
        input = new ReportInput("Generated " + NASTY, dir.resolve("notebook.jsh"), session, charts, Optional.empty(),
                "0.1.0-test");
        html = HtmlReport.render(input, dir.resolve("out"));
        page = parse(html);
    }

    @Test
    void theBannerSaysHowManyItemsAreDone() {
        Element banner = byId(page, "verdict");
        assertEquals("banner not-done", banner.getAttribute("class"));
        assertEquals("Not done: 3 of 5", firstByClass(banner, "headline").getTextContent());
    }

    @Test
    void aMasterWithEveryItemMetIsDone() throws Exception {
        Session s;
        {
            SessionContext ctx = new SessionContext(dir.resolve("out"), Display.NONE, Progress.Factory.NONE);
            s = Session.open(session.mixPath(), ctx);
        }
        s.check("headroom", truePeakDbtp(), atMost(0));
        assertTrue(s.checklist().done(), s.checklist().toString());
        Document doc = parse(HtmlReport.render(new ReportInput("Done", dir.resolve("n.jsh"), s, List.of(),
                Optional.empty(), "0.1.0-test")));
        Element banner = byId(doc, "verdict");
        assertEquals("banner done", banner.getAttribute("class"));
        assertEquals("Master done: 1 of 1", firstByClass(banner, "headline").getTextContent());
        assertEquals("No step has run: the master is the mix.", byId(doc, "master").getElementsByTagName("p").item(1)
                .getTextContent());
    }

    @Test
    void everyProblemAndCheckHasItsTickAndEvidence() {
        Element list = byId(page, "checklist");
        List<String> rows = new ArrayList<>();
        NodeList items = list.getElementsByTagName("li");
        for (int i = 0; i < items.getLength(); i++) {
            Element li = (Element) items.item(i);
            rows.add(firstByClass(li, "tick").getTextContent() + " " + firstByClass(li, "name").getTextContent());
            assertFalse(firstByClass(li, "evidence").getTextContent().isBlank());
        }
        assertEquals(List.of("\u2713 muddy low-mids", "\u2717 harsh cymbals", "\u2713 streaming loudness",
                "\u2713 true peak", "\u2717 kept dynamics"), rows);
        assertTrue(list.getTextContent().contains(session.checklist().checks().get(0).evidence()));
        assertTrue(list.getTextContent().contains("not addressed by any step"));
    }

    @Test
    void everyStepIsShownWithItsSettingsAndBeforeAfterTable() {
        for (StepRun step : session.steps()) {
            Element article = byId(page, "step-" + step.index());
            assertEquals("Step " + step.index() + " \u2014 " + step.name(),
                    article.getElementsByTagName("h3").item(0).getTextContent());
            Element table = firstByClass(article, "metrics");
            assertEquals(fmt(step.before().analysis().integratedLufs(), 1) + " LUFS",
                    cell(table, "Integrated loudness", 1));
            assertEquals(fmt(step.after().analysis().integratedLufs(), 1) + " LUFS",
                    cell(table, "Integrated loudness", 2));
        }
        // The loudness target is shown as written and as resolved: the limiter with the gain the search found.
        StepRun loudness = session.steps().get(2);
        Limiter resolved = (Limiter) loudness.resolved().get(0);
        assertTrue(loudness.written().get(0) instanceof LoudnessTarget);
        String text = byId(page, "step-3").getTextContent();
        assertTrue(text.contains("LoudnessTarget(targetLufs -14, limiter Limiter(ceilingDbtp -1, releaseMs 100"),
                text);
        assertTrue(text.contains("resolved on the audio: " + SettingsText.of(resolved)), text);
        assertTrue(resolved.inputGainDb() > 1, "the mix is quieter than -14 LUFS: " + resolved.inputGainDb());
        // The chain at a glance names each step in the DSL's words, not by its Java class.
        Element glance = firstByClass(byId(page, "steps"), "glance");
        NodeList glanceRows = ((Element) glance.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        List<String> processors = new java.util.ArrayList<>();
        for (int i = 0; i < glanceRows.getLength(); i++) {
            processors.add(((Element) glanceRows.item(i)).getElementsByTagName("td").item(1).getTextContent());
        }
        assertEquals(List.of("bell 280 Hz -8 dB Q 1.4", "compressor -30 dB 2:1", "limiter to -14 LUFS, ceiling -1 dBTP"),
                processors);
        // A 10 dB or so push into the limiter is a notable loudness change, marked in the table.
        Element step3Table = firstByClass(byId(page, "step-3"), "metrics");
        assertEquals("notable", row(step3Table, "Integrated loudness").getAttribute("class"));
    }

    @Test
    void everyChartIsInlinedOnceAsScalableSvg() {
        assertEquals(charts.size(), count(html, "<svg "), "one <svg> per chart");
        assertEquals(charts.size(), page.getElementsByTagName("svg").getLength());
        for (SessionCharts.Chart chart : charts) {
            Element figure = byId(page, "chart-" + chart.fileName());
            Element svg = (Element) figure.getElementsByTagName("svg").item(0);
            assertEquals("0 0 1200 600", svg.getAttribute("viewBox"));
        }
        // The ones the issue names: per step spectrum and loudness, gain reduction for the dynamics steps,
        // band energy per problem, the comparison.
        List<String> names = charts.stream().map(SessionCharts.Chart::fileName).toList();
        for (String expected : List.of("mix-spectrum", "mix-loudness", "step-1-clean-lows-spectrum",
                "step-1-clean-lows-loudness", "step-2-glue-gain-reduction", "step-3-loudness-spectrum",
                "problem-muddy-low-mids-band-energy", "problem-harsh-cymbals-band-energy",
                "compare-loudness-vs-mix")) {
            assertTrue(names.contains(expected), expected + " in " + names);
        }
        // Each sits with what it belongs to.
        assertNotNull(byIdUnder(byId(page, "step-2"), "chart-step-2-glue-gain-reduction"));
        assertNotNull(byIdUnder(byId(page, "problems"), "chart-problem-harsh-cymbals-band-energy"));
        assertNotNull(byIdUnder(byId(page, "comparisons"), "chart-compare-loudness-vs-mix"));
        // Distinct id prefixes: no clip path id is defined twice.
        Matcher m = Pattern.compile("<clipPath id='([^']+)'").matcher(html);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertTrue(ids.size() > charts.size());
        assertEquals(ids.size(), ids.stream().distinct().count());
    }

    @Test
    void notebookTextIsEscapedAndNothingIsFetchedOrRun() {
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element anywhere");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
        assertFalse(html.contains("chorus <b>"), "a section name is text, not markup");
        // The parsed page shows the note exactly as written.
        Element notes = firstByClass(byId(page, "mix"), "notes");
        assertTrue(notes.getTextContent().contains(NASTY), notes.getTextContent());
        assertTrue(page.getElementsByTagName("h1").item(0).getTextContent().equals("Generated " + NASTY));
        // The only URLs are the XML namespace names inside the SVGs, which nothing fetches.
        String withoutNamespaces = html.replace("xmlns='http://www.w3.org/2000/svg'", "")
                .replace("xmlns:xlink='http://www.w3.org/1999/xlink'", "")
                .replace("xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'", "");
        assertFalse(withoutNamespaces.contains("http"), "no URL to fetch");
        assertFalse(Pattern.compile("\\ssrc\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find());
        assertFalse(html.contains("@import") || html.contains("url(http"));
        Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (hrefs.find()) {
            assertTrue(hrefs.group(1).startsWith("#"), "only links inside the page: " + hrefs.group(1));
        }
    }

    @Test
    void theMixAndMasterFactsAreFormattedAndTheRenderListed() {
        Element master = byId(page, "master");
        Element facts = firstByClass(master, "compare");
        double masterLufs = session.latest().analysis().integratedLufs();
        assertEquals(fmt(masterLufs, 1) + " LUFS", cell(facts, "Integrated loudness", 2));
        assertEquals(fmt(session.snapshot("mix").analysis().truePeakDbtp(), 2) + " dBTP", cell(facts, "True peak", 1));
        assertEquals(fmt(session.latest().analysis().levels().correlation(), 2), cell(facts, "Stereo correlation", 2));
        assertTrue(Math.abs(masterLufs + 14) < 0.1, "the target landed: " + masterLufs);

        RenderRecord render = session.renders().get(0);
        Element renders = firstByClass(master, "renders");
        String row = renders.getElementsByTagName("tbody").item(0).getTextContent().strip();
        assertTrue(row.startsWith("master.wav"), "path relative to the report's folder: " + row);
        assertTrue(row.contains(render.sha256()));
        assertTrue(row.contains("24-bit PCM"));
        assertTrue(row.contains("TPDF, seed 0x4652455348454152"), row);
        assertTrue(row.contains(fmt(render.integratedLufs(), 1) + " LUFS"));
        assertTrue(row.contains(fmt(render.truePeakDbtp(), 2) + " dBTP"));

        // The mix facts (a value that does not exist would be a dash: nothing here is NaN, see ReportTextTest).
        Element mixFacts = firstByClass(byId(page, "mix"), "facts");
        assertEquals(fmt(session.snapshot("mix").analysis().loudnessRangeLu(), 1) + " LU",
                cell(mixFacts, "Loudness range (LRA)", 1));
        assertEquals(String.valueOf(session.snapshot("mix").analysis().levels().clippedRuns()),
                cell(mixFacts, "Clipped runs", 1));
    }

    @Test
    void theComparisonShowsLevelMatchedBandDifferences() {
        Comparison matched = session.comparisons().get(0).levelMatched();
        Element table = firstByClass(byId(page, "comparisons"), "compare");
        assertEquals(Figures.signed(matched.differenceDb(20, 250), 1) + " dB", cell(table, "Lows 20 Hz\u2013250 Hz", 1));
        assertEquals(Figures.signed(matched.differenceDb(6_000, 20_000), 1) + " dB",
                cell(table, "Air 6 kHz\u201320 kHz", 1));
        // The level-matched EQ cut of 'clean lows' shows in the muddy band.
        double mud = matched.differenceDb(180, 400);
        assertEquals(Figures.signed(mud, 1) + " dB", cell(table, "muddy low-mids 180 Hz-400 Hz", 1));
        assertTrue(mud < -2, "an 8 dB bell cut, level-matched: " + mud);
        assertTrue(byId(page, "comparisons").getTextContent().contains("'loudness' moved "
                + Figures.signed(matched.gainDb(), 1) + " dB"));
    }

    @Test
    void theTimelinePlacesSectionsProblemsAndNotesByTime() {
        Element mix = byId(page, "mix");
        Element timeline = firstByClass(mix, "timeline");
        String styles = html.substring(html.indexOf("class=\"timeline\""), html.indexOf("class=\"notes\""));
        // verse 0-4 s of 10 s; the chorus 4-7 s; the harsh problem 4-7 s; the note at 0:05 is pin 1.
        assertTrue(styles.contains("title=\"verse 0:00\u20130:04\" style=\"left:0.000%;width:40.000%\""), styles);
        assertTrue(styles.contains("style=\"left:40.000%;width:30.000%\""), styles);
        assertTrue(styles.contains("class=\"pin\" style=\"left:50.000%\""), styles);
        assertTrue(timeline.getTextContent().contains("chorus <b>"));
        assertTrue(mix.getTextContent().contains("headphones, next morning"));
    }

    @Test
    void aFailedNotebookStillGetsAReportSayingWhereItStopped() throws Exception {
        String failure = "cell 3, line 27: IllegalArgumentException: ratio must be >= 1, got 0.5 <&>";
        ReportInput none = new ReportInput("Night drive", dir.resolve("night.jsh"), null, List.of(),
                Optional.of(failure), "0.1.0-test");
        String text = HtmlReport.render(none);
        Document doc = parse(text);
        Element banner = byId(doc, "verdict");
        assertEquals("banner failed", banner.getAttribute("class"));
        assertEquals("Notebook failed at " + failure, firstByClass(banner, "headline").getTextContent());
        assertEquals(0, count(text, "<svg"));

        // Failed after some steps: what ran is shown, with the charts it made.
        ReportInput partial = new ReportInput("Night drive", dir.resolve("night.jsh"), session,
                new SessionCharts(session).ofStep(session.steps().get(0)), Optional.of(failure), "0.1.0-test");
        String partialText = HtmlReport.render(partial);
        Document partialDoc = parse(partialText);
        assertTrue(firstByClass(byId(partialDoc, "verdict"), "detail").getTextContent()
                .contains("Checklist so far: 3 of 5 done."));
        assertNotNull(byId(partialDoc, "step-1"));
        assertEquals(2, count(partialText, "<svg "));
    }

    @Test
    void writesAtomicallyIntoPlace() throws Exception {
        Path out = dir.resolve("written");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.html"), "old");
        ReportInput small = new ReportInput("Small", dir.resolve("n.jsh"), session, List.of(), Optional.empty(),
                "0.1.0-test");
        Path written = HtmlReport.write(out.resolve("report.html"), small);
        assertEquals(out.resolve("report.html").toAbsolutePath(), written);
        assertEquals(HtmlReport.render(small, out), Files.readString(written, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("report.html"), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file left");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static String fmt(double v, int decimals) {
        return Figures.fixed(v, decimals);
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** The page must be well-formed XML, or this throws. */
    static Document parse(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachProblemShowsHowEveryStepMovedTheBandItselfAndTheRest() {
        Element problems = byId(page, "problems");
        Element trail = null;
        NodeList tables = problems.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element t = (Element) tables.item(i);
            if (t.getTextContent().startsWith("How each step moved 'muddy low-mids'")) {
                trail = t;
            }
        }
        assertNotNull(trail, "a trail table for the mud");
        StepRun eq = session.steps().get(0);
        StepRun loudness = session.steps().get(2);
        var mix = session.snapshot(Session.MIX).matchedLevel("muddy low-mids");
        var cut = eq.after().matchedLevel("muddy low-mids");
        // The bell moved the band itself; the loudness step moved band and loudness alike.
        assertEquals(String.format(Locale.ROOT, "%+.1f dB", cut.bandDb() - mix.bandDb()),
                cell(trail, "1 \u2014 clean lows", 1));
        assertTrue(cut.bandDb() - mix.bandDb() < -3, "the -8 dB bell cut the band");
        assertEquals(String.format(Locale.ROOT, "%+.1f LU", loudness.after().analysis().integratedLufs()
                - loudness.before().analysis().integratedLufs()), cell(trail, "3 \u2014 loudness", 3));
        String matched = cell(trail, "3 \u2014 loudness", 4);
        assertTrue(matched.matches("[+-]?0\\.[0-3] dB"), "a gain moves the level-matched figure (almost) not at all: "
                + matched);
    }

    static Element byId(Document doc, String id) {
        Element e = byIdUnder(doc.getDocumentElement(), id);
        assertNotNull(e, "no element with id " + id);
        return e;
    }

    static Element byIdUnder(Element root, String id) {
        if (id.equals(root.getAttribute("id"))) {
            return root;
        }
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    static Element firstByClass(Element root, String cssClass) {
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
                return e;
            }
        }
        throw new AssertionError("no element of class " + cssClass + " under " + root.getAttribute("id"));
    }

    static Element row(Element table, String label) {
        NodeList rows = table.getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            Element tr = (Element) rows.item(i);
            if (tr.getElementsByTagName("th").getLength() > 0
                    && tr.getElementsByTagName("th").item(0).getTextContent().equals(label)) {
                return tr;
            }
        }
        throw new AssertionError("no row " + label);
    }

    /** The n-th data cell (1-based) of the row headed {@code label}. */
    static String cell(Element table, String label, int n) {
        return row(table, label).getElementsByTagName("td").item(n - 1).getTextContent();
    }
}
