package org.freshears.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every Fresh Ears chart: white background, light grid, anti-aliased, fonts sized to read
 * at the default 1200×600, and fixed colours so "before" and "after" mean the same thing on every chart of
 * a report. Colours are from the Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008), which
 * stays distinguishable for the common forms of colour blindness.
 */
public final class ChartStyle {
    static {
        Headless.ensure();
    }

    /** Blue (Okabe–Ito #0072B2): the version before a step, or the first of two compared versions. */
    public static final Color BEFORE = new Color(0x00, 0x72, 0xB2);
    /** Orange-vermilion (Okabe–Ito #D55E00): the version after a step, or the second version. */
    public static final Color AFTER = new Color(0xD5, 0x5E, 0x00);
    /** Bluish green (Okabe–Ito #009E73): after minus before. */
    public static final Color DIFFERENCE = new Color(0x00, 0x9E, 0x73);
    /** Okabe–Ito reddish purple (#CC79A7) darkened to #A03C78 so its label text reads on white: targets. */
    public static final Color TARGET = new Color(0xA0, 0x3C, 0x78);
    /** Gain reduction fill. */
    public static final Color GAIN = new Color(0x56, 0x3C, 0x9C);
    /** Problem bands and spans: a translucent yellow (Okabe–Ito #F0E442) that any line stays visible through. */
    public static final Color PROBLEM_SHADE = new Color(0xF0, 0xE4, 0x42, 0x60);
    /** Sections alternate between two faint tints so neighbours stay apart. */
    public static final Color SECTION_SHADE_A = new Color(0x56, 0xB4, 0xE9, 0x22);
    public static final Color SECTION_SHADE_B = new Color(0x99, 0x99, 0x99, 0x22);
    public static final Color NOTE = new Color(0x33, 0x33, 0x33);
    public static final Color MARKER_TEXT = new Color(0x22, 0x22, 0x22);
    public static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
    public static final Color MINOR_GRID = new Color(0xEE, 0xEE, 0xEE);
    public static final Color BACKGROUND = Color.WHITE;

    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    public static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    public static final Font AXIS_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    public static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    public static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    public static final Stroke THIN = new BasicStroke(1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final Stroke MEDIUM = new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final Stroke THICK = new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final Stroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);
    public static final Stroke DOTTED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {2f, 4f}, 0f);

    private ChartStyle() {
    }

    /** A lighter, translucent version of a colour, for the fast-moving momentary lines under short-term ones. */
    public static Color faint(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 0x70);
    }

    /** Applies the house style to a finished chart (titles, legend, every XY plot and its axes). */
    static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(BACKGROUND);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE_FONT);
            chart.getTitle().setPaint(Color.BLACK);
        }
        for (Object t : chart.getSubtitles()) {
            Title title = (Title) t;
            if (title instanceof LegendTitle legend) {
                legend.setItemFont(LEGEND_FONT);
                legend.setBackgroundPaint(BACKGROUND);
                legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
                legend.setPosition(RectangleEdge.BOTTOM);
            } else if (title instanceof TextTitle text) {
                text.setFont(SUBTITLE_FONT);
                text.setPaint(Color.DARK_GRAY);
            }
        }
        return chart;
    }

    /** Background, grid and axis fonts of one XY plot. */
    static void stylePlot(XYPlot plot) {
        plot.setBackgroundPaint(BACKGROUND);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainMinorGridlinePaint(MINOR_GRID);
        plot.setDomainMinorGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            styleAxis(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            styleAxis(plot.getRangeAxis(i));
        }
    }

    static void styleAxis(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
    }
}
