package org.freshears.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.freshears.audio.AudioBuffer;

/**
 * What the quality-control detectors need from the samples themselves, in one pass per channel (channels
 * side by side): where the clipped runs and the clicks are, the peak of every 100 ms block, the stretches of
 * digital silence and the level of the last moments. Keeps positions, never audio: memory is a few numbers
 * per 100 ms. At most {@value #MAX_EVENTS} events of a kind are kept per channel (all are counted).
 */
record AudioScan(int sampleRate, int frames, double blockSeconds, float[] blockPeak, int clipRuns,
        List<Integer> clipFrames, int clicks, List<Integer> clickFrames, List<Double> clickLevels,
        List<int[]> silentRuns, double endRmsDbfs, float[] lowRateMix, double lowRateHz) {

    static final int MAX_EVENTS = 1000;

    /**
     * Full scale for clip detection: within one 16-bit LSB of 1, the same as {@code analyze}'s clip count
     * (measure.Levels#CLIP_LEVEL, which explains why: a 16-bit file's positive rail is 1 − 2^-15).
     */
    static final double CLIP_LEVEL = 1.0 - 0x1.0p-15;

    /** Blocks for peak density: the loudness meter's 100 ms step. */
    static final double BLOCK_SECONDS = 0.1;

    /** Samples per block of the click detector's local reference level: about 5 ms at 48 kHz. */
    static final int CLICK_BLOCK = 256;

    static AudioScan of(AudioBuffer audio, FindingThresholds t) {
        int channels = audio.channels();
        int frames = audio.frames();
        int rate = audio.sampleRate();
        int blockFrames = Math.max(1, (int) Math.round(BLOCK_SECONDS * rate));
        int blocks = (frames + blockFrames - 1) / blockFrames;
        double clickMin = Math.pow(10, t.clickMinDbfs() / 20);
        List<ChannelScan> scans = IntStream.range(0, channels).parallel()
                .mapToObj(c -> ChannelScan.of(audio.channel(c), blockFrames, blocks, t.clipRunSamples(), t.clickRatio(),
                        clickMin, decimation(rate)))
                .toList();
        float[] blockPeak = new float[blocks];
        int clipRuns = 0;
        int clicks = 0;
        List<Integer> clipFrames = new ArrayList<>();
        List<Integer> clickFrames = new ArrayList<>();
        List<Double> clickLevels = new ArrayList<>();
        for (ChannelScan s : scans) {
            for (int b = 0; b < blocks; b++) {
                blockPeak[b] = Math.max(blockPeak[b], s.blockPeak[b]);
            }
            clipRuns += s.clipRuns;
            clicks += s.clicks;
            clipFrames.addAll(s.clipFrames);
            clickFrames.addAll(s.clickFrames);
            clickLevels.addAll(s.clickLevels);
        }
        double silence = Math.pow(10, t.silenceLevelDbfs() / 20);
        int minGap = Math.max(1, (int) Math.round(t.silenceGapSeconds() * rate));
        // Gaps shorter than two blocks need not hold a whole silent block: then look at every block.
        float[] candidates = minGap >= 2 * blockFrames ? blockPeak : new float[blocks];
        int factor = decimation(rate);
        float[] lowRate = new float[frames / factor];
        for (ChannelScan scan : scans) {
            for (int j = 0; j < lowRate.length; j++) {
                lowRate[j] += scan.lowRate[j] / channels;
            }
        }
        return new AudioScan(rate, frames, blockFrames / (double) rate, blockPeak, clipRuns, List.copyOf(clipFrames),
                clicks, List.copyOf(clickFrames), List.copyOf(clickLevels),
                silentRuns(audio, candidates, blockFrames, silence, minGap), endRmsDbfs(audio, t.endWindowSeconds()),
                lowRate, rate / (double) factor);
    }

    /**
     * The rate of the channels' mean kept for hum analysis: low enough that a long FFT is cheap and resolves
     * a third of a hertz, high enough to hold the third harmonic of 60 Hz mains (180 Hz).
     */
    static final double LOW_RATE_HZ = 750;

    /**
     * Frames averaged into one low-rate sample: a boxcar whose first null falls on the new rate, so what folds
     * onto the mains lines is at least 20 dB down, and flat within 1 dB up to 180 Hz.
     */
    static int decimation(int sampleRate) {
        return Math.max(1, (int) (sampleRate / LOW_RATE_HZ));
    }

    /**
     * Runs of at least minFrames in which every channel stays at or below the level, strictly inside the
     * music (a run touching the first or last frame is leading or trailing silence, not a gap). A run that
     * long holds a whole block of silence when minFrames is at least two blocks... or at least one block
     * when it is longer than one: only around silent blocks are the frames read.
     */
    static List<int[]> silentRuns(AudioBuffer audio, float[] blockPeak, int blockFrames, double level, int minFrames) {
        List<int[]> runs = new ArrayList<>();
        int frames = audio.frames();
        int searchedTo = 0;
        for (int b = 0; b < blockPeak.length; b++) {
            if (blockPeak[b] > level) {
                continue;
            }
            // A candidate block is not known to be silent (for short gaps every block is a candidate), so the
            // run grows from its first silent frame, never from the block's start.
            int to = Math.min(frames, (b + 1) * blockFrames);
            for (int i = Math.max(b * blockFrames, searchedTo); i < to; i++) {
                if (!silentFrame(audio, i, level)) {
                    continue;
                }
                int start = i;
                while (start > 0 && silentFrame(audio, start - 1, level)) {
                    start--;
                }
                int end = i + 1;
                while (end < frames && silentFrame(audio, end, level)) {
                    end++;
                }
                searchedTo = end;
                i = end;
                if (start > 0 && end < frames && end - start >= minFrames) {
                    runs.add(new int[] {start, end});
                }
            }
        }
        return runs;
    }

    private static boolean silentFrame(AudioBuffer audio, int i, double level) {
        for (int c = 0; c < audio.channels(); c++) {
            if (Math.abs(audio.channel(c)[i]) > level) {
                return false;
            }
        }
        return true;
    }

    private static double endRmsDbfs(AudioBuffer audio, double seconds) {
        int n = Math.min(audio.frames(), Math.max(1, (int) Math.round(seconds * audio.sampleRate())));
        double sum = 0;
        for (int c = 0; c < audio.channels(); c++) {
            float[] x = audio.channel(c);
            for (int i = audio.frames() - n; i < audio.frames(); i++) {
                sum += (double) x[i] * x[i];
            }
        }
        double meanSquare = sum / ((double) n * audio.channels());
        return meanSquare > 0 ? 10 * Math.log10(meanSquare) : Double.NaN;
    }

    /** Samples either side of a candidate whose deviation must stay small for it to be a lone click. */
    static final int CLICK_NEIGHBOURHOOD = 32;

    /**
     * RMS of the deviation over the {@value #CLICK_NEIGHBOURHOOD} samples either side of i, leaving out i and
     * its two neighbours (a spike shows there too): a click stands alone, the onset of a cymbal or a noise
     * burst does not.
     */
    static double nearRms(float[] x, int i) {
        double sum = 0;
        int n = 0;
        for (int k = Math.max(1, i - CLICK_NEIGHBOURHOOD); k < Math.min(x.length - 1, i + CLICK_NEIGHBOURHOOD + 1); k++) {
            if (Math.abs(k - i) > 1) {
                double e = x[k] - 0.5 * (x[k - 1] + x[k + 1]);
                sum += e * e;
                n++;
            }
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }

    /** One channel's scan. */
    private static final class ChannelScan {
        float[] blockPeak;
        int clipRuns;
        int clicks;
        final List<Integer> clipFrames = new ArrayList<>();
        final List<Integer> clickFrames = new ArrayList<>();
        final List<Double> clickLevels = new ArrayList<>();

        float[] lowRate;

        /** Block peaks, the click detector's block RMS and the low-rate copy in one pass over the channel. */
        static ChannelScan of(float[] x, int blockFrames, int blocks, int clipRunSamples, double clickRatio,
                double clickMin, int decimation) {
            ChannelScan s = new ChannelScan();
            int n = x.length;
            s.blockPeak = new float[blocks];
            s.lowRate = new float[n / decimation];
            double[] clickRms = new double[(n + CLICK_BLOCK - 1) / CLICK_BLOCK];
            // The largest deviation of each click block: findClicks reads only the blocks that hold a candidate.
            double[] clickMax = new double[clickRms.length];
            double largest = 0;
            // Counters, not divisions, find each sample's blocks: this loop is a third of listen's own time.
            int peakBlock = 0;
            int peakLeft = blockFrames;
            float peak = 0;
            int clickBlock = 0;
            int clickLeft = CLICK_BLOCK;
            double deviations = 0;
            int low = 0;
            int lowLeft = decimation;
            double lowSum = 0;
            for (int i = 0; i < n; i++) {
                float v = x[i];
                float a = Math.abs(v);
                peak = a > peak ? a : peak;
                if (--peakLeft == 0) {
                    s.blockPeak[peakBlock++] = peak;
                    peak = 0;
                    peakLeft = blockFrames;
                }
                if (i > 0 && i < n - 1) {
                    double e = v - 0.5 * (x[i - 1] + x[i + 1]);
                    deviations += e * e;
                    double size = Math.abs(e);
                    largest = size > largest ? size : largest;
                }
                if (--clickLeft == 0) {
                    clickMax[clickBlock] = largest;
                    clickRms[clickBlock++] = Math.sqrt(deviations / CLICK_BLOCK);
                    deviations = 0;
                    largest = 0;
                    clickLeft = CLICK_BLOCK;
                }
                lowSum += v;
                if (--lowLeft == 0) {
                    if (low < s.lowRate.length) {
                        s.lowRate[low++] = (float) (lowSum / decimation);
                    }
                    lowSum = 0;
                    lowLeft = decimation;
                }
            }
            if (peakBlock < blocks) {
                s.blockPeak[peakBlock] = peak;
            }
            if (clickBlock < clickRms.length) {
                clickMax[clickBlock] = largest;
                clickRms[clickBlock] = Math.sqrt(deviations / (CLICK_BLOCK - clickLeft));
            }
            s.findClipRuns(x, clipRunSamples, blockFrames);
            s.findClicks(x, clickRms, clickMax, clickRatio, clickMin);
            return s;
        }

        /**
         * Runs of clipRunSamples or more consecutive samples at full scale on one rail. A run starts in a block
         * that reaches full scale: the others are skipped.
         */
        private void findClipRuns(float[] x, int clipRunSamples, int blockFrames) {
            int i = 0;
            while (i < x.length) {
                if (i % blockFrames == 0 && blockPeak[i / blockFrames] < CLIP_LEVEL) {
                    i += blockFrames;
                    continue;
                }
                if (Math.abs(x[i]) < CLIP_LEVEL) {
                    i++;
                    continue;
                }
                boolean positive = x[i] > 0;
                int end = i + 1;
                while (end < x.length && Math.abs(x[end]) >= CLIP_LEVEL && (x[end] > 0) == positive) {
                    end++;
                }
                if (end - i >= clipRunSamples) {
                    clipRuns++;
                    if (clipFrames.size() < MAX_EVENTS) {
                        clipFrames.add(i);
                    }
                }
                i = end;
            }
        }

        /**
         * A click is a sample far off the line through its neighbours: e[i] = x[i] − (x[i−1] + x[i+1])/2.
         * Music is smooth at the sample scale, so e is small next to x; a single-sample discontinuity puts
         * nearly its whole size in e. The reference is the RMS of e in the blocks either side (the larger),
         * so the click's own energy does not raise its reference and a loud onset next door does.
         */
        private void findClicks(float[] x, double[] rms, double[] largest, double clickRatio, double clickMin) {
            int n = x.length;
            int blocks = rms.length;
            if (blocks < 3) {
                return;
            }
            for (int b = 1; b < blocks - 1; b++) {
                double reference = Math.max(rms[b - 1], rms[b + 1]);
                // The block's largest deviation (the same e, found in the first pass) decides whether it can hold
                // a click; music's blocks almost never can, so the samples are read again only around clicks.
                if (!(largest[b] > clickMin && largest[b] > clickRatio * reference)) {
                    continue;
                }
                int to = Math.min(n - 1, (b + 1) * CLICK_BLOCK);
                for (int i = b * CLICK_BLOCK; i < to; i++) {
                    double e = Math.abs(x[i] - 0.5 * (x[i - 1] + x[i + 1]));
                    if (e > clickMin && e > clickRatio * reference && e > clickRatio * nearRms(x, i)) {
                        clicks++;
                        if (clickFrames.size() < MAX_EVENTS) {
                            clickFrames.add(i);
                            clickLevels.add(e);
                        }
                        i += 2; // the neighbours of a spike deviate too: one click, not three
                    }
                }
            }
        }
    }
}
