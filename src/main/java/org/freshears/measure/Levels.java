package org.freshears.measure;

import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.audio.Speaker;

/**
 * Sample peak, RMS, crest factor, DC, L/R correlation, clipping and silence of a buffer, in one pass over
 * each channel (the correlation pair is read together, so its cross-product costs no extra pass; the
 * silence scans read only the silent ends), fed block by block ({@link Meter}) so any length fits in
 * bounded memory. The frames are cut into fixed blocks of {@value #BLOCK_FRAMES}; each block sums in frame
 * order and the blocks are added in order, so the report is the same however the audio is fed. All sums
 * are in double.
 */
public final class Levels {

    /**
     * Full scale for clip detection: within one 16-bit LSB of 1. A 16-bit file's positive rail is
     * 32767/32768 = 1 − 2^-15 (its negative rail is −1), so a clipped 16-bit master never reaches +1.0 and
     * a test for exactly 1.0 would miss half its clips. This is the tightest threshold that still catches
     * that rail (24-bit and float rails, 1 − 2^-23 and 1.0, are above it); a looser one (say −0.1 dBFS)
     * would count loud but unclipped peaks.
     */
    static final double CLIP_LEVEL = 1.0 - 0x1.0p-15;

    /** Consecutive full-scale samples that make a clip (the usual clip-indicator rule, as briefed). */
    static final int CLIP_RUN_FRAMES = 3;

    /**
     * Silence threshold, −60 dBFS as a sample magnitude (10^(−60/20) = 0.001); the default noise floor of
     * FFmpeg's silencedetect filter. Well above 16-bit dither and hiss (about −90 dBFS), so a noise floor
     * or dither in a "silent" lead-in still counts as silence.
     */
    static final double SILENCE_LEVEL = 1e-3;

    /** Frames per parallel block; fixed, so the summation order never depends on the thread count. */
    static final int BLOCK_FRAMES = 1 << 16;

    private Levels() {
    }

    public static LevelsReport measure(AudioBuffer buffer) {
        Meter meter = new Meter(buffer.channels(), buffer.sampleRate(), buffer.layout());
        for (int from = 0; from < buffer.frames(); from += BLOCK_FRAMES) {
            meter.feed(buffer.planar(), from, Math.min(BLOCK_FRAMES, buffer.frames() - from));
        }
        return meter.report();
    }

    /**
     * The levels of audio fed block by block, in bounded memory. Sums run in frame order within fixed
     * blocks of {@value #BLOCK_FRAMES} frames (however the feeds cut them), and the block sums are added
     * in order: the report is the same bits however the audio was fed. Clip runs and the loud region are
     * followed across feeds.
     */
    static final class Meter {
        private final int channels;
        private final int sampleRate;
        private final int[] pair;
        private final double[] peak;
        private final double[] sum;
        private final double[] squares;
        private double cross;
        private BlockScan block;
        private int blockFrames;
        /** Per channel: the length of the run of full-scale samples on one rail that is still open, and its rail. */
        private final int[] runLength;
        private final boolean[] runPositive;
        private final double[] feedPeak;
        private int clipRuns;
        private long frames;
        private long firstLoud = -1;
        private long lastLoud = -1;

        Meter(int channels, int sampleRate, ChannelLayout layout) {
            this.channels = channels;
            this.sampleRate = sampleRate;
            this.pair = correlationPair(layout);
            this.peak = new double[channels];
            this.sum = new double[channels];
            this.squares = new double[channels];
            this.block = new BlockScan(channels);
            this.runLength = new int[channels];
            this.runPositive = new boolean[channels];
            this.feedPeak = new double[channels];
        }

        /** Takes frames {@code [from, from + count)} of the planar arrays. */
        void feed(float[][] planar, int from, int count) {
            java.util.Arrays.fill(feedPeak, 0);
            int done = 0;
            while (done < count) {
                int n = Math.min(count - done, BLOCK_FRAMES - blockFrames);
                block.add(planar, pair, from + done, from + done + n);
                for (int c = 0; c < channels; c++) {
                    feedPeak[c] = larger(feedPeak[c], block.peak[c]); // at least this feed's peak
                }
                blockFrames += n;
                done += n;
                if (blockFrames == BLOCK_FRAMES) {
                    fold();
                }
            }
            for (int c = 0; c < channels; c++) {
                // A run starts or goes on only at full scale: a feed whose peak is below it, with no run open,
                // has none (a NaN peak tells nothing: scan).
                if (runLength[c] > 0 || !(feedPeak[c] < CLIP_LEVEL)) {
                    followClipRuns(planar[c], c, from, from + count);
                }
            }
            trackLoudRegion(planar, from, count);
            frames += count;
        }

