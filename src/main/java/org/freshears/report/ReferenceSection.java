package org.freshears.report;

import java.util.List;
import java.util.function.Consumer;
import org.freshears.session.Comparison;
import org.freshears.session.Reference;
import org.freshears.session.Session;
import org.freshears.session.SideBySide;

/**
 * "References": each reference track the notebook read (file, span, format, SHA-256, its figures), then each
 * comparison with one: the level-matching gain, the figures side by side, the findings in words and the
 * charts (spectra level-matched, third-octave differences, loudness over time overlaid).
 */
final class ReferenceSection {
    static final String ID = "references";

    private ReferenceSection() {
    }

    /** Whether the session has anything for this section. */
    static boolean applies(Session s) {
        return !s.references().isEmpty();
    }

    /**
     * @param charts places a comparison's charts (the report knows where they are)
     */
    static void write(Html html, Session s, Consumer<Comparison> charts) {
        html.open("section", "id", ID).newline().element("h2", "References").newline();
        html.element("p", "Records to compare with, measured as the mix is (a span: only that part). Level-matched: "
                + "the reference is moved to the version's integrated loudness, so what differs is tone and "
                + "dynamics, not level. Width is the side signal's energy against the mid's; low, mid and high "
                + "are each region's share of the power of 20 Hz\u201320 kHz (low below 250 Hz, high above 4 kHz).",
                "class", "muted");
        html.open("table", "class", "metrics").open("thead").open("tr");
        for (String h : List.of("Reference", "File", "Span", "Format", "Integrated", "LRA", "True peak", "SHA-256")) {
            html.element("th", h, "scope", "col");
        }
        html.close("tr").close("thead").open("tbody").newline();
        for (Reference r : s.references()) {
            html.open("tr").element("th", r.name(), "scope", "row").element("td", r.path())
                    .element("td", r.span().map(Figures::span).orElse("whole file"))
                    .element("td", r.decoding().description())
                    .element("td", Figures.fixed(r.analysis().integratedLufs(), 1, "LUFS"), "class", "num")
                    .element("td", Figures.fixed(r.analysis().loudnessRangeLu(), 1, "LU"), "class", "num")
                    .element("td", Figures.fixed(r.analysis().truePeakDbtp(), 1, "dBTP"), "class", "num")
                    .open("td").element("span", r.sha256(), "class", "hash").close("td").close("tr").newline();
        }
        html.close("tbody").close("table").newline();
        for (Comparison c : s.comparisons()) {
            if (c.hasReference()) {
                comparison(html, c);
                charts.accept(c);
            }
        }
        html.close("section").newline();
    }

    private static void comparison(Html html, Comparison c) {
        String name = c.reference().name();
        html.element("h3", "'" + c.nameA() + "' against reference '" + name + "'");
        html.element("p", c.canLevelMatch() ? "The reference moved " + Figures.signed(c.levelMatched().gainDb(), 1)
                + " dB to '" + c.nameA() + "' (" + Figures.fixed(c.a().analysis().integratedLufs(), 1) + " LUFS)."
                : "Not level-matched: '" + c.nameA() + "' is silent.");
        SideBySide t = c.sideBySide();
        html.open("table", "class", "metrics compare").open("thead").open("tr").element("th", "Figure", "scope", "col")
                .element("th", "'" + c.nameA() + "'", "scope", "col", "class", "num")
                .element("th", "Reference", "scope", "col", "class", "num")
                .element("th", "Difference", "scope", "col", "class", "num").close("tr").close("thead").open("tbody");
        for (SideBySide.Row row : t.rows()) {
            String unit = row.unit().isEmpty() ? "" : row.unit().equals("LUFS") ? "LU" : row.unit().equals("dBTP")
                    ? "dB" : row.unit();
            html.open("tr").element("th", row.label(), "scope", "row")
                    .element("td", Figures.fixed(row.a(), row.decimals(), row.unit()), "class", "num")
                    .element("td", Figures.fixed(row.b(), row.decimals(), row.unit()), "class", "num")
                    .element("td", Double.isFinite(row.difference())
                            ? Figures.signed(row.difference(), row.decimals()) + (unit.isEmpty() ? "" : " " + unit)
                            : "\u2013", "class", "num")
                    .close("tr");
        }
        html.close("tbody").close("table").newline();
        List<String> found = c.findings();
        if (found.isEmpty()) {
            html.element("p", "Nothing stands out against the reference, level-matched.");
        } else {
            html.element("p", "Against the reference, level-matched:");
            html.open("ul", "class", "reference-findings");
            found.forEach(f -> html.element("li", f));
            html.close("ul").newline();
        }
    }
}
