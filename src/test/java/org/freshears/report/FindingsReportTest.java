package org.freshears.report;

import static org.freshears.Mastering.bell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.freshears.findings.Finding;
import org.freshears.session.Display;
import org.freshears.session.Findings;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * "What fresh ears found" in the report (#12 item 6): the demo mix's planted problems in a table, marked on
 * the timeline and on the mix's spectrum and loudness charts; absent when the notebook did not listen.
 */
class FindingsReportTest {
    @TempDir
    static Path dir;
    static Session session;
    static Findings found;
    static List<SessionCharts.Chart> charts;
    static Document page;

    @BeforeAll
    static void listenAndReport() throws Exception {
        session = Session.open(Path.of("samples/demo-mix.wav"), new SessionContext(dir, Display.NONE,
                Progress.Factory.NONE));
        found = session.findings();
        var harsh = session.problem(found.first("harshness"));
        session.step("cymbals", bell(6_300, -6).q(1.0)).addresses(harsh);
        charts = new SessionCharts(session).all();
        page = HtmlReportTest.parse(HtmlReport.render(new ReportInput("Demo", dir.resolve("nb.jsh"), session, charts,
                Optional.empty(), "test")));
    }

    @Test
    void theSectionTablesEveryFindingWithTheDemosPlantedProblems() {
        Element section = HtmlReportTest.byId(page, "findings");
        assertEquals("What fresh ears found", section.getElementsByTagName("h2").item(0).getTextContent());
        NodeList rows = section.getElementsByTagName("tbody").item(0).getChildNodes();
        List<Element> trs = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            if (rows.item(i) instanceof Element e && e.getTagName().equals("tr")) {
                trs.add(e);
            }
        }
        assertEquals(found.size(), trs.size());
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < trs.size(); i++) {
            Finding f = found.get(i);
            NodeList cells = trs.get(i).getElementsByTagName("td");
            assertEquals("finding " + f.severity().jsonName(), trs.get(i).getAttribute("class"));
            assertEquals(String.valueOf(i + 1), cells.item(0).getTextContent());
            assertEquals(f.kind().jsonName() + f.title(), cells.item(1).getTextContent());
            assertEquals(f.severity().jsonName(), cells.item(2).getTextContent());
            assertEquals(Findings.valueVsThreshold(f), cells.item(4).getTextContent());
            assertEquals(f.evidence(), cells.item(5).getTextContent());
            assertTrue(cells.item(6).getTextContent().startsWith(f.suggestion()));
            kinds.add(f.kind().jsonName());
        }
        // The demo's planted problems: low-mid build-up, harsh chorus cymbals, a hot peak, a loud chorus.
        assertTrue(kinds.containsAll(List.of("low-mid-buildup", "harshness", "no-headroom", "section-loudness-spread")),
                kinds.toString());
        assertTrue(section.getTextContent().contains("0:16\u20130:28, "), "where, as a clock span");
        // Listed in the contents, after the mix.
        assertTrue(page.getElementsByTagName("nav").item(0).getTextContent().contains("What fresh ears found"));
    }

    @Test
    void locatedFindingsAreMarkedOnTheTimeline() {
        Element mix = HtmlReportTest.byId(page, "mix");
        NodeList spans = mix.getElementsByTagName("span");
        List<String> marked = new ArrayList<>();
        for (int i = 0; i < spans.getLength(); i++) {
            Element e = (Element) spans.item(i);
            if (e.getAttribute("class").startsWith("finding ")) {
                marked.add(e.getTextContent());
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).span() != null) {
                expected.add((i + 1) + " " + found.get(i).kind().jsonName());
            }
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, marked);
    }

    @Test
    void theMixsSpectrumAndLoudnessChartsMarkTheFindings() {
        JFreeChart spectrum = chart(ChartKey.MixView.SPECTRUM);
        List<String> bandLabels = labels(spectrum.getXYPlot());
        JFreeChart loudness = chart(ChartKey.MixView.LOUDNESS);
        List<IntervalMarker> spanMarks = intervals(loudness.getXYPlot());
        for (int i = 0; i < found.size(); i++) {
            Finding f = found.get(i);
            String label = (i + 1) + " " + f.kind().jsonName();
            if (f.band() != null) {
                assertTrue(bandLabels.contains(label), label + " on the spectrum: " + bandLabels);
            }
            if (f.span() != null) {
                IntervalMarker m = spanMarks.stream().filter(x -> label.equals(x.getLabel())).findFirst().orElse(null);
                assertNotNull(m, label + " on the loudness chart");
                assertEquals(f.span().fromSeconds(), m.getStartValue(), 0);
                assertEquals(f.span().toSeconds(), m.getEndValue(), 0);
            }
        }
    }

    @Test
    void aNotebookThatDidNotListenHasNoSuchSection() throws Exception {
        Session quiet = Session.open(Path.of("samples/demo-mix.wav"), new SessionContext(dir, Display.NONE,
                Progress.Factory.NONE));
        Document p = HtmlReportTest.parse(HtmlReport.render(new ReportInput("Demo", dir.resolve("nb.jsh"), quiet,
                new SessionCharts(quiet).all(), Optional.empty(), "test")));
        assertNull(HtmlReportTest.byIdUnder(p.getDocumentElement(), "findings"));
    }

    private static JFreeChart chart(ChartKey.MixView view) {
        return charts.stream().filter(c -> c.key().equals(new ChartKey.OfMix(view))).findFirst().orElseThrow().chart();
    }

    private static List<IntervalMarker> intervals(XYPlot plot) {
        List<IntervalMarker> out = new ArrayList<>();
        for (Layer layer : List.of(Layer.BACKGROUND, Layer.FOREGROUND)) {
            var markers = plot.getDomainMarkers(layer);
            if (markers != null) {
                for (Object m : markers) {
                    if (m instanceof IntervalMarker im) {
                        out.add(im);
                    }
                }
            }
        }
        return out;
    }

    private static List<String> labels(XYPlot plot) {
        return intervals(plot).stream().map(Marker::getLabel).toList();
    }
}