        private void fold() {
            for (int c = 0; c < channels; c++) {
                peak[c] = Math.max(peak[c], block.peak[c]);
                sum[c] += block.sum[c];
                squares[c] += block.squares[c];
            }
            cross += block.cross;
            block = new BlockScan(channels);
            blockFrames = 0;
        }

        /** Runs of at least {@value #CLIP_RUN_FRAMES} consecutive full-scale samples on the same rail. */
        private void followClipRuns(float[] x, int c, int from, int to) {
            int length = runLength[c];
            boolean positive = runPositive[c];
            for (int i = from; i < to; i++) {
                float v = x[i];
                if (isClipped(v)) {
                    if (length > 0 && (v > 0) == positive) {
                        length++;
                    } else {
                        clipRuns += length >= CLIP_RUN_FRAMES ? 1 : 0;
                        length = 1;
                        positive = v > 0;
                    }
                } else if (length > 0) {
                    clipRuns += length >= CLIP_RUN_FRAMES ? 1 : 0;
                    length = 0;
                }
            }
            runLength[c] = length;
            runPositive[c] = positive;
        }

        /**
         * The first and last frames where any channel exceeds {@link #SILENCE_LEVEL}: the first is looked for
         * only until found, the last from each feed's end back, so only silent stretches are read through.
         */
        private void trackLoudRegion(float[][] planar, int from, int count) {
            if (firstLoud < 0) {
                int i = firstLoud(planar, from, from + count);
                if (i >= 0) {
                    firstLoud = frames + (i - from);
                }
            }
            if (firstLoud >= 0) {
                for (int i = from + count - 1; i >= from; i--) {
                    if (isLoud(planar, i)) {
                        lastLoud = frames + (i - from);
                        break;
                    }
                }
            }
        }

        LevelsReport report() {
            if (blockFrames > 0 || frames == 0) {
                fold();
            }
            for (int c = 0; c < channels; c++) {
                clipRuns += runLength[c] >= CLIP_RUN_FRAMES ? 1 : 0;
                runLength[c] = 0;
            }
            return Levels.report(frames, channels, sampleRate, peak, sum, squares, pair, cross, clipRuns, firstLoud,
                    lastLoud);
        }
    }

    /**
     * The channels whose correlation is reported: front left and front right when the layout names them,
     * otherwise the first two channels; none for mono.
     */
    static int[] correlationPair(ChannelLayout layout) {
        if (layout.channels() < 2) {
            return null;
        }
        int left = layout.speakers().indexOf(Speaker.FRONT_LEFT);
        int right = layout.speakers().indexOf(Speaker.FRONT_RIGHT);
        return left >= 0 && right >= 0 ? new int[] {left, right} : new int[] {0, 1};
    }

