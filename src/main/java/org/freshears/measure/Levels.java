package org.freshears.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.audio.Speaker;

/**
 * Sample peak, RMS, crest factor, DC, L/R correlation, clipping and silence of a buffer, in one pass over
 * each channel (the correlation pair is read together, so its cross-product costs no extra pass; the
 * silence scans read only the silent ends). The frames are cut into fixed blocks of {@value #BLOCK_FRAMES}
 * that run in parallel; each block sums in frame order and the blocks are added in order, so the report is
 * the same whatever the thread count or timing. All sums are in double.
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
        int channels = buffer.channels();
        int frames = buffer.frames();
        int[] pair = correlationPair(buffer.layout());
        int blocks = Math.max(1, (frames + BLOCK_FRAMES - 1) / BLOCK_FRAMES);
        // Fixed blocks, each summed in frame order, combined in block order: the same result however many
        // threads ran them.
        List<BlockScan> scans = IntStream.range(0, blocks).parallel()
                .mapToObj(b -> BlockScan.of(buffer, pair, b * BLOCK_FRAMES, Math.min(frames, (b + 1) * BLOCK_FRAMES)))
                .toList();
        double[] peak = new double[channels];
        double[] sum = new double[channels];
        double[] squares = new double[channels];
        double cross = 0;
        int clips = 0;
        for (BlockScan scan : scans) {
            for (int c = 0; c < channels; c++) {
                peak[c] = Math.max(peak[c], scan.peak[c]);
                sum[c] += scan.sum[c];
                squares[c] += scan.squares[c];
            }
            cross += scan.cross;
            clips += scan.clipRuns;
        }
        return report(buffer, peak, sum, squares, pair, cross, clips);
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

    private static LevelsReport report(AudioBuffer buffer, double[] peak, double[] sum, double[] squares,
            int[] pair, double cross, int clips) {
        int frames = buffer.frames();
        int channels = buffer.channels();
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
        int firstLoud = firstLoudFrame(buffer);
        double rate = buffer.sampleRate();
        double leading = firstLoud < 0 ? frames / rate : firstLoud / rate;
        double trailing = firstLoud < 0 ? frames / rate : (frames - 1 - lastLoudFrame(buffer)) / rate;
        return new LevelsReport(peakDb, peaks, rmsDb, rms, peakDb - rmsDb, dc, correlation, clips, leading,
                trailing);
    }

    /**
     * The first frame in which any channel exceeds {@link #SILENCE_LEVEL}, or −1. Scans from the start and
     * stops there, so it reads only the leading silence (all of it only for a silent file).
     */
    static int firstLoudFrame(AudioBuffer buffer) {
        for (int i = 0; i < buffer.frames(); i++) {
            for (int c = 0; c < buffer.channels(); c++) {
                if (Math.abs(buffer.channel(c)[i]) > SILENCE_LEVEL) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The last frame in which any channel exceeds {@link #SILENCE_LEVEL}, or −1; scans from the end. */
    static int lastLoudFrame(AudioBuffer buffer) {
        for (int i = buffer.frames() - 1; i >= 0; i--) {
            for (int c = 0; c < buffer.channels(); c++) {
                if (Math.abs(buffer.channel(c)[i]) > SILENCE_LEVEL) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Pearson's r from raw sums; NaN when either channel has no variance (silent or constant). */
    private static double pearson(double sumX, double squaresX, double sumY, double squaresY, double xy, int n) {
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

        static BlockScan of(AudioBuffer buffer, int[] pair, int from, int to) {
            BlockScan scan = new BlockScan(buffer.channels());
            if (pair != null) {
                scan.cross = scan.pair(buffer.channel(pair[0]), pair[0], buffer.channel(pair[1]), pair[1], from, to);
            }
            for (int c = 0; c < buffer.channels(); c++) {
                if (pair == null || (c != pair[0] && c != pair[1])) {
                    scan.single(buffer.channel(c), c, from, to);
                }
            }
            for (int c = 0; c < buffer.channels(); c++) {
                // A run starts with a full-scale sample: none can start in a block whose peak is below it
                // (a NaN peak, from a broken sample, tells nothing: scan).
                if (!(scan.peak[c] < CLIP_LEVEL)) {
                    scan.clipRuns += clipRunsStartingIn(buffer.channel(c), from, to);
                }
            }
            return scan;
        }

        private void single(float[] x, int c, int from, int to) {
            double p = 0;
            double s = 0;
            double q = 0;
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
            double px = 0;
            double sx = 0;
            double qx = 0;
            double py = 0;
            double sy = 0;
            double qy = 0;
            double xy = 0;
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

    /**
     * Clip runs that start in [from, to): a run of ≥ {@value #CLIP_RUN_FRAMES} consecutive samples at full
     * scale on the same rail (a clip flat-tops on one rail; full-scale samples alternating in sign are a
     * loud Nyquist tone, not a clip). A run crossing {@code to} is followed past it, so blocks need no
     * stitching and every run is counted once, by the block it starts in.
     */
    static int clipRunsStartingIn(float[] x, int from, int to) {
        int runs = 0;
        int i = from;
        if (i > 0 && i < to && isClipped(x[i]) && sameRail(x[i - 1], x[i])) {
            // A run that began in an earlier block: skip its remainder.
            while (i < to && sameRail(x[i - 1], x[i])) {
                i++;
            }
        }
        while (i < to) {
            if (!isClipped(x[i])) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < x.length && sameRail(x[i], x[end])) {
                end++;
            }
            if (end - i >= CLIP_RUN_FRAMES) {
                runs++;
            }
            i = end;
        }
        return runs;
    }

    private static boolean isClipped(float v) {
        return Math.abs(v) >= CLIP_LEVEL;
    }

    /** Both at full scale on the same rail. */
    private static boolean sameRail(float a, float b) {
        return isClipped(a) && isClipped(b) && (a > 0) == (b > 0);
    }
}
