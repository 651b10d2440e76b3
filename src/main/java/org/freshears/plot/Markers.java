package org.freshears.plot;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.util.Locale;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.LengthAdjustmentType;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The marks laid over a chart: shaded problem bands and spans, song sections, listening notes and
 * horizontal reference levels. Labels that could collide (several bands, notes close together) are stacked
 * in rows by their index.
 */
final class Markers {
    /** Longer note texts are cut with an ellipsis: a marker label is a reminder, the report has the full text. */
    static final int NOTE_LABEL_CHARS = 28;
    /** Height of one row of stacked labels, pixels (the marker font is 13 pt). */
    private static final double ROW_PX = 17;

    private Markers() {
    }

    /** A shaded interval on the x axis (a problem band, a problem span), its label in row {@code row} from the top. */
    static IntervalMarker problem(double from, double to, String label, int row) {
        IntervalMarker m = new IntervalMarker(from, to, ChartStyle.PROBLEM_SHADE);
        m.setOutlinePaint(null);
        label(m, label);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(4 + row * ROW_PX, 4, 0, 0));
        m.setLabelOffsetType(LengthAdjustmentType.CONTRACT);
        return m;
    }

    /** A song section: a faint band (alternating tints by index), its name at the top in row {@code row}. */
    static IntervalMarker section(double fromSeconds, double toSeconds, String name, int index, int row) {
        IntervalMarker m = new IntervalMarker(fromSeconds, toSeconds,
                index % 2 == 0 ? ChartStyle.SECTION_SHADE_A : ChartStyle.SECTION_SHADE_B);
        m.setOutlinePaint(new Color(0xBB, 0xBB, 0xBB));
        m.setOutlineStroke(ChartStyle.DOTTED);
        label(m, name);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(4 + row * ROW_PX, 4, 0, 0));
        m.setLabelOffsetType(LengthAdjustmentType.CONTRACT);
        return m;
    }

    /** A listening note: a dashed vertical line, its text (already shortened) near the bottom in row {@code row}. */
    static ValueMarker note(double atSeconds, String label, int row) {
        ValueMarker m = new ValueMarker(atSeconds, ChartStyle.NOTE, ChartStyle.DASHED);
        label(m, label);
        m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        m.setLabelOffset(new RectangleInsets(0, 4, 4 + row * ROW_PX, 0));
        return m;
    }

    /**
     * A horizontal reference line (integrated loudness, target), labelled above the line at the left, centre
     * or right so that up to three lines close in value keep their labels apart.
     */
    static ValueMarker level(double value, String label, Paint paint, Stroke stroke, Side side) {
        ValueMarker m = new ValueMarker(value, paint, stroke);
        label(m, label);
        m.setLabelPaint(paint);
        m.setLabelAnchor(side.anchor);
        m.setLabelTextAnchor(side.text);
        m.setLabelOffset(new RectangleInsets(2, 8, 2, 8));
        return m;
    }

    /** Where along a horizontal line its label sits. */
    enum Side {
        LEFT(RectangleAnchor.LEFT, TextAnchor.BOTTOM_LEFT),
        CENTRE(RectangleAnchor.CENTER, TextAnchor.BOTTOM_CENTER),
        RIGHT(RectangleAnchor.RIGHT, TextAnchor.BOTTOM_RIGHT);

        final RectangleAnchor anchor;
        final TextAnchor text;

        Side(RectangleAnchor anchor, TextAnchor text) {
            this.anchor = anchor;
            this.text = text;
        }
    }

    static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= NOTE_LABEL_CHARS ? oneLine : oneLine.substring(0, NOTE_LABEL_CHARS - 1) + "…";
    }

    /** {@code 65.25} as {@code "1:05.250"}, whole seconds as {@code "1:05"}. */
    static String clock(double seconds) {
        String text = org.freshears.checklist.TimeSpan.format(seconds);
        return text.endsWith(".000") ? text.substring(0, text.length() - 4) : text;
    }

    static String db(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace('-', '\u2212');
    }

    private static void label(org.jfree.chart.plot.Marker m, String text) {
        m.setLabel(text);
        m.setLabelFont(ChartStyle.MARKER_FONT);
        m.setLabelPaint(ChartStyle.MARKER_TEXT);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0xC0));
    }
}