    private static LevelsReport report(long frames, int channels, int sampleRate, double[] peak, double[] sum,
            double[] squares, int[] pair, double cross, int clips, long firstLoud, long lastLoud) {
        double allPeak = 0;
        double allSquares = 0;
        List<Double> peaks = new ArrayList<>();
        List<Double> rms = new ArrayList<>();
        List<Double> dc = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            allPeak = Math.max(allPeak, peak[c]);
            allSquares += squares[c];
            peaks.add(amplitudeDb(peak[c]));
            rms.add(powerDb(squares[c] / frames));
            dc.add(frames == 0 ? Double.NaN : sum[c] / frames);
        }
        double peakDb = amplitudeDb(allPeak);
        double rmsDb = powerDb(allSquares / ((double) frames * channels));
        double correlation = pair == null ? Double.NaN
                : pearson(sum[pair[0]], squares[pair[0]], sum[pair[1]], squares[pair[1]], cross, frames);
        double rate = sampleRate;
        double leading = firstLoud < 0 ? frames / rate : firstLoud / rate;
        double trailing = firstLoud < 0 ? frames / rate : (frames - 1 - lastLoud) / rate;
        return new LevelsReport(peakDb, peaks, rmsDb, rms, peakDb - rmsDb, dc, correlation, clips, leading,
                trailing);
    }

    /** The first frame of [from, to) in which any channel exceeds {@link #SILENCE_LEVEL}, or −1. */
    static int firstLoud(float[][] planar, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isLoud(planar, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLoud(float[][] planar, int i) {
        for (float[] channel : planar) {
            if (Math.abs(channel[i]) > SILENCE_LEVEL) {
                return true;
            }
        }
        return false;
    }

    /** Pearson's r from raw sums; NaN when either channel has no variance (silent or constant). */
    private static double pearson(double sumX, double squaresX, double sumY, double squaresY, double xy, long n) {
        double covariance = xy - sumX * sumY / n;
        double varianceX = squaresX - sumX * sumX / n;
        double varianceY = squaresY - sumY * sumY / n;
        if (!(varianceX > 0 && varianceY > 0)) {
            return Double.NaN;
        }
        double r = covariance / Math.sqrt(varianceX * varianceY);
        // Rounding can push identical channels a few ulps past ±1.
        return Math.max(-1, Math.min(1, r));
    }

    /** 20·log10(amplitude), NaN where it has no finite value (zero, or no samples). */
    static double amplitudeDb(double amplitude) {
        return amplitude > 0 ? 20 * Math.log10(amplitude) : Double.NaN;
    }

    /** 10·log10(power), NaN where it has no finite value (zero, or 0/0 for no samples). */
    static double powerDb(double power) {
        return power > 0 ? 10 * Math.log10(power) : Double.NaN;
    }

    /** Peak, sums and clip runs of every channel over one block of frames. */
    private static final class BlockScan {
        final double[] peak;
        final double[] sum;
        final double[] squares;
        double cross;
        int clipRuns;

        private BlockScan(int channels) {
            peak = new double[channels];
            sum = new double[channels];
            squares = new double[channels];
        }

        /** Adds frames [from, to) to this block's sums, in frame order after those already added. */
        void add(float[][] planar, int[] pair, int from, int to) {
            if (pair != null) {
                cross = pair(planar[pair[0]], pair[0], planar[pair[1]], pair[1], from, to);
            }
            for (int c = 0; c < planar.length; c++) {
                if (pair == null || (c != pair[0] && c != pair[1])) {
                    single(planar[c], c, from, to);
                }
            }
        }

        private void single(float[] x, int c, int from, int to) {
            double p = peak[c];
            double s = sum[c];
            double q = squares[c];
            for (int i = from; i < to; i++) {
                double v = x[i];
                p = larger(p, Math.abs(v));
                s += v;
                q += v * v;
            }
            peak[c] = p;
            sum[c] = s;
            squares[c] = q;
        }

        /** The statistics of two channels and their cross-product sum, in one pass over both. */
        private double pair(float[] x, int cx, float[] y, int cy, int from, int to) {
            double px = peak[cx];
            double sx = sum[cx];
            double qx = squares[cx];
            double py = peak[cy];
            double sy = sum[cy];
            double qy = squares[cy];
            double xy = cross;
            for (int i = from; i < to; i++) {
                double a = x[i];
                double b = y[i];
                px = larger(px, Math.abs(a));
                py = larger(py, Math.abs(b));
                sx += a;
                sy += b;
                qx += a * a;
                qy += b * b;
                xy += a * b;
            }
            peak[cx] = px;
            sum[cx] = sx;
            squares[cx] = qx;
            peak[cy] = py;
            sum[cy] = sy;
            squares[cy] = qy;
            return xy;
        }
    }

    /**
     * {@code Math.max(peak, magnitude)} for a magnitude (never -0.0), NaN sticking as there, in two
     * comparisons: only C2 compiles {@code Math.max(double, double)} to one instruction, and analyze runs
     * on C1 (see the launcher's JIT policy).
     */
    private static double larger(double peak, double magnitude) {
        return !(magnitude <= peak) && peak == peak ? magnitude : peak;
    }

    private static boolean isClipped(float v) {
        return Math.abs(v) >= CLIP_LEVEL;
    }
}
