package org.freshears.report;

import java.util.List;
import org.freshears.session.Problem;
import org.freshears.session.ProblemTrail;
import org.freshears.session.Session;

/**
 * Which step moved a problem area, and why: one row per step with the band's own change, the change of
 * the rest of the spectrum in the problem's span, the loudness change, and the level-matched change the
 * checklist judges (the band's change minus the loudness's). A step that only cut the lows shows a band
 * that stayed put and a rest that fell; a shelf on the band shows the band itself falling.
 */
final class ProblemTrailTable {
    /** A move worth pointing at: the same 0.5 dB as the level rows of {@link MetricTable}. */
    private static final double NOTABLE_DB = 0.5;
    private static final MetricTable.Row DB = new MetricTable.Row("change", "dB", a -> Double.NaN, 1, NOTABLE_DB);
    private static final MetricTable.Row LU = new MetricTable.Row("change", "LU", a -> Double.NaN, 1, NOTABLE_DB);

    private ProblemTrailTable() {
    }

    static void write(Html html, Session session, Problem problem) {
        List<ProblemTrail.Move> moves = ProblemTrail.of(session, problem);
        if (moves.isEmpty()) {
            return;
        }
        html.open("table", "class", "metrics trail")
                .element("caption", "How each step moved '" + problem.name() + "'")
                .open("thead").open("tr").element("th", "Step", "scope", "col");
        for (String h : List.of("Band itself", "Rest of the span", "Loudness", "Level-matched")) {
            html.element("th", h, "scope", "col", "class", "num");
        }
        html.close("tr").close("thead").open("tbody").newline();
        for (ProblemTrail.Move m : moves) {
            html.open("tr", "class", MetricTable.isNotable(DB, m.matchedChangeDb()) ? "notable" : null)
                    .element("th", m.step().index() + " \u2014 " + m.step().name(), "scope", "row");
            if (!m.measured()) {
                html.element("td", "not measured (the problem was declared after this step)", "colspan", "4")
                        .close("tr").newline();
                continue;
            }
            MetricTable.change(html, DB, m.bandChangeDb());
            MetricTable.change(html, DB, m.restChangeDb());
            MetricTable.change(html, LU, m.loudnessChangeLu());
            MetricTable.change(html, DB, m.matchedChangeDb());
            html.close("tr").newline();
        }
        html.close("tbody").close("table").newline();
    }
}
