package org.freshears.measure;

import org.freshears.audio.AudioBuffer;

/**
 * How much energy a frequency band holds, over time or over a span: the measure behind a "problem area"
 * (a time span × a band, e.g. muddy low-mids 180–400 Hz from 0:00 to 0:45).
 *
 * <p><b>Frames.</b> Periodic Hann frames, their size scaled with the rate like {@link SpectrumAnalyzer}'s and
 * shortened for shorter audio. {@link #track} (a chart over time) uses {@value #TRACK_FFT_SIZE_AT_48K} points at
 * 44.1/48 kHz (85 ms at 48 kHz, 11.7 Hz bins), hops by {@value #HOP_SECONDS} s (rounded to whole frames) and
 * reports each frame at its centre. {@link #inSpan} (a figure a check reads) uses the long-term spectrum's
 * {@value #SPAN_FFT_SIZE_AT_48K} points (5.9 Hz bins, so a narrow low band's edges are twice as sharp) and
 * averages 50 %-overlapped frames inside the span (Welch, with one extra frame ending at the span's end when the
 * regular ones stop short): over the whole audio those are the spectrum's own frames, so an analysis reads such
 * bands from the spectrum's transforms ({@link WholeAudio}) instead of transforming every frame again.
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
    public static final String ALGORITHM_VERSION = "hann 4096@48k tracks, 8192@48k spans, fractional-edge bands v2";
    /** A track's frames: 4096 points at 48 kHz, 11.7 Hz bins (a 180–400 Hz band in ~19) at 12 frames/second. */
    public static final int TRACK_FFT_SIZE_AT_48K = 4096;
    /** A span's frames: the long-term spectrum's, 8192 points at 48 kHz (5.9 Hz bins). */
    public static final int SPAN_FFT_SIZE_AT_48K = SpectrumAnalyzer.DEFAULT_FFT_SIZE_AT_48K;
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
        int n = SpectrumWindow.fitToLength(SpectrumWindow.sizeForRate(rate, TRACK_FFT_SIZE_AT_48K), buffer.frames());
        int hop = Math.max(1, (int) Math.round(HOP_SECONDS * rate));
        int points = (buffer.frames() - n) / hop + 1;
        SpectrumWindow window = SpectrumWindow.hann(n);
        int bands = lowHz.length;
        double[][] bandWeights = bandWeights(n, rate, lowHz, highHz);
        double[] times = new double[points];
        double[][] bandDb = new double[bands][points];
        double[][] relativeDb = new double[bands][points];
        int chunks = (points + CHUNK_POINTS - 1) / CHUNK_POINTS;
        ParallelTasks.run(chunks, chunk -> {
            FrameTransforms frame = new FrameTransforms(buffer, window);
            BandReader reader = new BandReader(buffer, window, bandWeights);
            double[] band = new double[bands];
            for (int p = chunk * CHUNK_POINTS; p < Math.min(points, (chunk + 1) * CHUNK_POINTS); p++) {
                int start = p * hop;
                frame.transform(start);
                double all = reader.read(frame, band);
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
        int fromFrame = fromFrame(rate, fromSeconds);
        int toFrame = toFrame(buffer, toSeconds);
        int n = spanFrameSize(rate, toFrame - fromFrame);
        SpectrumWindow window = SpectrumWindow.hann(n);
        double[][] bandWeights = bandWeights(n, rate, lowHz, highHz);
        int[] starts = SpectrumAnalyzer.welchStarts(toFrame - fromFrame, n);
        // Each frame's mean squares at its own index, then summed in the frames' order: the same sums as
        // one thread adding frame after frame.
        FrameLevels frameLevels = new FrameLevels(lowHz.length, starts.length);
        int chunks = (starts.length + CHUNK_POINTS - 1) / CHUNK_POINTS;
        ParallelTasks.run(chunks, chunk -> {
            FrameTransforms frame = new FrameTransforms(buffer, window);
            BandReader reader = new BandReader(buffer, window, bandWeights);
            double[] band = new double[lowHz.length];
            for (int f = chunk * CHUNK_POINTS; f < Math.min(starts.length, (chunk + 1) * CHUNK_POINTS); f++) {
                frame.transform(fromFrame + starts[f]);
                frameLevels.put(f, reader.read(frame, band), band);
            }
        });
        return frameLevels.levels();
    }

    /** Whether a span of these seconds (as {@link #inSpan} rounds them to frames) is the whole of the audio. */
    public static boolean coversWhole(AudioBuffer buffer, double fromSeconds, double toSeconds) {
        return fromFrame(buffer.sampleRate(), fromSeconds) == 0 && toFrame(buffer, toSeconds) == buffer.frames();
    }

    private static int fromFrame(int rate, double fromSeconds) {
        return (int) Math.round(fromSeconds * rate);
    }

    private static int toFrame(AudioBuffer buffer, double toSeconds) {
        return (int) Math.min(buffer.frames(), Math.round(toSeconds * buffer.sampleRate()));
    }

    /** The size of a span's frames: the long-term spectrum's at this rate, fitted to the span. */
    static int spanFrameSize(int rate, int spanFrames) {
        return SpectrumWindow.fitToLength(SpectrumWindow.sizeForRate(rate, SPAN_FFT_SIZE_AT_48K), spanFrames);
    }

    private static double[][] bandWeights(int n, int rate, double[] lowHz, double[] highHz) {
        double[][] weights = new double[lowHz.length][];
        for (int b = 0; b < lowHz.length; b++) {
            weights[b] = binWeights(n, rate, lowHz[b], highHz[b]);
        }
        return weights;
    }

    /**
     * Band levels over the whole of one audio, read from the transforms another analysis makes of it anyway: the
     * long-term spectrum's ({@link SpectrumAnalyzer#analyze(AudioBuffer, WholeAudio)}), whose frames are exactly a
     * whole-audio span's. The levels have the bits {@link #inSpan} gives over the whole audio; a problem area over
     * the whole song (the usual "muddy low-mids, 0:00 to the end") then costs no transform of its own, where it
     * cost as many as the spectrum.
     */
    public static final class WholeAudio {
        private final double[] lowHz;
        private final double[] highHz;
        private BandLevel[] levels;

        public WholeAudio(double[] lowHz, double[] highHz) {
            if (lowHz.length != highHz.length) {
                throw new IllegalArgumentException("as many low edges as high edges, got " + lowHz.length + " and "
                        + highHz.length);
            }
            this.lowHz = lowHz.clone();
            this.highHz = highHz.clone();
        }

        /** The levels, band by band, once measured. */
        public BandLevel[] levels() {
            if (levels == null) {
                throw new IllegalStateException("the whole audio's bands were not measured yet");
            }
            return levels.clone();
        }

        /** Whether frames of size n are this audio's span frames (else {@link #measureAlone}). */
        boolean readableFrom(AudioBuffer buffer, int n) {
            return n == spanFrameSize(buffer.sampleRate(), buffer.frames());
        }

        /** Per-thread readers of frames of size n, and where each frame's levels go. */
        Reading reading(AudioBuffer buffer, SpectrumWindow window, int frames) {
            checkBands(buffer, lowHz, highHz);
            return new Reading(buffer, window, bandWeights(window.size, buffer.sampleRate(), lowHz, highHz),
                    new FrameLevels(lowHz.length, frames));
        }

        /** Measures them with frames of their own, as {@link #inSpan} does. */
        void measureAlone(AudioBuffer buffer) {
            levels = inSpan(buffer, 0, buffer.durationSeconds(), lowHz, highHz);
        }

        void measured(Reading reading) {
            levels = reading.frameLevels.levels();
        }
    }

    /** One analysis's reading of whole-audio bands: the frames' levels, and a reader per thread. */
    static final class Reading {
        private final AudioBuffer buffer;
        private final SpectrumWindow window;
        private final double[][] bandWeights;
        private final FrameLevels frameLevels;

        private Reading(AudioBuffer buffer, SpectrumWindow window, double[][] bandWeights, FrameLevels frameLevels) {
            this.buffer = buffer;
            this.window = window;
            this.bandWeights = bandWeights;
            this.frameLevels = frameLevels;
        }

        int bands() {
            return bandWeights.length;
        }

        /** A reader for one thread. */
        BandReader reader() {
            return new BandReader(buffer, window, bandWeights);
        }

        /** Frame f's levels, as {@link BandReader#read} gave them. */
        void put(int f, double all, double[] bands) {
            frameLevels.put(f, all, bands);
        }
    }

    /** Each frame's band and total mean squares, at the frame's index; summed in the frames' order at the end. */
    private static final class FrameLevels {
        private final double[][] bandOfFrame;
        private final double[] allOfFrame;

        FrameLevels(int bands, int frames) {
            bandOfFrame = new double[bands][frames];
            allOfFrame = new double[frames];
        }

        void put(int f, double all, double[] bands) {
            allOfFrame[f] = all;
            for (int b = 0; b < bands.length; b++) {
                bandOfFrame[b][f] = bands[b];
            }
        }

        BandLevel[] levels() {
            double all = 0;
            for (double frame : allOfFrame) {
                all += frame;
            }
            BandLevel[] levels = new BandLevel[bandOfFrame.length];
            for (int b = 0; b < levels.length; b++) {
                double bandSum = 0;
                for (double frame : bandOfFrame[b]) {
                    bandSum += frame;
                }
                levels[b] = new BandLevel(Levels.powerDb(bandSum / allOfFrame.length), relative(bandSum, all));
            }
            return levels;
        }
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

    /**
     * Reads one frame's bands from its channels' transforms, and its total from their windowed sums of squares (by
     * Parseval, Σ_k c_k|X[k]|² = n·Σ(x·w)²), so only the bins a band reads are worked out. Scratch for one thread.
     */
    static final class BandReader {
        private final int n;
        private final double[] power;
        private final double[][] bandWeights;
        private final int[] firstBin;
        private final int[] lastBin;
        /** The lowest and highest bin any band reads: only their powers are worked out. */
        private final int lowestBin;
        private final int highestBin;
        private final double norm;

        /** @param bandWeights each band's {@link #binWeights} for frames of {@code window}'s size */
        BandReader(AudioBuffer buffer, SpectrumWindow window, double[][] bandWeights) {
            this.n = window.size;
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

        /** The frame's channel-averaged mean squares: each band's into {@code bands}, the total returned. */
        double read(FrameTransforms frame, double[] bands) {
            java.util.Arrays.fill(bands, 0);
            double all = 0;
            double[][] transformed = frame.transformed();
            for (int c = 0; c < transformed.length; c++) {
                all += n * frame.sumOfSquares(c);
                FftPacking.power(transformed[c], n, power, lowestBin, highestBin);
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
