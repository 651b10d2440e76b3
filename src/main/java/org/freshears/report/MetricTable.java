package org.freshears.report;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.freshears.measure.Analysis;

/**
 * Tables of measured facts: one version's facts, or two versions side by side with the change, where
 * changes large enough to hear or to matter are highlighted.
 */
final class MetricTable {

    /**
     * One measured quantity.
     *
     * @param notableChange the smallest change (in its unit) that gets highlighted
     */
    record Row(String label, String shortLabel, String unit, ToDoubleFunction<Analysis> value, int decimals,
            double notableChange) {
        Row(String label, String unit, ToDoubleFunction<Analysis> value, int decimals, double notableChange) {
            this(label, label, unit, value, decimals, notableChange);
        }

        String format(Analysis a) {
            return Figures.fixed(value.applyAsDouble(a), decimals, unit);
        }
    }

    /*
     * Highlight thresholds. 0.5 dB is about the smallest level change listeners reliably notice on broadband
     * programme (the intensity JND is roughly 0.5-1 dB: Zwicker and Fastl, "Psychoacoustics", 3rd ed., ch. 7),
     * so a level, peak or ratio that moves less is not called out. Loudness range is a statistic over 3 s
     * windows (EBU Tech 3342) that moves by whole LU between comparable masters: 1 LU. Correlation: 0.05, a
     * step a correlation meter shows plainly.
     */
    private static final double LEVEL_DB = 0.5;
    private static final double RANGE_LU = 1.0;
    private static final double CORRELATION = 0.05;

    /** What a step changes: the figures a mastering engineer reads before and after each move. */
    static final List<Row> STEP = List.of(
            new Row("Integrated loudness", "Loudness", "LUFS", Analysis::integratedLufs, 1, LEVEL_DB),
            new Row("True peak", "True peak", "dBTP", Analysis::truePeakDbtp, 2, LEVEL_DB),
            new Row("Loudness range (LRA)", "LRA", "LU", Analysis::loudnessRangeLu, 1, RANGE_LU),
            new Row("Peak to loudness (PLR)", "PLR", "dB", Analysis::plrDb, 1, LEVEL_DB),
            new Row("Peak to short-term (PSR)", "PSR", "dB", Analysis::psrDb, 1, LEVEL_DB),
            new Row("RMS", "dBFS", a -> a.levels().rmsDbfs(), 1, LEVEL_DB),
            new Row("Crest factor", "Crest", "dB", a -> a.levels().crestFactorDb(), 1, LEVEL_DB),
            new Row("Stereo correlation", "Correlation", "", a -> a.levels().correlation(), 2, CORRELATION));

    /** Everything measured of one version. */
    static final List<Row> FACTS = List.of(
            new Row("Integrated loudness", "LUFS", Analysis::integratedLufs, 1, LEVEL_DB),
            new Row("Loudness range (LRA)", "LU", Analysis::loudnessRangeLu, 1, RANGE_LU),
            new Row("Max momentary loudness", "LUFS", Analysis::maxMomentaryLufs, 1, LEVEL_DB),
            new Row("Max short-term loudness", "LUFS", Analysis::maxShortTermLufs, 1, LEVEL_DB),
            new Row("True peak", "dBTP", Analysis::truePeakDbtp, 2, LEVEL_DB),
            new Row("Sample peak", "dBFS", Analysis::samplePeakDbfs, 2, LEVEL_DB),
            new Row("RMS", "dBFS", a -> a.levels().rmsDbfs(), 1, LEVEL_DB),
            new Row("Crest factor", "dB", a -> a.levels().crestFactorDb(), 1, LEVEL_DB),
            new Row("Peak to loudness (PLR)", "dB", Analysis::plrDb, 1, LEVEL_DB),
            new Row("Peak to short-term (PSR)", "dB", Analysis::psrDb, 1, LEVEL_DB),
            new Row("Stereo correlation", "", a -> a.levels().correlation(), 2, CORRELATION),
            // Percent of full scale: a DC offset worth fixing is around 0.1 % and up; 3 decimals show the rest as 0.
            new Row("DC offset (largest channel)", "%FS", MetricTable::largestDcPercent, 3, 0.01),
            new Row("Clipped runs", "", a -> a.levels().clippedRuns(), 0, 1),
            new Row("Leading silence", "s", a -> a.levels().leadingSilenceSeconds(), 2, 0.1),
            new Row("Trailing silence", "s", a -> a.levels().trailingSilenceSeconds(), 2, 0.1));

    private MetricTable() {
    }

    /** Two columns: what, value. */
    static void facts(Html html, List<Row> rows, Analysis analysis) {
        html.open("table", "class", "metrics facts").open("tbody");
        for (Row row : rows) {
            html.open("tr").element("th", row.label(), "scope", "row")
                    .element("td", row.format(analysis), "class", "num").close("tr");
        }
        html.close("tbody").close("table").newline();
    }

    /** What, A, B, change (B - A); rows whose change reaches the row's threshold are marked notable. */
    static void compare(Html html, List<Row> rows, String nameA, Analysis a, String nameB, Analysis b) {
        html.open("table", "class", "metrics compare")
                .open("thead").open("tr").element("th", "", "scope", "col").element("th", nameA, "scope", "col")
                .element("th", nameB, "scope", "col").element("th", "Change", "scope", "col").close("tr")
                .close("thead").open("tbody");
        for (Row row : rows) {
            double change = row.value().applyAsDouble(b) - row.value().applyAsDouble(a);
            boolean notable = isNotable(row, change);
            html.open("tr", "class", notable ? "notable" : null).element("th", row.label(), "scope", "row")
                    .element("td", row.format(a), "class", "num").element("td", row.format(b), "class", "num");
            change(html, row, change);
            html.close("tr");
        }
        html.close("tbody").close("table").newline();
    }

    /** A change cell: signed, with the unit; notable ones in bold so the mark does not rest on colour alone. */
    static void change(Html html, Row row, double change) {
        String text = Figures.signed(change, row.decimals());
        if (!row.unit().isEmpty() && !text.equals(Figures.NONE)) {
            text += " " + row.unit();
        }
        if (isNotable(row, change)) {
            html.open("td", "class", "num change").element("strong", text).close("td");
        } else {
            html.element("td", text, "class", "num change");
        }
    }

    static boolean isNotable(Row row, double change) {
        return Double.isFinite(change) && Math.abs(change) >= row.notableChange();
    }

    private static double largestDcPercent(Analysis a) {
        double largest = Double.NaN;
        for (double dc : a.levels().dcOffset()) {
            if (Double.isFinite(dc) && !(Math.abs(dc) <= Math.abs(largest))) {
                largest = dc;
            }
        }
        return largest * 100;
    }
}
