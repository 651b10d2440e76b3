package org.freshears.measure;

import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A short-time Fourier transform of the audio, read into fractional-octave rows: the spectrogram people
 * look at to find where in time and frequency something happens.
 *
 * <p>Each column covers {@code hopFrames} of the audio. Its level is the power mean, over the channels and
 * over the periodic Hann segments that tile the column (one per half window, at least one, each centred in
 * its share of the column), of |FFT|² scaled as {@link SpectrumAnalyzer} scales it, read into rows by
 * {@link SpectrogramRows}: a full-scale sine reads 0 dBFS in its row. Segments near the ends are moved
 * inside the audio rather than padded with zeros, so no column is diluted by silence that is not there; a
 * column analysed inside a longer buffer (a span of the song) uses the audio around it the same way.
 *
 * <p>Bounded: the hop is at least a quarter window and grows with the length so there are never more than
 * {@code maxColumns} columns; memory is columns × rows floats, whatever the length (2000 × 120 floats,
 * under 1 MB, for a two-hour mix). Time is linear in the length: every frame is looked at about twice.
 * Deterministic for a given JVM: columns are independent and each is summed in a fixed order, whichever
 * thread computes it.
 */
public final class SpectrogramAnalyzer {
    public static final int DEFAULT_MAX_COLUMNS = 2000;
    public static final int DEFAULT_ROWS_PER_OCTAVE = 12;
    public static final double DEFAULT_LOW_HZ = 20;
    public static final double DEFAULT_HIGH_HZ = 20_000;
    /** Columns computed by one task: enough to amortise its FFT set-up, few enough to share the work out. */
    private static final int COLUMNS_PER_TASK = 16;

    private final double lowHz;
    private final double highHz;
    private final int rowsPerOctave;
    private final int maxColumns;
    private final int fftSizeAt48k;

    /**
     * 1/12-octave rows from 20 Hz to 20 kHz, at most 2000 columns, and the long-term spectrum's FFT size
     * (8192 at 48 kHz: 5.9 Hz bins, a 171 ms window), scaled with the rate.
     */
    public SpectrogramAnalyzer() {
        this(DEFAULT_LOW_HZ, DEFAULT_HIGH_HZ, DEFAULT_ROWS_PER_OCTAVE, DEFAULT_MAX_COLUMNS,
                SpectrumAnalyzer.DEFAULT_FFT_SIZE_AT_48K);
    }

    private SpectrogramAnalyzer(double lowHz, double highHz, int rowsPerOctave, int maxColumns, int fftSizeAt48k) {
        if (!(lowHz > 0) || !(highHz > lowHz)) {
            throw new IllegalArgumentException("need 0 < lowHz < highHz, got " + lowHz + " and " + highHz);
        }
        if (rowsPerOctave < 1 || rowsPerOctave > 96) {
            throw new IllegalArgumentException("rowsPerOctave must be in [1, 96], got " + rowsPerOctave);
        }
        if (maxColumns < 1) {
            throw new IllegalArgumentException("maxColumns must be >= 1, got " + maxColumns);
        }
        SpectrumWindow.requirePowerOfTwo(fftSizeAt48k);
        this.lowHz = lowHz;
        this.highHz = highHz;
        this.rowsPerOctave = rowsPerOctave;
        this.maxColumns = maxColumns;
        this.fftSizeAt48k = fftSizeAt48k;
    }

    /** Rows covering [lowHz, highHz] (a problem's band with some room around it, say). */
    public SpectrogramAnalyzer band(double lowHz, double highHz) {
        return new SpectrogramAnalyzer(lowHz, highHz, rowsPerOctave, maxColumns, fftSizeAt48k);
    }

    public SpectrogramAnalyzer rowsPerOctave(int rows) {
        return new SpectrogramAnalyzer(lowHz, highHz, rows, maxColumns, fftSizeAt48k);
    }

    public SpectrogramAnalyzer maxColumns(int columns) {
        return new SpectrogramAnalyzer(lowHz, highHz, rowsPerOctave, columns, fftSizeAt48k);
    }

    public SpectrogramAnalyzer fftSizeAt48k(int size) {
        return new SpectrogramAnalyzer(lowHz, highHz, rowsPerOctave, maxColumns, size);
    }

    /** The whole buffer. */
    public Spectrogram analyze(AudioBuffer buffer) {
        return analyze(buffer, 0, buffer.frames());
    }

    /** Frames [fromFrame, toFrame) of the buffer; the audio around them fills windows that reach outside. */
    public Spectrogram analyze(AudioBuffer buffer, int fromFrame, int toFrame) {
        return analyzeTogether(buffer, fromFrame, toFrame, List.of(this)).get(0);
    }

