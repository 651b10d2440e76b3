package org.freshears.measure;

import org.freshears.audio.AudioBuffer;
import org.freshears.dsp.TruePeakFilter;

/**
 * True peak per ITU-R BS.1770-4 Annex 2: oversample, low-pass, take the largest |x|.
 *
 * <p><b>Factor.</b> 4x below 96 kHz and 2x from 96 kHz to 192 kHz, as Annex 2 asks (the reconstructed
 * peak is then within the 20 log10(cos(pi f / (n fs))) sampling error of the truth: below 0.69 dB at
 * Nyquist for 4x, much less for programme). Above 192 kHz we do not oversample (1x): the signal is
 * then sampled so finely that the inter-sample overshoot of audible content is negligible.
 *
 * <p><b>Filter.</b> Not the 48-tap example of Annex 2: against the ideal band-limited interpolation
 * that example is off by up to +-0.23 dB already at 0.35 fs (more than the +0.2 dB tolerance) and by
 * 2 dB at 0.45 fs (measured by us with the published taps). We use a Kaiser-windowed sinc, cut off at
 * the input Nyquist, {@value #TAPS_PER_PHASE} taps per phase, beta = {@value #KAISER_BETA}: its
 * interpolation error is below +-0.02 dB up to 0.40 fs and +-0.04 dB up to 0.45 fs (19.8 kHz at
 * 44.1 kHz). Because the cut-off is at Nyquist it is an L-th band filter: phase 0 is exactly the input
 * sample (the sample peak) and only the L - 1 other phases cost multiplies; each phase is normalised
 * to unit DC gain so that slow signals read exactly. Coefficients are computed once with StrictMath.
 *
 * <p><b>Speed.</b> Polyphase (no multiplications by stuffed zeros), float arithmetic, and inner loops
 * over runs of outputs that C2 vectorises ({@link ChannelMeter#runPeak}); channels run in parallel. The float sums
 * are computed in a fixed order, so the result is the same bits on every run. Most blocks are not
 * interpolated at all: one whose bound (sum of |taps| times its largest |sample|) cannot beat the peak
 * already found cannot change the result ({@link #interpolatedPeakAbove}).
 *
 * <p><b>Edges.</b> The input is taken as zero before and after the file, and every output position
 * the filter reaches is computed (the filter is flushed), so inter-sample peaks around the first and
 * last samples are seen.
 */
public final class TruePeakMeter {
    /** Names this meter (factor, filter) in a session file; bump it whenever a change can move a reading. */
    public static final String ALGORITHM_VERSION = "bs1770-4 annex 2, kaiser-sinc 32 taps/phase beta 5 v1";
    /** Taps of each polyphase branch (see the class comment for the error this gives). */
    static final int TAPS_PER_PHASE = TruePeakFilter.TAPS_PER_PHASE;
    /** Kaiser window shape: about 55 dB of image rejection at this length, flat pass band. */
    static final double KAISER_BETA = TruePeakFilter.KAISER_BETA;
    private static final int BLOCK_FRAMES = 2048;
    /**
     * Sub-blocks of a block that may hold the peak, tested again with their own bound. Short, so little is
     * interpolated around each loud stretch (16 computes 40 % fewer outputs than 64 on a dense master).
     */
    private static final int SUB_BLOCK_FRAMES = 16;
    /** Frames per cell of the cell peaks the bounds are taken from (a divisor of the sub-block length). */
    private static final int CELL_FRAMES = 16;
    /** The first output position a tap reaches: n = -T/2 (the last is frames + T/2 - 2). */
    private static final long FIRST_OUTPUT = -TAPS_PER_PHASE / 2;
    private static final float[][] PHASES_4X = TruePeakFilter.phases(4);
    private static final float[][] PHASES_2X = TruePeakFilter.phases(2);

    private TruePeakMeter() {
    }

    /** BS.1770-4 Annex 2: 4x below 96 kHz, 2x up to 192 kHz; 1x above (our choice, see the class comment). */
    public static int oversamplingFactor(int sampleRate) {
        if (sampleRate < 96_000) {
            return 4;
        }
        return sampleRate <= 192_000 ? 2 : 1;
    }

    /** True and sample peak of every channel. */
    public static TruePeakReport measure(AudioBuffer audio) {
        ChannelMeter[] meters = new ChannelMeter[audio.channels()];
        ParallelTasks.run(audio.channels(), c -> {
            ChannelMeter meter = new ChannelMeter(audio.sampleRate());
            for (int from = 0; from < audio.frames(); from += ChannelMeter.MAX_FEED_FRAMES) {
                meter.feed(audio.channel(c), from, Math.min(ChannelMeter.MAX_FEED_FRAMES, audio.frames() - from));
            }
            meter.finish();
            meters[c] = meter;
        });
        return report(audio.sampleRate(), meters);
    }

