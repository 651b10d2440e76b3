package org.freshears.measure;

import org.freshears.audio.AudioBuffer;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One frame of every channel, Hann-windowed and transformed ({@link FftPacking}'s layout), with each channel's
 * windowed sum of squares: what {@link BandEnergy} reads a frame's bands and total from, and what the long-term
 * spectrum adds up when it reads bands too. Scratch for one thread.
 */
final class FrameTransforms {
    private final AudioBuffer buffer;
    private final SpectrumWindow window;
    private final DoubleFFT_1D fft;
    private final double[][] transformed;
    private final double[] sumsOfSquares;

    FrameTransforms(AudioBuffer buffer, SpectrumWindow window) {
        this.buffer = buffer;
        this.window = window;
        this.fft = SpectrumFft.realTransform(window.size);
        this.transformed = new double[buffer.channels()][window.size];
        this.sumsOfSquares = new double[buffer.channels()];
    }

    /** Windows and transforms the frame at {@code start}. */
    void transform(int start) {
        if (transformed.length == 2) { // both windowed in one pass: two chains of additions side by side, same sums
            window.applyBothSummingSquares(buffer.channel(0), buffer.channel(1), start, transformed[0],
                    transformed[1], sumsOfSquares);
        } else {
            for (int c = 0; c < transformed.length; c++) {
                sumsOfSquares[c] = window.applySummingSquares(buffer.channel(c), start, transformed[c]);
            }
        }
        for (double[] channel : transformed) {
            fft.realForward(channel);
        }
    }

    /** The last frame's transforms, one per channel (live arrays, overwritten by the next {@link #transform}). */
    double[][] transformed() {
        return transformed;
    }

    /** Channel c's windowed sum of squares, Σ(x·w)², of the last frame. */
    double sumOfSquares(int c) {
        return sumsOfSquares[c];
    }
}
