package org.freshears.measure;

import org.freshears.audio.AudioBuffer;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * How much energy a frequency band holds, over time or over a span: the measure behind a "problem area"
 * (a time span × a band, e.g. muddy low-mids 180–400 Hz from 0:00 to 0:45).
 *
 * <p><b>Frames.</b> Periodic Hann frames of {@value #FFT_SIZE_AT_48K} points at 44.1/48 kHz (85 ms at
 * 48 kHz, 11.7 Hz bins; scaled with the rate like {@link SpectrumAnalyzer}, shortened for shorter audio).
 * {@link #track} hops by {@value #HOP_SECONDS} s (rounded to whole frames) and reports each frame at its
 * centre; {@link #inSpan} averages 50 %-overlapped frames inside the span (Welch, with one extra frame
 * ending at the span's end when the regular ones stop short).
 *
 * <p><b>Levels.</b> By Parseval, Σ over one-sided bins of c_k·|X[k]|² / (n·Σw²), with c_k = 2 except at DC
 * and Nyquist, is the mean square of the frame (the Hann window's power divided out). Restricting the sum
 * to the band gives the band's mean square; the band level is its dB, with the RMS convention of
 * {@link Levels} (a full-scale sine in the band reads −3.01 dBFS), and the relative level is band minus
 * whole-spectrum level of the same frame or span, so turning the whole master up does not change it.
 * A span's relative level is a ratio of averages (loud frames weigh more), not an average of ratios.
 *
 * <p><b>Band edges.</b> Bin k stands for [(k−½)Δf, (k+½)Δf] (DC and Nyquist bins for their half inside
 * [0, Nyquist]) and counts with the fraction of that interval inside the band, so levels move smoothly as
 * an edge moves. Hann leakage still spreads a tone about ±2 bins (±23 Hz at 48 kHz) around its frequency.
 *
 * <p><b>Channels.</b> Powers are averaged over channels (the mean, not the sum, so a dual-mono file reads
 * like one of its channels, and nothing cancels as it would in a mid mixdown).
 */
public final class BandEnergy {
    /** Names this measure (frames, band edges, relative level) in a session file; bump it when a reading can move. */
    public static final String ALGORITHM_VERSION = "hann 4096@48k fractional-edge bands v1";
    /** 4096 points at 48 kHz: 11.7 Hz bins resolve a 180–400 Hz band into ~19 bins at 12 frames/second. */
    public static final int FFT_SIZE_AT_48K = 4096;
    /** ~50 ms between points: 20 points a second, finer than any span a listener writes down. */
    public static final double HOP_SECONDS = 0.05;

    private static final int CHUNK_POINTS = 64;

    private BandEnergy() {
    }

    public static BandEnergyTrack track(AudioBuffer buffer, double lowHz, double highHz) {
        return track(buffer, new double[] {lowHz}, new double[] {highHz})[0];
    }

    /**
     * Several bands' tracks of one version (the problem areas' charts), read from the same frames: each
     * frame is transformed once for all of them. Every point is computed on its own and stored at its
     * index, so each track has the bits a band measured alone has, whichever thread computed it.
     */
    public static BandEnergyTrack[] track(AudioBuffer buffer, double[] lowHz, double[] highHz) {
        checkBands(buffer, lowHz, highHz);
        int rate = buffer.sampleRate();
        int n = SpectrumWindow.fitToLength(SpectrumWindow.sizeForRate(rate, FFT_SIZE_AT_48K), buffer.frames());
        int hop = Math.max(1, (int) Math.round(HOP_SECONDS * rate));
        int points = (buffer.frames() - n) / hop + 1;
        SpectrumWindow window = SpectrumWindow.hann(n);
        int bands = lowHz.length;
        double[][] bandWeights = new double[bands][];
        for (int b = 0; b < bands; b++) {
            bandWeights[b] = binWeights(n, rate, lowHz[b], highHz[b]);
        }
        double[] times = new double[points];
        double[][] bandDb = new double[bands][points];
        double[][] relativeDb = new double[bands][points];
        int chunks = (points + CHUNK_POINTS - 1) / CHUNK_POINTS;
        ParallelTasks.run(chunks, chunk -> {
            Frames frames = new Frames(buffer, window, bandWeights);
            double[] band = new double[bands];
            for (int p = chunk * CHUNK_POINTS; p < Math.min(points, (chunk + 1) * CHUNK_POINTS); p++) {
                int start = p * hop;
                double all = frames.meanSquares(start, band);
                times[p] = (start + n / 2.0) / rate;
                for (int b = 0; b < bands; b++) {
                    bandDb[b][p] = Levels.powerDb(band[b]);
                    relativeDb[b][p] = relative(band[b], all);
                }
            }
        });
        BandEnergyTrack[] tracks = new BandEnergyTrack[bands];
        for (int b = 0; b < bands; b++) {
            tracks[b] = new BandEnergyTrack(lowHz[b], highHz[b], n, hop / (double) rate,
                    b == 0 ? times : times.clone(), bandDb[b], relativeDb[b]);
        }
        return tracks;
    }

    public static BandLevel inSpan(AudioBuffer buffer, double fromSeconds, double toSeconds, double lowHz,
            double highHz) {
        return inSpan(buffer, fromSeconds, toSeconds, new double[] {lowHz}, new double[] {highHz})[0];
    }

    /**
     * Several bands of one span (problem areas written over the same stretch), read from the same frames:
     * each frame is transformed once for all of them. Frames are transformed in parallel and summed in
     * order, so each level has the bits a band measured alone has.
     */
    public static BandLevel[] inSpan(AudioBuffer buffer, double fromSeconds, double toSeconds, double[] lowHz,
            double[] highHz) {
        checkBands(buffer, lowHz, highHz);
        double duration = buffer.durationSeconds();
        if (!(fromSeconds >= 0 && fromSeconds < toSeconds && toSeconds <= duration)) {
            throw new IllegalArgumentException("span must satisfy 0 <= from < to <= duration (" + duration
                    + " s), got " + fromSeconds + " to " + toSeconds + " s");
        }
        int rate = buffer.sampleRate();
        int fromFrame = (int) Math.round(fromSeconds * rate);
        int toFrame = (int) Math.min(buffer.frames(), Math.round(toSeconds * rate));
        int n = SpectrumWindow.fitToLength(SpectrumWindow.sizeForRate(rate, FFT_SIZE_AT_48K), toFrame - fromFrame);
        SpectrumWindow window = SpectrumWindow.hann(n);
        int bands = lowHz.length;
        double[][] bandWeights = new double[bands][];
        for (int b = 0; b < bands; b++) {
            bandWeights[b] = binWeights(n, rate, lowHz[b], highHz[b]);
        }
        int[] starts = SpectrumAnalyzer.welchStarts(toFrame - fromFrame, n);
        // Each frame's mean squares at its own index, then summed in the frames' order: the same sums as
        // one thread adding frame after frame.
        double[][] bandOfFrame = new double[bands][starts.length];
        double[] allOfFrame = new double[starts.length];
        int chunks = (starts.length + CHUNK_POINTS - 1) / CHUNK_POINTS;
        ParallelTasks.run(chunks, chunk -> {
            Frames frames = new Frames(buffer, window, bandWeights);
            double[] band = new double[bands];
            for (int f = chunk * CHUNK_POINTS; f < Math.min(starts.length, (chunk + 1) * CHUNK_POINTS); f++) {
                allOfFrame[f] = frames.meanSquares(fromFrame + starts[f], band);
                for (int b = 0; b < bands; b++) {
                    bandOfFrame[b][f] = band[b];
                }
            }
        });
        double all = 0;
        for (double frame : allOfFrame) {
            all += frame;
        }
        BandLevel[] levels = new BandLevel[bands];
        for (int b = 0; b < bands; b++) {
            double bandSum = 0;
            for (double frame : bandOfFrame[b]) {
                bandSum += frame;
            }
            levels[b] = new BandLevel(Levels.powerDb(bandSum / starts.length), relative(bandSum, all));
        }
        return levels;
    }

    private static double relative(double bandMeanSquare, double totalMeanSquare) {
        return totalMeanSquare > 0 && bandMeanSquare > 0 ? 10 * Math.log10(bandMeanSquare / totalMeanSquare)
                : Double.NaN;
    }

    private static void checkBands(AudioBuffer buffer, double[] lowHz, double[] highHz) {
        if (lowHz.length != highHz.length) {
            throw new IllegalArgumentException("as many low edges as high edges, got " + lowHz.length + " and "
                    + highHz.length);
        }
        for (int b = 0; b < lowHz.length; b++) {
            checkBand(buffer, lowHz[b], highHz[b]);
        }
    }

    private static void checkBand(AudioBuffer buffer, double lowHz, double highHz) {
        double nyquist = buffer.sampleRate() / 2.0;
        if (!(lowHz >= 0)) {
            throw new IllegalArgumentException("lowHz must be >= 0, got " + lowHz);
        }
        if (!(highHz > lowHz)) {
            throw new IllegalArgumentException("highHz must be > lowHz (" + lowHz + "), got " + highHz);
        }
        if (!(highHz <= nyquist)) {
            throw new IllegalArgumentException("highHz must be <= Nyquist (" + nyquist + " Hz), got " + highHz);
        }
    }

    /**
     * Per-bin factors that turn |X[k]|² into a mean-square contribution: c_k·(fraction of bin k's interval
     * inside [lowHz, highHz]); the 1/(n·Σw²) of Parseval is applied later, in {@link Frames}.
     */
    static double[] binWeights(int n, int sampleRate, double lowHz, double highHz) {
        int bins = FftPacking.bins(n);
        double binWidth = sampleRate / (double) n;
        double nyquist = sampleRate / 2.0;
        double[] weights = new double[bins];
        for (int k = 0; k < bins; k++) {
            double binLow = Math.max(0, (k - 0.5) * binWidth);
            double binHigh = Math.min(nyquist, (k + 0.5) * binWidth);
            double overlap = Math.min(highHz, binHigh) - Math.max(lowHz, binLow);
            if (overlap > 0) {
                double mirror = k == 0 || k == bins - 1 ? 1 : 2;
                weights[k] = mirror * overlap / (binHigh - binLow);
            }
        }
        return weights;
    }

    /** Scratch for transforming one frame of every channel; one per thread. */
    private static final class Frames {
        private final AudioBuffer buffer;
        private final SpectrumWindow window;
        private final DoubleFFT_1D fft;
        private final double[] packed;
        /** The second channel of a stereo frame, windowed in the same pass as the first, and both sums of squares. */
        private final double[] second;
        private final double[] squares = new double[2];
        private final double[] power;
        private final double[][] bandWeights;
        private final int[] firstBin;
        private final int[] lastBin;
        /** The lowest and highest bin any band reads: only their powers are worked out. */
        private final int lowestBin;
        private final int highestBin;
        private final double norm;

        /** @param bandWeights each band's {@link #binWeights} */
        Frames(AudioBuffer buffer, SpectrumWindow window, double[][] bandWeights) {
            this.buffer = buffer;
            this.window = window;
            this.fft = SpectrumFft.realTransform(window.size);
            this.packed = new double[window.size];
            this.second = buffer.channels() == 2 ? new double[window.size] : null;
            this.power = new double[FftPacking.bins(window.size)];
            this.bandWeights = bandWeights;
            this.firstBin = new int[bandWeights.length];
            this.lastBin = new int[bandWeights.length];
            int lowest = power.length - 1;
            int highest = 0;
            for (int b = 0; b < bandWeights.length; b++) {
                double[] weights = bandWeights[b];
                int first = 0;
                while (first < weights.length - 1 && weights[first] == 0) {
                    first++;
                }
                int last = weights.length - 1;
                while (last > first && weights[last] == 0) {
                    last--;
                }
                firstBin[b] = first;
                lastBin[b] = last;
                lowest = Math.min(lowest, first);
                highest = Math.max(highest, last);
            }
            this.lowestBin = lowest;
            this.highestBin = highest;
            // Parseval over n points, window power divided out, channels averaged.
            this.norm = 1 / (window.size * window.sumOfSquares * buffer.channels());
        }

        /**
         * The channel-averaged mean squares of the frame at {@code start}: each band's into {@code bands},
         * the total returned. The total comes from the windowed samples by Parseval (Σ_k c_k|X[k]|² =
         * n·Σ(x·w)²), so only the bands' bins are read from the spectrum.
         */
        double meanSquares(int start, double[] bands) {
            int n = window.size;
            java.util.Arrays.fill(bands, 0);
            double all = 0;
            int channels = buffer.channels();
            if (channels == 2) { // both windowed at once (each channel's sum of squares unchanged), then in turn
                window.applyBothSummingSquares(buffer.channel(0), buffer.channel(1), start, packed, second, squares);
            }
            for (int c = 0; c < channels; c++) {
                double[] windowed = channels == 2 && c == 1 ? second : packed;
                all += n * (channels == 2 ? squares[c] : window.applySummingSquares(buffer.channel(c), start, packed));
                fft.realForward(windowed);
                FftPacking.power(windowed, n, power, lowestBin, highestBin);
                for (int b = 0; b < bands.length; b++) {
                    double[] weights = bandWeights[b];
                    double band = bands[b];
                    for (int k = firstBin[b]; k <= lastBin[b]; k++) {
                        band += weights[k] * power[k];
                    }
                    bands[b] = band;
                }
            }
            for (int b = 0; b < bands.length; b++) {
                bands[b] *= norm;
            }
            return all * norm;
        }
    }
}
