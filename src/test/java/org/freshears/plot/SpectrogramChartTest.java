package org.freshears.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.freshears.audio.AudioBuffer;
import org.freshears.checklist.Band;
import org.freshears.checklist.ListenNote;
import org.freshears.checklist.Section;
import org.freshears.checklist.TimeSpan;
import org.freshears.measure.Spectrogram;
import org.freshears.measure.SpectrogramAnalyzer;
import org.freshears.testing.Signals;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spectrogram heat map: the grid as one image, a dBFS colour bar, marks, small files. */
class SpectrogramChartTest {
    private static final int RATE = 48_000;

    /** Pink noise with a -12 dBFS 2 kHz tone from 2 s to 4 s. */
    private static AudioBuffer toneInNoise() {
        AudioBuffer audio = Signals.pinkNoise(2, RATE, 8 * RATE, 0.05, 3);
        AudioBuffer tone = Signals.sine(2, RATE, 2, 2_000, -12);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < tone.frames(); i++) {
                audio.channel(c)[2 * RATE + i] += tone.channel(c)[i];
            }
        }
        return audio;
    }

    @Test
    void magmaRunsFromBlackToPaleYellowAndClampsOutsideItsRange() {
        MagmaScale scale = new MagmaScale(-90, 0);
        assertEquals(0x000004, scale.rgb(-90));
        assertEquals(0x000004, scale.rgb(Double.NEGATIVE_INFINITY), "silence is the darkest colour");
        assertEquals(0x000004, scale.rgb(Double.NaN));
        assertEquals(0xFCFDBF, scale.rgb(0));
        assertEquals(0xFCFDBF, scale.rgb(6));
        assertEquals(0xB73779, scale.rgb(-90 + 90 * 128 / 255.0), "a table stop is met exactly");
        // Lightness rises all the way (what makes louder look brighter, also in greyscale).
        double previous = -1;
        for (int db = -90; db <= 0; db++) {
            int rgb = scale.rgb(db);
            double luma = 0.2126 * (rgb >> 16) + 0.7152 * (rgb >> 8 & 0xFF) + 0.0722 * (rgb & 0xFF);
            assertTrue(luma >= previous - 0.5, db + " dB: " + luma + " after " + previous);
            previous = luma;
        }
    }

    @Test
    void theGridIsOneImageUnderTheMarksWithAColourBar() throws Exception {
        Spectrogram s = new SpectrogramAnalyzer().analyze(toneInNoise());
        JFreeChart chart = Charts.spectrogram("The mix: spectrogram", s,
                List.of(new Section("chorus", TimeSpan.of("0:02", "0:04"))),
                List.of(ListenNote.at(5, "hiss"), ListenNote.pass("headphones")));
        XYPlot plot = (XYPlot) chart.getPlot();
        BufferedImage image = (BufferedImage) plot.getBackgroundImage();
        assertEquals(s.columns(), image.getWidth(), "8 s: fewer columns than the image may have");
        assertEquals(s.rows(), image.getHeight());
        // The tone's cell (2 kHz at 3 s) is the brightest colour: -12 dBFS sits at the top of the -100..-10 scale.
        PaintScaleLegend legend = chart.getSubtitles().stream().filter(PaintScaleLegend.class::isInstance)
                .map(PaintScaleLegend.class::cast).findFirst().orElseThrow();
        assertEquals(-10, legend.getScale().getUpperBound(), 0);
        assertEquals(-100, legend.getScale().getLowerBound(), 0);
        assertEquals("Level (dBFS)", legend.getAxis().getLabel());
        int toneRgb = image.getRGB(s.columnOf(3), s.rows() - 1 - s.rowOf(2_000)) & 0xFFFFFF;
        assertEquals(((MagmaScale) legend.getScale()).rgb(s.levelDb(s.columnOf(3), s.rowOf(2_000))), toneRgb);
        int quietRgb = image.getRGB(s.columnOf(6), s.rows() - 1 - s.rowOf(2_000)) & 0xFFFFFF;
        assertTrue(brightness(toneRgb) > brightness(quietRgb) + 100, "the tone stands out");
        // Axes span the grid exactly, so the image lines up with them.
        assertEquals(s.rowLowHz(0), plot.getRangeAxis().getLowerBound(), 1e-9);
        assertEquals(s.rowHighHz(s.rows() - 1), plot.getRangeAxis().getUpperBound(), 1e-9);
        assertEquals(s.columnStartSeconds(s.columns()), plot.getDomainAxis().getUpperBound(), 1e-9);
        // The section and the timed note are marked over the map (the pass note has no time).
        assertEquals(2, plot.getDomainMarkers(Layer.FOREGROUND).size());
    }

    @Test
    void marksAreDrawnOverTheMap() {
        // Near-silence: a black map, on which a note's white line must show (XYPlot draws markers only
        // for a plot with a dataset: without one the marks were silently left out).
        AudioBuffer quiet = Signals.noise(2, RATE, 8 * RATE, 1e-6, 5);
        AudioBuffer tone = Signals.sine(2, RATE, 1, 100, -6); // sets the top of the colour scale: 0 dBFS
        for (int c = 0; c < 2; c++) {
            System.arraycopy(tone.channel(c), 0, quiet.channel(c), 0, tone.frames());
        }
        Spectrogram s = new SpectrogramAnalyzer().analyze(quiet);
        JFreeChart chart = Charts.spectrogram("quiet", s, List.of(), List.of(ListenNote.at(4, "here")));
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        BufferedImage png = chart.createBufferedImage(ChartFiles.DEFAULT_WIDTH, ChartFiles.DEFAULT_HEIGHT,
                BufferedImage.TYPE_INT_RGB, info);
        java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = (XYPlot) chart.getPlot();
        int x = (int) Math.round(plot.getDomainAxis().valueToJava2D(4, area, plot.getDomainAxisEdge()));
        int y = (int) area.getCenterY();
        int brightest = 0;
        for (int dx = -1; dx <= 1; dx++) { // the 1.6 px line is anti-aliased across neighbouring pixels
            for (int dy = -10; dy <= 10; dy++) {
                brightest = Math.max(brightest, brightness(png.getRGB(x + dx, y + dy) & 0xFFFFFF));
            }
        }
        assertTrue(brightest > 400, "the note's line at 4 s: " + brightest);
        assertTrue(brightness(png.getRGB(x - 40, y) & 0xFFFFFF) < 60, "the map beside it is dark");
    }

    @Test
    void aLongGridIsPowerAveragedIntoTheImageWidth() {
        Spectrogram s = new SpectrogramAnalyzer().maxColumns(2_000).analyze(Signals.sine(1, 8_000, 400, 1_000, -20));
        assertEquals(2_000, s.columns());
        BufferedImage image = SpectrogramChart.image(s, new MagmaScale(-110, -20));
        assertEquals(SpectrogramChart.MAX_IMAGE_COLUMNS, image.getWidth());
        assertEquals(0xFCFDBF, image.getRGB(600, s.rows() - 1 - s.rowOf(1_000)) & 0xFFFFFF, "-20 dBFS at the top");
    }

    @Test
    void aProblemIsShownMixAboveMasterOnOneScaleWithItsBox(@TempDir Path dir) throws Exception {
        AudioBuffer mix = toneInNoise();
        AudioBuffer master = mix.copy();
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < master.frames(); i++) {
                master.channel(c)[i] *= 0.5f;
            }
        }
        SpectrogramAnalyzer zoom = new SpectrogramAnalyzer().band(1_000, 4_000).rowsPerOctave(24);
        Spectrogram before = zoom.analyze(mix, RATE, 5 * RATE);
        Spectrogram after = zoom.analyze(master, RATE, 5 * RATE);
        JFreeChart chart = Charts.problemSpectrogram("Problem 'whistle'", List.of("Mix", "Master"),
                List.of(before, after), "whistle", TimeSpan.of("0:02", "0:04"), new Band(1_800, 2_200));
        CombinedDomainXYPlot plot = assertInstanceOf(CombinedDomainXYPlot.class, chart.getPlot());
        assertEquals(2, plot.getSubplots().size());
        XYPlot top = (XYPlot) plot.getSubplots().get(0);
        assertEquals("Mix: frequency (Hz)", top.getRangeAxis().getLabel());
        assertEquals(2, top.getAnnotations().size(), "the box and its label");
        assertEquals(1.0, plot.getDomainAxis().getLowerBound(), 1e-9);
        // Every whole multiple is labelled on a zoomed axis: 1k, 2k, 3k, 4k.
        assertTrue(top.getRangeAxis().getUpperBound() / top.getRangeAxis().getLowerBound() < 30);

        Path png = ChartFiles.writePng(chart, dir.resolve("p.png"));
        Path svg = ChartFiles.writeSvg(chart, dir.resolve("p.svg"));
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        assertEquals(ChartFiles.DEFAULT_WIDTH, read.getWidth());
        String svgText = Files.readString(svg);
        assertTrue(svgText.contains("<image"), "the grid is one embedded image");
        assertTrue(Files.size(svg) < 400_000, "a compact SVG: " + Files.size(svg) + " bytes");
    }

    @Test
    void aWholeSongChartMakesSmallFiles(@TempDir Path dir) throws Exception {
        Spectrogram s = new SpectrogramAnalyzer().analyze(toneInNoise());
        JFreeChart chart = Charts.spectrogram("The mix: spectrogram", s, List.of(), List.of());
        Path svg = ChartFiles.writeSvg(chart, dir.resolve("s.svg"));
        Path png = ChartFiles.writePng(chart, dir.resolve("s.png"));
        assertTrue(Files.size(svg) < 600_000, "SVG " + Files.size(svg) + " bytes");
        assertTrue(Files.size(png) > 10_000, "PNG " + Files.size(png) + " bytes");
    }

    private static int brightness(int rgb) {
        return (rgb >> 16) + (rgb >> 8 & 0xFF) + (rgb & 0xFF);
    }
}
