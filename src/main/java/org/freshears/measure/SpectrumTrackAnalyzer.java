package org.freshears.measure;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.freshears.audio.AudioBuffer;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One pass of FFTs that gives both the long-term spectrum and a {@link SpectrumTrack}: fractional-octave band
 * powers per time window. A segment counts in the window its centre falls in. The segments, window, scaling and
 * sums are {@link SpectrumAnalyzer}'s (same FFT size, periodic Hann, the same calibration), except that they
 * do not overlap: a first listen reads band levels over seconds, where half-overlapping segments add no
 * information worth their cost (they would double the FFTs, the costliest part of {@code listen}). The long-term
 * levels are the same estimate with a little more variance. Memory: a few numbers per segment and band, never a
 * copy of the audio.
 */
public final class SpectrumTrackAnalyzer {
    private final int bandsPerOctave;
    private final double windowSeconds;

    public SpectrumTrackAnalyzer(int bandsPerOctave, double windowSeconds) {
        if (bandsPerOctave < 1) {
            throw new IllegalArgumentException("bandsPerOctave must be >= 1, got " + bandsPerOctave);
        }
        if (!(windowSeconds > 0)) {
            throw new IllegalArgumentException("windowSeconds must be > 0, got " + windowSeconds);
        }
        this.bandsPerOctave = bandsPerOctave;
        this.windowSeconds = windowSeconds;
    }

    public SpectrumTrack analyze(AudioBuffer buffer) {
        return analyze(buffer, null);
    }

    /**
     * As {@link #analyze(AudioBuffer)}, on a buffer still being filled in frame order: before reading frames
     * [0, end) it calls {@code awaitFrames.accept(end)}, which returns once they are there (or throws to give
     * up). The transforms then run in time order on this thread, beside the work that fills the buffer; the
     * result is the same bits.
     */
    public SpectrumTrack analyze(AudioBuffer buffer, IntConsumer awaitFrames) {
        int frames = buffer.frames();
        int rate = buffer.sampleRate();
        int n = SpectrumWindow.fitToLength(new SpectrumAnalyzer().fftSizeFor(rate), frames);
        SpectrumWindow window = SpectrumWindow.hann(n);
        int[] starts = adjacentStarts(frames, n);
        boolean midSide = buffer.channels() == 2;
        int series = buffer.channels() + (midSide ? 2 : 0);
        int bins = FftPacking.bins(n);
        FractionalOctaveBands bands = FractionalOctaveBands.covering(bandsPerOctave, rate);
        int[] bandOfBin = bands.bandOfBin(n, rate);
        double topHz = Math.min(Spectrum.GRID_HIGH_HZ, rate / 2.0);
        int firstBin = (int) Math.ceil(Spectrum.GRID_LOW_HZ * n / (double) rate);
        int lastBin = (int) Math.min(bins - 1, Math.floor(topHz * n / (double) rate));
        double[] loudnessWeight = loudnessWeights(bins, n, rate);
        double channelWeightSum = java.util.Arrays.stream(ChannelWeights.of(buffer.layout())).sum();

        // Per segment: band powers then the total in the last slot.
        double[][] segmentPower = new double[starts.length][];
        int chunks = (starts.length + SpectrumAnalyzer.CHUNK_SEGMENTS - 1) / SpectrumAnalyzer.CHUNK_SEGMENTS;
        IntFunction<double[][]> chunkPower = chunk -> {
            int from = chunk * SpectrumAnalyzer.CHUNK_SEGMENTS;
            int to = Math.min(starts.length, (chunk + 1) * SpectrumAnalyzer.CHUNK_SEGMENTS);
            if (awaitFrames != null) {
                awaitFrames.accept(starts[to - 1] + n);
            }
            return chunk(buffer, window, starts, from, to, series, midSide, bandOfBin, bands.count(), firstBin,
                    lastBin, loudnessWeight, segmentPower);
        };
        IntStream chunkIndices = IntStream.range(0, chunks);
        List<double[][]> partials = (awaitFrames == null ? chunkIndices.parallel() : chunkIndices)
                .mapToObj(chunkPower).toList();
        Spectrum spectrum = SpectrumAnalyzer.calibrated(partials, series, bins, window, starts.length, rate, n,
                SpectrumAnalyzer.seriesNames(buffer, midSide));
        double[] bandLoudnessWeight = new double[bands.count()];
        int[] binsOfBand = new int[bands.count()];
        for (int k = firstBin; k <= lastBin; k++) {
            if (bandOfBin[k] >= 0) {
                bandLoudnessWeight[bandOfBin[k]] += loudnessWeight[k];
                binsOfBand[bandOfBin[k]]++;
            }
        }
        for (int b = 0; b < bandLoudnessWeight.length; b++) {
            bandLoudnessWeight[b] = binsOfBand[b] == 0 ? 0 : bandLoudnessWeight[b] / binsOfBand[b];
        }
        return windows(spectrum, bands, starts, n, rate, frames, segmentPower, bandLoudnessWeight, channelWeightSum);
    }