    static TruePeakReport report(int sampleRate, ChannelMeter[] meters) {
        double[] truePeaks = new double[meters.length];
        double[] samplePeaks = new double[meters.length];
        for (int c = 0; c < meters.length; c++) {
            truePeaks[c] = meters[c].truePeak();
            samplePeaks[c] = meters[c].samplePeak();
        }
        return new TruePeakReport(oversamplingFactor(sampleRate), truePeaks, samplePeaks);
    }

    /**
     * The true peak of one channel, fed block by block: memory is one block whatever the length. Each
     * interpolated value is computed exactly as {@link #interpolatedPeak} computes it (the same taps on the
     * same inputs, zero before and after the signal), and the peak is their maximum, so the reading is
     * the same bits as over the whole signal at once. The pruning is the same too, within each block: the
     * running peak starts at the block's sample peak, stretches of 2048 outputs are visited loudest bound
     * first, then short sub-stretches whose own bound can beat the peak are interpolated.
     */
    static final class ChannelMeter {
        /** The most frames one {@link #feed} takes. */
        static final int MAX_FEED_FRAMES = 1 << 16;
        private static final int HISTORY = TAPS_PER_PHASE - 1;
        private final float[][] phases;
        private final double tapSum;
        /** The last {@value #HISTORY} inputs (zeros before the signal), then the block being fed. */
        private final float[] inputs = new float[HISTORY + MAX_FEED_FRAMES];
        private final float[] cells = new float[(HISTORY + MAX_FEED_FRAMES + CELL_FRAMES - 1) / CELL_FRAMES];
        /** {@link #runPeak}'s inputs of one tap group, and each branch's sums. */
        private final float[][] shifted = new float[4][BLOCK_FRAMES];
        private final float[][] branchSums;
        private final double[] bound = new double[MAX_FEED_FRAMES / BLOCK_FRAMES];
        private final Integer[] order = new Integer[MAX_FEED_FRAMES / BLOCK_FRAMES];
        private float peak;
        private float samplePeak;
        private long frames;
        private boolean finished;

        ChannelMeter(int sampleRate) {
            int factor = oversamplingFactor(sampleRate);
            this.phases = factor == 4 ? PHASES_4X : factor == 2 ? PHASES_2X : new float[1][];
            this.branchSums = new float[phases.length][BLOCK_FRAMES];
            double largest = 0;
            for (int p = 1; p < phases.length; p++) {
                double sum = 0;
                for (float c : phases[p]) {
                    sum += Math.abs(c);
                }
                largest = Math.max(largest, sum);
            }
            // Margin for the float rounding of the T products and their sums (relative error below T * 2^-23).
            this.tapSum = largest * 1.001;
        }

        /** Takes the next {@code count} samples, {@code x[from, from + count)}. */
        void feed(float[] x, int from, int count) {
            if (finished || count > MAX_FEED_FRAMES) {
                throw new IllegalStateException(finished ? "fed after finish" : "feed of " + count + " frames");
            }
            System.arraycopy(x, from, inputs, HISTORY, count);
            frames += count;
            take(count);
        }

        /** Flushes the filter: the outputs after the last sample, where the taps still reach it. */
        void finish() {
            if (!finished && frames > 0 && phases.length >= 2) {
                java.util.Arrays.fill(inputs, HISTORY, 2 * HISTORY, 0f);
                take(HISTORY);
            }
            finished = true;
        }

        float truePeak() {
            return peak;
        }

        float samplePeak() {
            return samplePeak;
        }

        /**
         * Measures the {@code count} new inputs: output i of this block reads inputs[i, i + T), the value at
         * a fractional position between the signal's samples whose taps end at the new input i.
         */
        private void take(int count) {
            int length = HISTORY + count;
            float blockPeak = 0;
            for (int k = 0, n = (length + CELL_FRAMES - 1) / CELL_FRAMES; k < n; k++) {
                float largest = cellPeak(inputs, k * CELL_FRAMES, Math.min(length, (k + 1) * CELL_FRAMES));
                cells[k] = largest;
                blockPeak = larger(blockPeak, largest);
            }
            // The history's samples were counted by the block they came in; counting them again is harmless.
            samplePeak = larger(samplePeak, blockPeak);
            peak = larger(peak, blockPeak);
            if (phases.length >= 2) {
                interpolate(count);
            }
            System.arraycopy(inputs, count, inputs, 0, HISTORY);
        }

