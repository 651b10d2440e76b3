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
                        clickMin))
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
        return new AudioScan(rate, frames, blockFrames / (double) rate, blockPeak, clipRuns, List.copyOf(clipFrames),
                clicks, List.copyOf(clickFrames), List.copyOf(clickLevels), silentRuns(audio, silence, minGap),
                endRmsDbfs(audio, t.endWindowSeconds()), decimated(audio, decimation(rate)),
                rate / (double) decimation(rate));
    }

    /**
     * The rate of the channels' mean kept for hum analysis: low enough that a long FFT is cheap and resolves
     * a third of a hertz, high enough to hold the third harmonic of 60 Hz mains (180 Hz).
     */
    static final double LOW_RATE_HZ = 750;

    static int decimation(int sampleRate) {
        return Math.max(1, (int) (sampleRate / LOW_RATE_HZ));
    }

    /**
     * The channels' mean, averaged over consecutive blocks of {@code factor} frames: a boxcar whose first null
     * falls on the new rate, so what folds onto the mains lines is at least 20 dB down, and flat within 1 dB
     * up to 180 Hz.
     */
    static float[] decimated(AudioBuffer audio, int factor) {
        float[] out = new float[audio.frames() / factor];
        double scale = 1.0 / (factor * audio.channels());
        for (int j = 0; j < out.length; j++) {
            double sum = 0;
            for (int c = 0; c < audio.channels(); c++) {
                float[] x = audio.channel(c);
                for (int i = j * factor; i < (j + 1) * factor; i++) {
                    sum += x[i];
                }
            }
            out[j] = (float) (sum * scale);
        }
        return out;
    }

    /**
     * Runs of at least minFrames in which every channel stays at or below the level, strictly inside the
     * music (a run touching the first or last frame is leading or trailing silence, not a gap).
     */
    static List<int[]> silentRuns(AudioBuffer audio, double level, int minFrames) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < audio.frames(); i++) {
            boolean silent = true;
            for (int c = 0; c < audio.channels() && silent; c++) {
                silent = Math.abs(audio.channel(c)[i]) <= level;
            }
            if (silent && start < 0) {
                start = i;
            } else if (!silent && start >= 0) {
                if (start > 0 && i - start >= minFrames) {
                    runs.add(new int[] {start, i});
                }
                start = -1;
            }
        }
        return runs;
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

        static ChannelScan of(float[] x, int blockFrames, int blocks, int clipRunSamples, double clickRatio,
                double clickMin) {
            ChannelScan s = new ChannelScan();
            s.blockPeak = new float[blocks];
            for (int i = 0; i < x.length; i++) {
                float a = Math.abs(x[i]);
                int b = i / blockFrames;
                if (a > s.blockPeak[b]) {
                    s.blockPeak[b] = a;
                }
            }
            s.findClipRuns(x, clipRunSamples);
            s.findClicks(x, clickRatio, clickMin);
            return s;
        }

        /** Runs of clipRunSamples or more consecutive samples at full scale on one rail. */
        private void findClipRuns(float[] x, int clipRunSamples) {
            int i = 0;
            while (i < x.length) {
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
        private void findClicks(float[] x, double clickRatio, double clickMin) {
            int n = x.length;
            int blocks = (n + CLICK_BLOCK - 1) / CLICK_BLOCK;
            if (blocks < 3) {
                return;
            }
            double[] rms = new double[blocks];
            for (int b = 0; b < blocks; b++) {
                int from = Math.max(1, b * CLICK_BLOCK);
                int to = Math.min(n - 1, (b + 1) * CLICK_BLOCK);
                double sum = 0;
                for (int i = from; i < to; i++) {
                    double e = x[i] - 0.5 * (x[i - 1] + x[i + 1]);
                    sum += e * e;
                }
                rms[b] = to > from ? Math.sqrt(sum / (to - from)) : 0;
            }
            for (int b = 1; b < blocks - 1; b++) {
                double reference = Math.max(rms[b - 1], rms[b + 1]);
                // The block's own RMS bounds its largest deviation: skip blocks that cannot hold a click.
                if (rms[b] * Math.sqrt(CLICK_BLOCK) < clickRatio * reference || rms[b] * Math.sqrt(CLICK_BLOCK) < clickMin) {
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
