package org.freshears.measure;

/**
 * A periodic ("DFT-even") Hann window, w[i] = 0.5 − 0.5·cos(2πi/n), and the FFT-size rules shared by
 * {@link SpectrumAnalyzer} and {@link BandEnergy}. The periodic form is the one whose DFT has exactly three
 * non-zero lines, so its coherent gain (Σw = n/2), noise bandwidth (1.5 bins) and scalloping loss
 * (1.42 dB) are the textbook values (F. J. Harris, "On the use of windows for harmonic analysis with the
 * discrete Fourier transform", Proc. IEEE 66(1), 1978, table I).
 */
final class SpectrumWindow {
    final int size;
    final double[] weights;
    /** Σw: the coherent gain times n; a bin-centred sine of amplitude A gives |X[k]| = A·Σw/2. */
    final double sum;
    /** Σw²: a white noise of variance σ² gives E|X[k]|² = σ²·Σw². */
    final double sumOfSquares;

    private SpectrumWindow(int size) {
        this.size = size;
        this.weights = new double[size];
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < size; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
            weights[i] = w;
            s += w;
            s2 += w * w;
        }
        this.sum = s;
        this.sumOfSquares = s2;
    }

    static SpectrumWindow hann(int size) {
        FftPacking.checkSize(size);
        return new SpectrumWindow(size);
    }

    /** dst[i] = src[from + i]·w[i]. */
    void apply(float[] src, int from, double[] dst) {
        for (int i = 0; i < size; i++) {
            dst[i] = src[from + i] * weights[i];
        }
    }

    /** As {@link #apply}, returning Σ dst[i]² (summed in index order, as a separate loop over dst would). */
    double applySummingSquares(float[] src, int from, double[] dst) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double v = src[from + i] * weights[i];
            dst[i] = v;
            sum += v * v;
        }
        return sum;
    }

    /**
     * {@link #applySummingSquares} of two channels in one pass, the sums into {@code sums[0]} and {@code sums[1]}:
     * the same values, and half the time, since each sum is a chain of dependent additions (kept in index order,
     * so the bits do not change) and two chains run side by side.
     */
    void applyBothSummingSquares(float[] a, float[] b, int from, double[] da, double[] db, double[] sums) {
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < size; i++) {
            double w = weights[i];
            double u = a[from + i] * w;
            double v = b[from + i] * w;
            da[i] = u;
            db[i] = v;
            sumA += u * u;
            sumB += v * v;
        }
        sums[0] = sumA;
        sums[1] = sumB;
    }

    /**
     * The FFT size that keeps the bin spacing of {@code sizeAt48k} at 48 kHz: the smallest power of two n
     * with rate/n ≤ 48000/sizeAt48k. So 8192 serves 44.1 and 48 kHz (5.38 and 5.86 Hz), 16384 serves
     * 88.2 and 96 kHz, 4096 serves 22.05 and 24 kHz.
     */
    static int sizeForRate(int sampleRate, int sizeAt48k) {
        requirePowerOfTwo(sizeAt48k);
        long n = sizeAt48k;
        while (n > 2 && (long) sampleRate * sizeAt48k <= 48000L * (n / 2)) {
            n /= 2;
        }
        while ((long) sampleRate * sizeAt48k > 48000L * n) {
            n *= 2;
        }
        if (n > 1 << 24) {
            throw new IllegalArgumentException("FFT size for " + sampleRate + " Hz would exceed 2^24");
        }
        return (int) n;
    }

    /**
     * The size actually used on {@code frames} of audio: {@code size}, or the largest power of two that
     * fits when the audio is shorter (a shorter frame keeps the calibration exact; zero-padding would not).
     */
    static int fitToLength(int size, int frames) {
        if (frames < 2) {
            throw new IllegalArgumentException("need at least 2 frames of audio for a spectrum, got " + frames);
        }
        int n = size;
        while (n > frames) {
            n /= 2;
        }
        return n;
    }

    static void requirePowerOfTwo(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 2, got " + n);
        }
    }
}