        private void interpolate(int outputs) {
            int blocks = (outputs + BLOCK_FRAMES - 1) / BLOCK_FRAMES;
            for (int b = 0; b < blocks; b++) {
                bound[b] = tapSum * inputPeak(b * BLOCK_FRAMES, Math.min(BLOCK_FRAMES, outputs - b * BLOCK_FRAMES));
                order[b] = b;
            }
            java.util.Arrays.sort(order, 0, blocks, (p, q) -> bound[p] != bound[q] ? Double.compare(bound[q], bound[p])
                    : Integer.compare(p, q));
            for (int i = 0; i < blocks; i++) {
                int b = order[i];
                if (bound[b] <= peak) {
                    break; // no later stretch can exceed the peak either
                }
                // Consecutive sub-stretches that may hold the peak are interpolated as one run: long loops are
                // what C2 vectorises (a run of 64 outputs costs less than 16 outputs alone would, four times).
                // The peak then rises only after each run, so a few more outputs are computed than strictly
                // needed; every one is computed exactly as alone, and the maximum is the same.
                int end = Math.min(outputs, (b + 1) * BLOCK_FRAMES);
                int run = -1;
                for (int n0 = b * BLOCK_FRAMES; n0 < end; n0 += SUB_BLOCK_FRAMES) {
                    int length = Math.min(SUB_BLOCK_FRAMES, end - n0);
                    boolean candidate = !(tapSum * inputPeak(n0, length) <= peak);
                    if (candidate && run < 0) {
                        run = n0;
                    } else if (!candidate && run >= 0) {
                        peak = larger(peak, runPeak(run, n0 - run));
                        run = -1;
                    }
                }
                if (run >= 0) {
                    peak = larger(peak, runPeak(run, end - run));
                }
            }
        }

        /**
         * The largest |value| of outputs [n0, n0 + length), each the same bits as {@link #branchesPeak} gives:
         * the same products summed in the same order (four taps grouped, then the groups in turn). Written so
         * that C2 vectorises it: JDK 17's vectoriser gives up on a loop reading one array at several offsets
         * (window[i + k], window[i + k + 1], ...), so the four inputs of a tap group are first copied to four
         * arrays read at the loop index alone, and every branch takes its group from them.
         */
        private float runPeak(int n0, int length) {
            float[] x0 = shifted[0];
            float[] x1 = shifted[1];
            float[] x2 = shifted[2];
            float[] x3 = shifted[3];
            for (int k = 0; k < TAPS_PER_PHASE; k += 4) {
                System.arraycopy(inputs, n0 + k, x0, 0, length);
                System.arraycopy(inputs, n0 + k + 1, x1, 0, length);
                System.arraycopy(inputs, n0 + k + 2, x2, 0, length);
                System.arraycopy(inputs, n0 + k + 3, x3, 0, length);
                for (int p = 1; p < phases.length; p++) {
                    float[] c = phases[p];
                    float[] sum = branchSums[p];
                    float c0 = c[k];
                    float c1 = c[k + 1];
                    float c2 = c[k + 2];
                    float c3 = c[k + 3];
                    if (k == 0) {
                        for (int i = 0; i < length; i++) {
                            sum[i] = (c0 * x0[i] + c1 * x1[i]) + (c2 * x2[i] + c3 * x3[i]);
                        }
                    } else {
                        for (int i = 0; i < length; i++) {
                            sum[i] += (c0 * x0[i] + c1 * x1[i]) + (c2 * x2[i] + c3 * x3[i]);
                        }
                    }
                }
            }
            int largest = 0;
            for (int p = 1; p < phases.length; p++) {
                largest = Math.max(largest, largestMagnitudeBits(branchSums[p], 0, length));
            }
            return Float.intBitsToFloat(largest);
        }

        /** The largest cell peak over the inputs that outputs [n0, n0 + length) read. */
        private float inputPeak(int n0, int length) {
            float largest = 0;
            for (int k = n0 / CELL_FRAMES, last = (n0 + length + TAPS_PER_PHASE - 2) / CELL_FRAMES; k <= last; k++) {
                float c = cells[k];
                if (c > largest || c != c) {
                    largest = c;
                }
            }
            return largest;
        }

        /** The larger of two magnitudes; a NaN sticks. */
        private static float larger(float peak, float magnitude) {
            return peak != peak || !(magnitude <= peak) ? (peak != peak ? peak : magnitude) : peak;
        }
    }

