package org.freshears.measure;

import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.Speaker;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Long-term average spectrum by Welch's method (P. D. Welch, "The use of fast Fourier transform for the
 * estimation of power spectra", IEEE Trans. Audio Electroacoust. 15(2), 1967): periodic Hann segments with
 * 50 % overlap, |FFT|² averaged over all segments. Segments start at 0, n/2, n, …; when they stop short of
 * the end, one more segment aligned to the last sample covers the tail. No mean is removed (DC is content).
 * Buffers shorter than the FFT size are analysed with the largest power of two that fits.
 *
 * <p>Series: every channel, and for a two-channel buffer also mid (L + R)/2 and side (L − R)/2.
 *
 * <p><b>Scaling (amplitude calibration).</b> A bin-centred sine of peak amplitude A gives
 * |X[k]| = A·Σw/2, so each bin's level is 10·log10(mean|X[k]|² · 4/(Σw)²) and a full-scale sine reads
 * 0 dBFS at its peak bin (the Hann coherent gain Σw/n = 0.5 is divided out). DC and Nyquist bins have no
 * mirror image and use 1/(Σw)², so a constant c reads 20·log10|c|. A sine between bins reads up to
 * 1.42 dB low (Hann scalloping loss); it is not corrected. The same factor is applied to noise, without a
 * noise-bandwidth correction: each bin then reads the noise power inside its 1.5-bin equivalent noise
 * bandwidth, times 2 (the power of a sine is A²/2). For white noise of variance σ² this is
 * E[level] = σ²·Σw²·4/(Σw)² = 6σ²/n (using Σw = n/2, Σw² = 3n/8) — flat, and 10·log10(n/6) dB below the
 * noise's own RMS level. So a sine's reading does not depend on n, a noise's drops 3 dB per doubling of n:
 * compare noise floors only between spectra of the same FFT size.
 *
 * <p>Determinism: segments are summed in fixed chunks of {@value #CHUNK_SEGMENTS} in time order, and the chunk
 * sums are added in order, so the result does not depend on how many threads ran. JTransforms computes its
 * twiddles with {@code Math.sin/cos}, so the last bits may differ between JVMs; this is a measurement,
 * never part of a rendered (hashed) output.
 */
public final class SpectrumAnalyzer {
    /** Names this analysis (Welch, Hann, FFT size, scaling) in a session file; bump it when a reading can move. */
    public static final String ALGORITHM_VERSION = "welch hann 50% 8192@48k v1";
    /** 8192 points at 48 kHz: 5.86 Hz bins, enough to split the lowest octave (20–40 Hz) into ~3 bins. */
    public static final int DEFAULT_FFT_SIZE_AT_48K = 8192;

    static final int CHUNK_SEGMENTS = 64;

    private final int fftSizeAt48k;
    private final boolean fixedSize;

    /** FFT size 8192 at 44.1/48 kHz, scaled with the rate so the bin spacing stays ~5.9 Hz. */
    public SpectrumAnalyzer() {
        this(DEFAULT_FFT_SIZE_AT_48K, false);
    }

    private SpectrumAnalyzer(int fftSize, boolean fixedSize) {
        SpectrumWindow.requirePowerOfTwo(fftSize);
        this.fftSizeAt48k = fftSize;
        this.fixedSize = fixedSize;
    }

    /** The same FFT size at every sample rate. */
    public static SpectrumAnalyzer withFftSize(int fftSize) {
        return new SpectrumAnalyzer(fftSize, true);
    }

    /** An FFT size for 48 kHz, scaled with the rate to keep its bin spacing. */
    public static SpectrumAnalyzer withFftSizeAt48k(int fftSizeAt48k) {
        return new SpectrumAnalyzer(fftSizeAt48k, false);
    }

    /** The FFT size used at a sample rate (before shortening for a buffer shorter than it). */
    public int fftSizeFor(int sampleRate) {
        return fixedSize ? fftSizeAt48k : SpectrumWindow.sizeForRate(sampleRate, fftSizeAt48k);
    }

    @Override
    public String toString() {
        return fixedSize ? "SpectrumAnalyzer[fftSize=" + fftSizeAt48k + "]"
                : "SpectrumAnalyzer[fftSizeAt48k=" + fftSizeAt48k + "]";
    }

    public Spectrum analyze(AudioBuffer buffer) {
        return analyze(buffer, null);
    }

    /**
     * The spectrum, and the whole audio's band levels {@code bands} asks for (null: none), read from the same
     * transforms when its frames are a whole-audio span's (the default size), else measured by themselves after.
     * The spectrum has the same bits either way.
     */
    public Spectrum analyze(AudioBuffer buffer, BandEnergy.WholeAudio bands) {
        int frames = buffer.frames();
        int n = SpectrumWindow.fitToLength(fftSizeFor(buffer.sampleRate()), frames);
        SpectrumWindow window = SpectrumWindow.hann(n);
        int[] starts = welchStarts(frames, n);
        boolean midSide = buffer.channels() == 2;
        int channels = buffer.channels();
        int series = channels + (midSide ? 2 : 0);
        int bins = FftPacking.bins(n);

        int chunks = (starts.length + CHUNK_SEGMENTS - 1) / CHUNK_SEGMENTS;
        boolean readBands = bands != null && bands.readableFrom(buffer, n);
        BandEnergy.Reading reading = readBands ? bands.reading(buffer, window, starts.length) : null;
        // On the meters' own pool, as the other analyses, not the common fork-join pool, which the listening
        // files' FLAC encoder may keep busy while a step is measured.
        double[][][] partial = new double[chunks][][];
        ParallelTasks.run(chunks, chunk -> partial[chunk] = chunkPower(buffer, window, starts, chunk * CHUNK_SEGMENTS,
                Math.min(starts.length, (chunk + 1) * CHUNK_SEGMENTS), series, midSide, reading));
        List<double[][]> partials = List.of(partial);
        if (readBands) {
            bands.measured(reading);
        } else if (bands != null) {
            bands.measureAlone(buffer);
        }

        return calibrated(partials, series, bins, window, starts.length, buffer.sampleRate(), n,
                seriesNames(buffer, midSide));
    }

    /**
     * The spectrum of power sums per series and bin: the chunks' partial sums added in chunk order (so the
     * result does not depend on threads), averaged over the segments and calibrated as the class comment
     * says. The long-term spectrum and {@link SpectrumTrackAnalyzer}'s share it.
     */
    static Spectrum calibrated(List<double[][]> partials, int series, int bins, SpectrumWindow window, int segments,
            int sampleRate, int n, List<String> seriesNames) {
        double[][] power = new double[series][bins];
        for (double[][] partial : partials) {
            for (int s = 0; s < series; s++) {
                for (int k = 0; k < bins; k++) {
                    power[s][k] += partial[s][k];
                }
            }
        }
        double interior = 4 / (window.sum * window.sum) / segments;
        double edge = 1 / (window.sum * window.sum) / segments;
        double[][] levels = new double[series][bins];
        for (int s = 0; s < series; s++) {
            for (int k = 0; k < bins; k++) {
                double scale = k == 0 || k == bins - 1 ? edge : interior;
                levels[s][k] = Levels.powerDb(power[s][k] * scale);
            }
        }
        double[] freqs = new double[bins];
        for (int k = 0; k < bins; k++) {
            freqs[k] = k * (double) sampleRate / n;
        }
        return new Spectrum(sampleRate, n, segments, seriesNames, freqs, levels);
    }

    /** Segment starts: 0, n/2, n, … while a segment fits, plus one segment ending at the last sample if needed. */
    static int[] welchStarts(int frames, int n) {
        int hop = n / 2;
        int regular = (frames - n) / hop + 1;
        int last = (regular - 1) * hop;
        boolean tail = last + n < frames;
        int[] starts = new int[regular + (tail ? 1 : 0)];
        for (int i = 0; i < regular; i++) {
            starts[i] = i * hop;
        }
        if (tail) {
            starts[regular] = frames - n;
        }
        return starts;
    }

    /** @param reading whole-audio bands to read from each segment's transforms (null: none) */
    private static double[][] chunkPower(AudioBuffer buffer, SpectrumWindow window, int[] starts, int from, int to,
            int series, boolean midSide, BandEnergy.Reading reading) {
        int n = window.size;
        int channels = buffer.channels();
        double[][] sum = new double[series][FftPacking.bins(n)];
        // Reading bands, each frame is windowed with its sums of squares (the bands' total) and transformed by
        // FrameTransforms, as BandEnergy transforms it: the same transforms, so the bands' bits.
        FrameTransforms frame = reading == null ? null : new FrameTransforms(buffer, window);
        BandEnergy.BandReader bandReader = reading == null ? null : reading.reader();
        double[] bands = reading == null ? null : new double[reading.bands()];
        double[][] packed = frame == null ? new double[channels][n] : frame.transformed();
        DoubleFFT_1D fft = frame == null ? SpectrumFft.realTransform(n) : null;
        for (int seg = from; seg < to; seg++) {
            if (frame == null) {
                for (int c = 0; c < channels; c++) {
                    window.apply(buffer.channel(c), starts[seg], packed[c]);
                    fft.realForward(packed[c]);
                }
            } else {
                frame.transform(starts[seg]);
                reading.put(seg, bandReader.read(frame, bands), bands);
            }
            if (midSide) { // both channels' power and mid/side in one pass over the two transforms
                FftPacking.addStereoPower(packed[0], packed[1], n, sum[0], sum[1], sum[2], sum[3]);
            } else {
                for (int c = 0; c < channels; c++) {
                    FftPacking.addPower(packed[c], n, sum[c]);
                }
            }
        }
        return sum;
    }

    /** Channel series are named after their speaker (unique names only), then "MID" and "SIDE". */
    static List<String> seriesNames(AudioBuffer buffer, boolean midSide) {
        List<String> names = new ArrayList<>();
        List<Speaker> speakers = buffer.layout().speakers();
        for (int c = 0; c < buffer.channels(); c++) {
            Speaker s = speakers.get(c);
            boolean unique = s != Speaker.UNASSIGNED && speakers.indexOf(s) == speakers.lastIndexOf(s);
            names.add(unique ? s.name() : "CHANNEL_" + (c + 1));
        }
        if (midSide) {
            names.add(Spectrum.MID);
            names.add(Spectrum.SIDE);
        }
        return names;
    }
}