    /**
     * The spectrograms of several analyzers over the same frames, each column transformed once for all of
     * them: they must share the FFT size and the column limit (so their columns are the same segments) and
     * differ only in their rows. Each is the bits it has made alone.
     */
    public static List<Spectrogram> analyzeTogether(AudioBuffer buffer, int fromFrame, int toFrame,
            List<SpectrogramAnalyzer> analyzers) {
        if (fromFrame < 0 || toFrame > buffer.frames() || toFrame <= fromFrame) {
            throw new IllegalArgumentException("frames [" + fromFrame + ", " + toFrame + ") are not inside the "
                    + buffer.frames() + " frames of the audio");
        }
        SpectrogramAnalyzer first = analyzers.get(0);
        for (SpectrogramAnalyzer a : analyzers) {
            if (!a.sameColumnsAs(first)) {
                throw new IllegalArgumentException(a + " does not read the columns of " + first);
            }
        }
        int n = SpectrumWindow.fitToLength(SpectrumWindow.sizeForRate(buffer.sampleRate(), first.fftSizeAt48k),
                buffer.frames());
        SpectrumWindow window = SpectrumWindow.hann(n);
        SpectrogramRows[] rows = new SpectrogramRows[analyzers.size()];
        for (int i = 0; i < rows.length; i++) {
            SpectrogramAnalyzer a = analyzers.get(i);
            rows[i] = SpectrogramRows.of(a.lowHz, Math.min(a.highHz, buffer.sampleRate() / 2.0), a.rowsPerOctave,
                    buffer.sampleRate(), n);
        }
        int frames = toFrame - fromFrame;
        int hop = Math.max(Math.max(1, n / 4), (int) ((frames + (long) first.maxColumns - 1) / first.maxColumns));
        int columns = (int) ((frames + (long) hop - 1) / hop);
        float[][] levels = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            levels[i] = new float[columns * rows[i].count()];
        }
        int tasks = (columns + COLUMNS_PER_TASK - 1) / COLUMNS_PER_TASK;
        ParallelTasks.run(tasks, task -> {
            ColumnReader reader = new ColumnReader(buffer, window);
            int last = Math.min(columns, (task + 1) * COLUMNS_PER_TASK);
            for (int c = task * COLUMNS_PER_TASK; c < last; c++) {
                long start = fromFrame + (long) c * hop;
                double[] power = reader.read(start, Math.min(toFrame, start + hop));
                for (int i = 0; i < rows.length; i++) {
                    for (int r = 0, count = rows[i].count(); r < count; r++) {
                        double p = rows[i].power(r, power);
                        levels[i][c * count + r] = p > 0 ? (float) (10 * Math.log10(p)) : Float.NEGATIVE_INFINITY;
                    }
                }
            }
        });
        List<Spectrogram> spectrograms = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            spectrograms.add(new Spectrogram(buffer.sampleRate(), n, fromFrame, toFrame, hop, columns, rows[i],
                    levels[i]));
        }
        return spectrograms;
    }

    /** Whether this analyzer's columns are another's (the same FFT size and column limit), whatever its rows. */
    public boolean sameColumnsAs(SpectrogramAnalyzer other) {
        return fftSizeAt48k == other.fftSizeAt48k && maxColumns == other.maxColumns;
    }

    @Override
    public String toString() {
        return "SpectrogramAnalyzer[" + lowHz + "-" + highHz + " Hz, 1/" + rowsPerOctave + " octave, at most "
                + maxColumns + " columns, FFT " + fftSizeAt48k + "@48k]";
    }

    /** One task's FFT and scratch arrays, reused for every column it reads. */
    private static final class ColumnReader {
        private final AudioBuffer buffer;
        private final SpectrumWindow window;
        private final DoubleFFT_1D fft;
        private final double[] packed;
        private final double[] power;

        ColumnReader(AudioBuffer buffer, SpectrumWindow window) {
            this.buffer = buffer;
            this.window = window;
            this.fft = SpectrumFft.realTransform(window.size);
            this.packed = new double[window.size];
            this.power = new double[FftPacking.bins(window.size)];
        }

        /** The calibrated power per bin of the column over frames [from, to) (valid until the next read). */
        double[] read(long from, long to) {
            int n = window.size;
            long length = to - from;
            int segments = (int) Math.max(1, Math.round(length / (n / 2.0)));
            java.util.Arrays.fill(power, 0);
            for (int s = 0; s < segments; s++) {
                long centre = from + (2 * s + 1) * length / (2L * segments);
                int start = (int) Math.max(0, Math.min(buffer.frames() - n, centre - n / 2));
                for (int ch = 0; ch < buffer.channels(); ch++) {
                    window.apply(buffer.channel(ch), start, packed);
                    fft.realForward(packed);
                    FftPacking.addPower(packed, n, power);
                }
            }
            // SpectrumAnalyzer's calibration: a bin-centred sine of amplitude A reads A² in its bin (DC and
            // Nyquist have no mirror image); then the mean over segments and channels.
            double count = (double) segments * buffer.channels();
            double interior = 4 / (window.sum * window.sum) / count;
            double edge = 1 / (window.sum * window.sum) / count;
            int last = power.length - 1;
            for (int k = 0; k <= last; k++) {
                power[k] *= k == 0 || k == last ? edge : interior;
            }
            return power;
        }
    }
}