    /**
     * The largest |value| at the fractional positions n + p / L (p = 1 .. L - 1) for every n where
     * the filter touches the signal. The value at n + p/L is the sum over k of
     * {@code phases[p][k] * x[n - T/2 + 1 + k]}, x being zero outside the file.
     */
    static float interpolatedPeak(float[] x, float[][] phases) {
        if (phases.length < 2 || x.length == 0) {
            return 0;
        }
        float[] window = new float[BLOCK_FRAMES + TAPS_PER_PHASE - 1];
        float[] acc = new float[BLOCK_FRAMES];
        TruePeakFilter.Lanes lanes = new TruePeakFilter.Lanes();
        float peak = 0;
        for (int b = 0; b < blocks(x.length); b++) {
            peak = Math.max(peak, blockPeak(x, phases, FIRST_OUTPUT + (long) b * BLOCK_FRAMES, BLOCK_FRAMES, window,
                    acc, lanes));
        }
        return peak;
    }

    /** Blocks of {@value #BLOCK_FRAMES} output positions covering every position a tap reaches. */
    private static int blocks(int frames) {
        return (int) (((long) frames + TAPS_PER_PHASE - 1 + BLOCK_FRAMES - 1) / BLOCK_FRAMES);
    }

    /**
     * The same value as {@code Math.max(floor, interpolatedPeak(x, phases))}, found without
     * interpolating most of the signal. An interpolated value is a sum of T products, so its magnitude is
     * at most (the largest sum of |taps| of any phase) times the largest |x| the filter sees: a block whose
     * bound is no higher than a peak already found cannot raise the maximum and is skipped (an exact
     * pruning: the blocks that are computed are computed exactly as before). Blocks are visited loudest
     * bound first, so the running maximum rises at once; {@code floor} (the sample peak, itself a lower
     * bound of the true peak) starts it. Non-finite input falls back to computing every block.
     */
    static float interpolatedPeakAbove(float[] x, float[][] phases, float floor) {
        return interpolatedPeakAbove(x, phases, floor, cellPeaks(x));
    }

    /**
     * The largest |x| of each cell of {@value #CELL_FRAMES} frames (the last cell may be shorter); NaN for a
     * cell holding a NaN, as {@code Math.max} would give. Written with a comparison rather than
     * {@code Math.max(float, float)}, which only C2 compiles to one instruction: analyze runs on C1.
     */
    static float[] cellPeaks(float[] x) {
        float[] cells = new float[(x.length + CELL_FRAMES - 1) / CELL_FRAMES];
        for (int k = 0; k < cells.length; k++) {
            cells[k] = cellPeak(x, k * CELL_FRAMES, Math.min(x.length, (k + 1) * CELL_FRAMES));
        }
        return cells;
    }

    /** The largest |x[i]| over [from, end), or NaN as soon as one is NaN (the streaming meter shares it). */
    private static float cellPeak(float[] x, int from, int end) {
        // On bit patterns: integer Math.max is one instruction on C1 as on C2. A float comparison with a branch
        // cost 8x more CPU on C1 (analyze) and as much on C2 (measured on 23 M samples).
        return Float.intBitsToFloat(largestMagnitudeBits(x, from, end));
    }

    /**
     * The bit pattern of the largest |x[i]| over [from, end): sign bits cleared, patterns order as their
     * magnitudes do and every NaN's is above them all, so the largest is the largest magnitude, or a NaN.
     */
    private static int largestMagnitudeBits(float[] x, int from, int end) {
        int largest = 0;
        for (int i = from; i < end; i++) {
            largest = Math.max(largest, Float.floatToRawIntBits(x[i]) & 0x7fffffff);
        }
        return largest;
    }

