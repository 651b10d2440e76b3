package org.freshears.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * The "magma" colour map (black through purple and orange to pale yellow) over a range of levels: perceptually
 * uniform and rising steadily in lightness, so louder always looks brighter, for colour-blind readers too
 * and in greyscale print. The 17 stops are every 16th entry (and the last) of the 256-entry table by
 * Nathaniel J. Smith and Stéfan van der Walt (github.com/BIDS/colormap, CC0), interpolated linearly in
 * sRGB between them: no channel differs from the full table by more than 3 of 255, which no eye can tell.
 */
final class MagmaScale implements PaintScale {
    private static final int[] STOPS_RGB = {0x000004, 0x0A0822, 0x1D1147, 0x36106B, 0x51127C, 0x6A1C81, 0x832681,
        0x9C2E7F, 0xB73779, 0xD0416F, 0xE75263, 0xF56B5C, 0xFC8961, 0xFEA772, 0xFEC488, 0xFDE2A3, 0xFCFDBF};
    /** The table entry (of 0 … 255) each stop was taken from. */
    private static final int[] STOP_INDEX = {0, 16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240,
        255};

    private final double lowerBound;
    private final double upperBound;

    MagmaScale(double lowerBound, double upperBound) {
        if (!(upperBound > lowerBound)) {
            throw new IllegalArgumentException("need lower < upper, got " + lowerBound + " and " + upperBound);
        }
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
    }

    @Override
    public double getLowerBound() {
        return lowerBound;
    }

    @Override
    public double getUpperBound() {
        return upperBound;
    }

    @Override
    public Paint getPaint(double value) {
        return new Color(rgb(value));
    }

    /** The colour of a level as 0xRRGGBB; below the range (and −Infinity, NaN) is the darkest colour. */
    int rgb(double value) {
        double t = (value - lowerBound) / (upperBound - lowerBound);
        if (!(t > 0)) {
            return STOPS_RGB[0];
        }
        if (t >= 1) {
            return STOPS_RGB[STOPS_RGB.length - 1];
        }
        double index = t * 255;
        int s = 0;
        while (STOP_INDEX[s + 1] < index) {
            s++;
        }
        double f = (index - STOP_INDEX[s]) / (STOP_INDEX[s + 1] - STOP_INDEX[s]);
        int a = STOPS_RGB[s];
        int b = STOPS_RGB[s + 1];
        return mix(a >> 16, b >> 16, f) << 16 | mix(a >> 8 & 0xFF, b >> 8 & 0xFF, f) << 8 | mix(a & 0xFF, b & 0xFF, f);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MagmaScale m && m.lowerBound == lowerBound && m.upperBound == upperBound;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lowerBound) * 31 + Double.hashCode(upperBound);
    }
}
