package org.freshears.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.audio.Speaker;

/**
 * Sample peak, RMS, crest factor, DC, L/R correlation, clipping and silence of a buffer, in one pass over
 * each channel. Channels are scanned in parallel, but every sum runs in frame order inside one task and
 * the per-channel results are combined in channel order, so the report does not depend on thread timing.
 * All sums are in double.
 */
public final class Levels {

    /**
     * Full scale for clip detection: within one 16-bit LSB of 1. A 16-bit file's positive rail is
     * 32767/32768 = 1 − 2^-15 (its negative rail is −1), so a clipped 16-bit master never reaches +1.0;
     * a looser threshold would miss it, a stricter one would count loud-but-clean 24-bit peaks.
     */
    static final double CLIP_LEVEL = 1.0 - 0x1.0p-15;

    /** Consecutive full-scale samples that make a clip (the usual clip-indicator rule, as briefed). */
    static final int CLIP_RUN_FRAMES = 3;

    /**
     * Silence threshold, −60 dBFS as a sample magnitude (10^(−60/20) = 0.001); the default noise floor of
     * FFmpeg's silencedetect filter. Well above 16-bit dither (about −90 dBFS), well below any musical fade.
     */
    static final double SILENCE_LEVEL = 1e-3;

    private Levels() {
    }

    public static LevelsReport measure(AudioBuffer buffer) {
        int channels = buffer.channels();
        int[] pair = correlationPair(buffer.layout());
        // One task per channel, except that the correlation pair shares one fused task so that the
        // cross-product needs no second pass over either channel.
        List<int[]> tasks = new ArrayList<>();
        if (pair != null) {
            tasks.add(pair);
        }
        for (int c = 0; c < channels; c++) {
            if (pair == null || (c != pair[0] && c != pair[1])) {
                tasks.add(new int[] {c});
            }
        }
        ChannelScan[] scans = new ChannelScan[channels];
        double[] crossSum = new double[1];
        IntStream.range(0, tasks.size()).parallel().forEach(t -> {
            int[] task = tasks.get(t);
            if (task.length == 2) {
                ChannelScan a = new ChannelScan();
                ChannelScan b = new ChannelScan();
                crossSum[0] = scanPair(buffer.channel(task[0]), buffer.channel(task[1]), a, b);
                scans[task[0]] = a;
                scans[task[1]] = b;
            } else {
                ChannelScan s = new ChannelScan();
                scan(buffer.channel(task[0]), s);
                scans[task[0]] = s;
            }
        });
        return report(buffer, scans, pair, crossSum[0]);
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

    private static void scan(float[] x, ChannelScan s) {
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], i);
        }
        s.finish();
    }

    private static double scanPair(float[] x, float[] y, ChannelScan sx, ChannelScan sy) {
        double xy = 0;
        for (int i = 0; i < x.length; i++) {
            float a = x[i];
            float b = y[i];
            sx.add(a, i);
            sy.add(b, i);
            xy += (double) a * b;
        }
        sx.finish();
        sy.finish();
        return xy;
    }

    private static LevelsReport report(AudioBuffer buffer, ChannelScan[] scans, int[] pair, double crossSum) {
        int frames = buffer.frames();
        double peak = 0;
        double squares = 0;
        int clips = 0;
        int firstLoud = Integer.MAX_VALUE;
        int lastLoud = -1;
        List<Double> peaks = new ArrayList<>();
        List<Double> rms = new ArrayList<>();
        List<Double> dc = new ArrayList<>();
        for (ChannelScan s : scans) {
            peak = Math.max(peak, s.peak);
            squares += s.squares;
            clips += s.clipRuns;
            if (s.lastLoud >= 0) {
                firstLoud = Math.min(firstLoud, s.firstLoud);
                lastLoud = Math.max(lastLoud, s.lastLoud);
            }
            peaks.add(amplitudeDb(s.peak));
            rms.add(powerDb(s.squares / frames));
            dc.add(frames == 0 ? Double.NaN : s.sum / frames);
        }
        double peakDb = amplitudeDb(peak);
        double rmsDb = powerDb(squares / ((double) frames * scans.length));
        double rate = buffer.sampleRate();
        double leading = lastLoud < 0 ? frames / rate : firstLoud / rate;
        double trailing = lastLoud < 0 ? frames / rate : (frames - 1 - lastLoud) / rate;
        double correlation = pair == null ? Double.NaN
                : pearson(scans[pair[0]], scans[pair[1]], crossSum, frames);
        return new LevelsReport(peakDb, peaks, rmsDb, rms, peakDb - rmsDb, dc, correlation, clips, leading,
                trailing);
    }

    /** Pearson's r from raw sums; NaN when either channel has no variance (silent or constant). */
    private static double pearson(ChannelScan x, ChannelScan y, double xy, int n) {
        double covariance = xy - x.sum * y.sum / n;
        double varianceX = x.squares - x.sum * x.sum / n;
        double varianceY = y.squares - y.sum * y.sum / n;
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

    /** Running statistics of one channel, fed in frame order. */
    private static final class ChannelScan {
        double peak;
        double sum;
        double squares;
        int clipRuns;
        int firstLoud = -1;
        int lastLoud = -1;
        private int runLength;
        private int runSign;

        void add(float v, int frame) {
            double a = Math.abs(v);
            if (a > peak) {
                peak = a;
            }
            sum += v;
            squares += (double) v * v;
            if (a > SILENCE_LEVEL) {
                if (firstLoud < 0) {
                    firstLoud = frame;
                }
                lastLoud = frame;
            }
            if (a >= CLIP_LEVEL) {
                // A clip flat-tops on one rail: a sign change starts a new run.
                int sign = v > 0 ? 1 : -1;
                if (sign == runSign) {
                    runLength++;
                } else {
                    closeRun();
                    runSign = sign;
                    runLength = 1;
                }
            } else if (runLength > 0) {
                closeRun();
            }
        }

        void finish() {
            closeRun();
        }

        private void closeRun() {
            if (runLength >= CLIP_RUN_FRAMES) {
                clipRuns++;
            }
            runLength = 0;
            runSign = 0;
        }
    }
}
