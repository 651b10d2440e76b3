package org.freshears.plot;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.freshears.io.AtomicFile;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes charts as PNG (for the notebook and quick looks) and SVG (for the report, sharp at any zoom). Files
 * are written to a temporary file in the target folder and moved into place, so a reader never sees half a
 * chart and a failed write leaves the old file, or nothing.
 */
public final class ChartFiles {
    /** Wide enough for a 20 Hz–20 kHz axis with readable labels, and a 2:1 shape that suits time lines. */
    public static final int DEFAULT_WIDTH = 1200;
    public static final int DEFAULT_HEIGHT = 600;


    static {
        Headless.ensure();
    }

    private ChartFiles() {
    }

    public static byte[] pngBytes(JFreeChart chart, int width, int height) throws IOException {
        return pngBytes(chart, width, height, null);
    }

    /**
     * The PNG, its layout (plot and data areas) recorded into {@code layout} when not null: what else needs the
     * chart's geometry at this size (a playhead) reads it there instead of laying the chart out again.
     */
    public static byte[] pngBytes(JFreeChart chart, int width, int height, ChartRenderingInfo layout)
            throws IOException {
        checkSize(width, height);
        BufferedImage image;
        synchronized (chart) { // a chart is drawn by one thread at a time (see draw)
            image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, layout);
        }
        return ChartUtils.encodeAsPNG(image);
    }

    public static byte[] pngBytes(JFreeChart chart) throws IOException {
        return pngBytes(chart, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * A complete SVG document (XML declaration and {@code <svg>} root). Its ids (clip paths, gradients) start
     * with a fixed prefix instead of JFreeSVG's time-based one, so the same chart gives the same text.
     */
    public static String svgText(JFreeChart chart, int width, int height) {
        return draw(chart, width, height, DOCUMENT_ID_PREFIX).getSVGDocument();
    }

    /** The ids' prefix of {@link #svgText}'s documents. */
    public static final String DOCUMENT_ID_PREFIX = "chart-";

    /**
     * The document {@link #svgText} makes of a chart, from the chart's {@code <svg>} element drawn with
     * {@link #DOCUMENT_ID_PREFIX} (JFreeSVG 5's {@code getSVGDocument}: this XML declaration and doctype, the
     * element, a line end), so a chart drawn once as SVG serves both.
     */
    public static String svgDocument(String svgElement) {
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.0//EN\" "
                + "\"http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd\">\n" + svgElement + "\n";
    }

    /**
     * Just the {@code <svg>} element, to inline in an HTML page. Several charts inlined in one page need
     * different {@code idPrefix}es (letters, digits, '-' and '_', starting with a letter), or their clip
     * paths would clash.
     */
    public static String svgElement(JFreeChart chart, int width, int height, String idPrefix) {
        if (idPrefix == null || !idPrefix.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("idPrefix must be a letter then letters, digits, '-' or '_', got "
                    + idPrefix);
        }
        return draw(chart, width, height, idPrefix).getSVGElement();
    }

    private static SVGGraphics2D draw(JFreeChart chart, int width, int height, String idPrefix) {
        checkSize(width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix);
        // JFreeChart keeps drawing state in the chart (its plot's and renderers' passes): a run writes its chart
        // files on one thread while the report draws on another, so one chart is drawn by one at a time.
        synchronized (chart) {
            chart.draw(g, new Rectangle(0, 0, width, height));
        }
        return g;
    }

    public static Path writePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        return writeAtomically(file, pngBytes(chart, width, height));
    }

    public static Path writePng(JFreeChart chart, Path file) throws IOException {
        return writePng(chart, file, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    public static Path writeSvg(JFreeChart chart, Path file, int width, int height) throws IOException {
        return writeAtomically(file, svgText(chart, width, height).getBytes(StandardCharsets.UTF_8));
    }

    public static Path writeSvg(JFreeChart chart, Path file) throws IOException {
        return writeSvg(chart, file, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    private static Path writeAtomically(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        AtomicFile.write(target, bytes);
        return target;
    }

    private static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("chart size must be positive, got " + width + "x" + height);
        }
    }
}
