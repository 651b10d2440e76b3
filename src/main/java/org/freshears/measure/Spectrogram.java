package org.freshears.measure;

import java.util.Arrays;

/**
 * Level over time and frequency: a grid of columns (equal stretches of time, {@code hopFrames} each, the
 * first starting at {@link #startSeconds()}) by rows (fractional-octave bands, lowest first), in dBFS,
 * calibrated so a full-scale sine reads 0 dBFS in its row (see {@link SpectrogramRows} and
 * {@link SpectrogramAnalyzer}). Digital silence reads −Infinity. Immutable; its size is bounded by the
 * analyzer's column limit, whatever the length of the audio.
 */
public final class Spectrogram {
    private final int sampleRate;
    private final int fftSize;
    private final long startFrame;
    private final long endFrame;
    private final int hopFrames;
    private final int columns;
    private final double[] rowLowHz;
    private final double[] rowCentreHz;
    private final double[] rowHighHz;
    /** levelsDb[column * rows + row]. */
    private final float[] levelsDb;

    Spectrogram(int sampleRate, int fftSize, long startFrame, long endFrame, int hopFrames, int columns,
            SpectrogramRows rows, float[] levelsDb) {
        this(sampleRate, fftSize, startFrame, endFrame, hopFrames, columns, rows.lowHz.clone(), rows.centreHz.clone(),
                rows.highHz.clone(), levelsDb);
    }

    private Spectrogram(int sampleRate, int fftSize, long startFrame, long endFrame, int hopFrames, int columns,
            double[] rowLowHz, double[] rowCentreHz, double[] rowHighHz, float[] levelsDb) {
        if (levelsDb.length != (long) columns * rowCentreHz.length) {
            throw new IllegalArgumentException(levelsDb.length + " levels for " + columns + " columns of "
                    + rowCentreHz.length + " rows");
        }
        this.sampleRate = sampleRate;
        this.fftSize = fftSize;
        this.startFrame = startFrame;
        this.endFrame = endFrame;
        this.hopFrames = hopFrames;
        this.columns = columns;
        this.rowLowHz = rowLowHz;
        this.rowCentreHz = rowCentreHz;
        this.rowHighHz = rowHighHz;
        this.levelsDb = levelsDb;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** The FFT (and Hann window) length, frames: the time each column's transforms look at. */
    public int fftSize() {
        return fftSize;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rowCentreHz.length;
    }

    /** Frames from one column's start to the next. */
    public int hopFrames() {
        return hopFrames;
    }

    public double hopSeconds() {
        return (double) hopFrames / sampleRate;
    }

    /** Where column 0 starts, seconds from the start of the audio. */
    public double startSeconds() {
        return (double) startFrame / sampleRate;
    }

    /** The end of the analysed audio, seconds (the last column may reach a little past it). */
    public double endSeconds() {
        return (double) endFrame / sampleRate;
    }

    public double columnStartSeconds(int column) {
        return (startFrame + (long) column * hopFrames) / (double) sampleRate;
    }

    public double rowLowHz(int row) {
        return rowLowHz[row];
    }

    public double rowCentreHz(int row) {
        return rowCentreHz[row];
    }

    public double rowHighHz(int row) {
        return rowHighHz[row];
    }

    /** The level of one cell, dBFS (−Infinity for digital silence). */
    public float levelDb(int column, int row) {
        return levelsDb[column * rowCentreHz.length + row];
    }

    /** The row whose band holds {@code hz}, or −1 when none does. */
    public int rowOf(double hz) {
        for (int r = 0; r < rowCentreHz.length; r++) {
            if (hz >= rowLowHz[r] && hz < rowHighHz[r]) {
                return r;
            }
        }
        return -1;
    }

    /** The column whose stretch holds {@code seconds}, or −1 when none does. */
    public int columnOf(double seconds) {
        double offset = seconds * sampleRate - startFrame;
        int column = (int) Math.floor(offset / hopFrames);
        return offset >= 0 && column < columns ? column : -1;
    }

    /** This grid with every level moved by {@code gainDb}: the audio as if played that much louder. */
    public Spectrogram plusDb(double gainDb) {
        float[] moved = new float[levelsDb.length];
        for (int i = 0; i < moved.length; i++) {
            moved[i] = (float) (levelsDb[i] + gainDb);
        }
        return new Spectrogram(sampleRate, fftSize, startFrame, endFrame, hopFrames, columns, rowLowHz, rowCentreHz,
                rowHighHz, moved);
    }

    /** The loudest cell, dBFS (−Infinity when all is silence). */
    public float maxLevelDb() {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : levelsDb) {
            max = Math.max(max, v);
        }
        return max;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Spectrogram[%d columns of %.3f s from %.3f s, %d rows %.1f-%.1f Hz, "
                + "FFT %d, max %.1f dBFS]", columns, hopSeconds(), startSeconds(), rows(), rowLowHz[0],
                rowHighHz[rows() - 1], fftSize, maxLevelDb());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrogram s && s.sampleRate == sampleRate && s.fftSize == fftSize
                && s.startFrame == startFrame && s.endFrame == endFrame && s.hopFrames == hopFrames
                && s.columns == columns && Arrays.equals(s.rowCentreHz, rowCentreHz)
                && Arrays.equals(s.levelsDb, levelsDb);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(levelsDb) * 31 + Long.hashCode(startFrame);
    }
}
