package org.freshears.report;

import java.util.List;
import org.freshears.findings.Finding;
import org.freshears.session.Findings;

/**
 * "What fresh ears found": the first listen the notebook asked for, one row per finding, most severe first,
 * with kind, severity, where, its value against the threshold it crossed, the evidence and what to try
 * first. The same findings are marked on the timeline and on the mix's spectrum and loudness charts.
 */
final class FindingsSection {
    static final String ID = "findings";

    private FindingsSection() {
    }

    static void write(Html html, Findings found) {
        html.open("section", "id", ID).newline().element("h2", "What fresh ears found").newline();
        html.element("p", "An objective first listen to the mix: what it found, where and why. It explains; only "
                + "the notebook's steps change the audio. Marked on the timeline and on the mix's spectrum and "
                + "loudness charts.", "class", "muted");
        if (found.isEmpty()) {
            html.element("p", "Nothing found: the mix passes every check of a first listen.");
            html.close("section").newline();
            return;
        }
        html.open("table", "class", "findings").open("thead").open("tr");
        for (String h : List.of("#", "Kind", "Severity", "Where", "Value vs threshold", "Evidence", "Suggestion")) {
            html.element("th", h, "scope", "col", "class", h.equals("#") ? "num" : null);
        }
        html.close("tr").close("thead").open("tbody").newline();
        for (int i = 0; i < found.size(); i++) {
            Finding f = found.get(i);
            html.open("tr", "class", "finding " + f.severity().jsonName())
                    .element("td", String.valueOf(i + 1), "class", "num")
                    .open("td").element("div", f.kind().jsonName(), "class", "kind")
                    .element("div", f.title(), "class", "muted").close("td")
                    .element("td", f.severity().jsonName(), "class", "severity")
                    .element("td", where(f))
                    .element("td", Findings.valueVsThreshold(f), "class", "num")
                    .element("td", f.evidence())
                    .open("td").text(f.suggestion());
            if (!f.suggestedStep().isEmpty()) {
                html.text(" ").element("code", f.suggestedStep());
            }
            html.close("td").close("tr").newline();
        }
        html.close("tbody").close("table").newline();
        html.close("section").newline();
    }

    private static String where(Finding f) {
        String time = f.span() == null ? "whole song" : Figures.span(f.span());
        return f.band() == null ? time : time + ", " + f.band();
    }

    /** The label a finding gets on the timeline and the charts: its number in the table and its kind. */
    static String label(Findings found, Finding f) {
        return (found.list().indexOf(f) + 1) + " " + f.kind().jsonName();
    }
}