    /**
     * |K(f)|² at every bin, the power gain of the BS.1770-4 K-weighting (shelf and RLB high-pass, as the meter
     * filters), so a segment's K-weighted mean square, and from it a loudness, is read off its spectrum.
     */
    static double[] loudnessWeights(int bins, int n, int rate) {
        var shelf = KWeighting.shelf(rate);
        var highPass = KWeighting.highPass(rate);
        double[] weight = new double[bins];
        for (int k = 0; k < bins; k++) {
            double hz = k * (double) rate / n;
            double gain = shelf.magnitudeAt(hz, rate) * highPass.magnitudeAt(hz, rate);
            weight[k] = gain * gain;
        }
        return weight;
    }

    /** Segment starts 0, n, 2n, … while a segment fits, plus one ending at the last sample if needed. */
    static int[] adjacentStarts(int frames, int n) {
        int regular = frames / n;
        boolean tail = regular * n < frames;
        int[] starts = new int[regular + (tail ? 1 : 0)];
        for (int i = 0; i < regular; i++) {
            starts[i] = i * n;
        }
        if (tail) {
            starts[regular] = frames - n;
        }
        return starts;
    }

    private SpectrumTrack windows(Spectrum spectrum, FractionalOctaveBands bands, int[] starts, int n, int rate,
            int frames, double[][] segmentPower, double[] bandLoudnessWeight, double channelWeightSum) {
        int count = Math.max(1, (int) Math.ceil(frames / (windowSeconds * rate) - 1e-9));
        int nb = bands.count();
        double[][] bandPower = new double[count][nb];
        double[] total = new double[count];
        double[] loudness = new double[count];
        double[][] peak = new double[count][nb];
        double[][] median = new double[count][nb];
        // Segments are in time order, so each window's segments are one run of indices.
        int seg = 0;
        for (int w = 0; w < count; w++) {
            int first = seg;
            while (seg < starts.length && (w == count - 1
                    || (starts[seg] + n / 2.0) / rate < (w + 1) * windowSeconds)) {
                seg++;
            }
            int segments = seg - first;
            double[] shares = new double[segments];
            for (int b = 0; b < nb; b++) {
                double sum = 0;
                int finite = 0;
                for (int i = first; i < seg; i++) {
                    double[] p = segmentPower[i];
                    sum += p[b];
                    if (p[b] > 0 && p[nb] > 0) {
                        shares[finite++] = 10 * Math.log10(p[b] / p[nb]);
                    }
                }
                bandPower[w][b] = segments == 0 ? 0 : sum / segments;
                if (finite == 0) {
                    peak[w][b] = Double.NaN;
                    median[w][b] = Double.NaN;
                } else {
                    java.util.Arrays.sort(shares, 0, finite);
                    peak[w][b] = shares[finite - 1];
                    median[w][b] = finite % 2 == 1 ? shares[finite / 2]
                            : (shares[finite / 2 - 1] + shares[finite / 2]) / 2;
                }
            }
            double t = 0;
            for (int i = first; i < seg; i++) {
                t += segmentPower[i][nb];
            }
            total[w] = segments == 0 ? 0 : t / segments;
            double k = 0;
            for (int i = first; i < seg; i++) {
                k += segmentPower[i][nb + 1];
            }
            loudness[w] = segments == 0 ? 0 : k / segments;
        }
        return new SpectrumTrack(spectrum, bands, windowSeconds, bandPower, total, loudness, bandLoudnessWeight,
                channelWeightSum, peak, median);
    }

    private static double[][] chunk(AudioBuffer buffer, SpectrumWindow window, int[] starts, int from, int to,
            int series, boolean midSide, int[] bandOfBin, int bandCount, int firstBin, int lastBin,
            double[] loudnessWeight, double[][] segmentPower) {
        int n = window.size;
        int channels = buffer.channels();
        int bins = FftPacking.bins(n);
        DoubleFFT_1D fft = SpectrumFft.realTransform(n);
        double[][] packed = new double[channels][n];
        double[] power = new double[bins];
        double[] channelMean = new double[bins];
        double[][] sum = new double[series][bins];
        // Mean square by Parseval: the one-sided bins' 2|X[k]|² / (n·Σw²), over channels' mean.
        double scale = 2 / (n * window.sumOfSquares) / channels;
        for (int seg = from; seg < to; seg++) {
            java.util.Arrays.fill(channelMean, 0);
            for (int c = 0; c < channels; c++) {
                window.apply(buffer.channel(c), starts[seg], packed[c]);
                fft.realForward(packed[c]);
                FftPacking.power(packed[c], n, power);
                double[] s = sum[c];
                for (int k = 0; k < bins; k++) {
                    s[k] += power[k];
                    channelMean[k] += power[k];
                }
            }
            if (midSide) {
                FftPacking.addMidSidePower(packed[0], packed[1], n, sum[2], sum[3]);
            }
            double[] bandsOfSegment = new double[bandCount + 2];
            for (int k = firstBin; k <= lastBin; k++) {
                double p = channelMean[k] * scale;
                bandsOfSegment[bandCount] += p;
                bandsOfSegment[bandCount + 1] += p * loudnessWeight[k];
                if (bandOfBin[k] >= 0) {
                    bandsOfSegment[bandOfBin[k]] += p;
                }
            }
            segmentPower[seg] = bandsOfSegment;
        }
        return sum;
    }
}