    /**
     * {@link #interpolatedPeakAbove(float[], float[][], float)} with the cell peaks of x already known. The
     * bound of a stretch of outputs uses the peaks of the cells its inputs fall in: a superset of those
     * inputs, so still a bound, found without reading the samples again.
     */
    private static float interpolatedPeakAbove(float[] x, float[][] phases, float floor, float[] cells) {
        if (!Float.isFinite(floor)) {
            return Math.max(floor, interpolatedPeak(x, phases));
        }
        if (phases.length < 2 || x.length == 0) {
            return floor;
        }
        final int taps = TAPS_PER_PHASE;
        final long firstOutput = FIRST_OUTPUT;
        int blocks = blocks(x.length);
        float[] window = new float[BLOCK_FRAMES + taps - 1];
        float[] acc = new float[BLOCK_FRAMES];
        TruePeakFilter.Lanes lanes = new TruePeakFilter.Lanes();
        float peak = floor;
        double tapSum = 0;
        for (int p = 1; p < phases.length; p++) {
            double sum = 0;
            for (float c : phases[p]) {
                sum += Math.abs(c);
            }
            tapSum = Math.max(tapSum, sum);
        }
        // Margin for the float rounding of the T products and their sums (relative error below T * 2^-23).
        tapSum *= 1.001;
        double[] bound = new double[blocks];
        Integer[] order = new Integer[blocks];
        for (int b = 0; b < blocks; b++) {
            bound[b] = tapSum * inputPeak(cells, x.length, firstOutput + (long) b * BLOCK_FRAMES, BLOCK_FRAMES);
            order[b] = b;
        }
        // Loudest bound first, ties by position: a fixed order (the maximum does not depend on it anyway).
        java.util.Arrays.sort(order, (p, q) -> bound[p] != bound[q] ? Double.compare(bound[q], bound[p])
                : Integer.compare(p, q));
        for (int b : order) {
            if (bound[b] <= peak) {
                break; // no later block can exceed the peak either
            }
            // Within a block that might, the same test on short sub-blocks (their own, closer maxima) skips
            // all but the few stretches around the loudest samples.
            long blockStart = firstOutput + (long) b * BLOCK_FRAMES;
            for (int sub = 0; sub < BLOCK_FRAMES; sub += SUB_BLOCK_FRAMES) {
                long n0 = blockStart + sub;
                if (tapSum * inputPeak(cells, x.length, n0, SUB_BLOCK_FRAMES) > peak) {
                    peak = Math.max(peak, blockPeak(x, phases, n0, SUB_BLOCK_FRAMES, window, acc, lanes));
                }
            }
        }
        return peak;
    }

    /**
     * The largest cell peak over the cells holding the inputs that outputs [n0, n0 + length) read (inputs
     * n0 - T/2 + 1 .. n0 + length + T/2 - 2 inside the file); 0 if they read none.
     */
    private static float inputPeak(float[] cells, int frames, long n0, int length) {
        long first = n0 - TAPS_PER_PHASE / 2 + 1;
        long from = Math.max(0, first);
        long to = Math.min(frames, first + length + TAPS_PER_PHASE - 1);
        float largest = 0;
        if (from < to) {
            // Comparisons, not Math.max(float, float) (a call on C1), with its semantics: a NaN sticks.
            for (int k = (int) (from / CELL_FRAMES), last = (int) ((to - 1) / CELL_FRAMES); k <= last; k++) {
                float c = cells[k];
                if (c > largest || c != c) {
                    largest = c;
                }
            }
        }
        return largest;
    }

    /**
     * The largest |value| of the outputs at positions [n0, n0 + length) that exist (see
     * {@link #interpolatedPeak}); 0 if none does. Each output is computed the same way whatever the range.
     */
    private static float blockPeak(float[] x, float[][] phases, long n0, int length, float[] window, float[] acc,
            TruePeakFilter.Lanes lanes) {
        final int taps = TAPS_PER_PHASE;
        final int frames = x.length;
        int outputs = (int) Math.min(length, frames + taps / 2 - 1 - n0);
        if (outputs <= 0) {
            return 0;
        }
        long first = n0 - taps / 2 + 1; // input index feeding window[0]
        int span = outputs + taps - 1;
        int from = (int) Math.max(0, -first);
        int to = (int) Math.min(span, frames - first);
        java.util.Arrays.fill(window, 0, span, 0f);
        if (to > from) {
            System.arraycopy(x, (int) (first + from), window, from, to - from);
        }
        return branchesPeak(phases, window, acc, outputs, lanes);
    }

    /**
     * The largest |value| of the first {@code outputs} outputs of every interpolating phase (phase 0 is the
     * samples themselves) over {@code window}; the streaming and the whole-buffer meters share it, so both
     * compute every output the same way.
     */
    private static float branchesPeak(float[][] phases, float[] window, float[] acc, int outputs,
            TruePeakFilter.Lanes lanes) {
        float max = 0;
        float min = 0;
        for (int p = 1; p < phases.length; p++) {
            TruePeakFilter.branch(phases[p], window, acc, outputs, lanes);
            // Comparisons, not Math.max/min(float, float) (calls on C1), with their NaN semantics: a NaN
            // output (only from non-finite input) sticks. Zero's sign cannot matter: the result is
            // max(max, -min) with max >= +0.
            for (int i = 0; i < outputs; i++) {
                float a = acc[i];
                if (a > max || a != a) {
                    max = a;
                }
                if (a < min || a != a) {
                    min = a;
                }
            }
        }
        return Math.max(max, -min);
    }

}
