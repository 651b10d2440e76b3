package org.freshears.measure;

import java.util.Arrays;

import org.freshears.audio.AudioBuffer;
import org.freshears.dsp.BiquadCoefficients;

/**
 * Loudness per ITU-R BS.1770-4 Annex 1 and EBU Tech 3341 / 3342: momentary, short-term and
 * integrated loudness, loudness range, and the loudest momentary and short-term windows.
 *
 * <p>How it works, and what it costs: each channel is K-weighted and squared in its own thread
 * ({@link KWeightedPower}), giving exact per-hop sums (a fresh double sum per 100 ms hop) and, for
 * {@link #measure}, one float per frame per weighted channel (as much memory as the input itself).
 * Everything on the 100 ms grid (histories, gating, LRA) is built from whole hop sums, so nothing
 * drifts. The loudest windows are searched at every frame position: a hop's window positions are
 * scanned with a running sum that restarts from exact hop sums at every hop, and hops whose upper
 * bound (the sum of the hops the windows can touch) cannot beat the best value so far are skipped.
 * All of it is O(frames), and the result does not depend on thread scheduling.
 */
public final class LoudnessMeter {
    /**
     * Names the algorithm behind the figures in a session file. Bump it whenever a change can move a
     * reading (a filter, a gate, the LRA percentiles), so an old session's figures are not mistaken for new ones.
     */
    public static final String ALGORITHM_VERSION = "bs1770-4 + tech3341/3342 v1";
    /** BS.1770-4 eq. (2): L = -0.691 + 10 log10(sum G_i z_i); the offset makes a 997 Hz sine read its rms. */
    static final double LOUDNESS_OFFSET_DB = -0.691;
    /** BS.1770-4 Annex 1 (gating, Gamma_a) and EBU Tech 3342 (LRA): the absolute gate, LUFS. */
    public static final double ABSOLUTE_GATE_LUFS = -70.0;
    /** BS.1770-4 Annex 1: the relative gate of integrated loudness, LU below the absolutely gated level. */
    public static final double RELATIVE_GATE_LU = -10.0;
    /** EBU Tech 3342: the relative gate of the loudness range, LU below the short-term power mean. */
    public static final double LRA_RELATIVE_GATE_LU = -20.0;
    /** EBU Tech 3342: the low and high percentiles whose difference is the loudness range. */
    public static final int LRA_LOW_PERCENTILE = 10;
    public static final int LRA_HIGH_PERCENTILE = 95;
    /** BS.1770-4 gating block and EBU Tech 3341 momentary window: 400 ms = 4 hops of 100 ms. */
    static final int MOMENTARY_HOPS = 4;
    /** EBU Tech 3341 short-term window: 3 s = 30 hops. */
    static final int SHORT_TERM_HOPS = 30;

    private LoudnessMeter() {
    }

    /**
     * Integrated loudness only, LUFS ({@code NaN} if no block passes the gates). Cheaper than
     * {@link #measure}: it keeps only the per-hop sums (no per-frame memory, no window search), for
     * callers that measure many times, like a limiter's loudness-target search. Same value, to the
     * bit, as {@code measure(audio).integratedLufs()}.
     */
    public static double integratedLufs(AudioBuffer audio) {
        Power power = Power.of(audio, false);
        return power.gate(power.windowMeans(MOMENTARY_HOPS))[0];
    }

    /** Everything: integrated, LRA, maxima, histories and the gates used. */
    public static LoudnessReport measure(AudioBuffer audio) {
        Power power = Power.of(audio, true);
        double[] momentaryMeans = power.windowMeans(MOMENTARY_HOPS);
        double[] shortTermMeans = power.windowMeans(SHORT_TERM_HOPS);
        double[] gates = power.gate(momentaryMeans);
        double[] range = loudnessRange(shortTermMeans);
        double[] maxMeans = new double[2];
        ParallelTasks.run(2, i -> maxMeans[i] = i == 0
                ? power.maxWindowMean(MOMENTARY_HOPS, momentaryMeans)
                : power.maxWindowMean(SHORT_TERM_HOPS, shortTermMeans));
        return new LoudnessReport(gates[0], range[0], loudness(maxMeans[0]), loudness(maxMeans[1]),
                loudness(momentaryMeans), loudness(shortTermMeans), ABSOLUTE_GATE_LUFS, gates[1], range[1],
                range[2], range[3]);
    }

    /** Loudness of a weighted mean square, LUFS (NaN stays NaN, silence is -Infinity). */
    static double loudness(double weightedMeanSquare) {
        return LOUDNESS_OFFSET_DB + 10 * StrictMath.log10(weightedMeanSquare);
    }

    private static double[] loudness(double[] means) {
        double[] lufs = new double[means.length];
        for (int i = 0; i < means.length; i++) {
            lufs[i] = loudness(means[i]);
        }
        return lufs;
    }

    /**
     * EBU Tech 3342: {LRA, relative gate, P10, P95} from the short-term windows on the 100 ms grid
     * (10 Hz, above the minimum rate Tech 3342 asks for). Gates are strict, as in BS.1770.
     */
    static double[] loudnessRange(double[] shortTermMeans) {
        double[] kept = new double[shortTermMeans.length];
        int n = 0;
        double powerSum = 0;
        for (double mean : shortTermMeans) {
            if (loudness(mean) > ABSOLUTE_GATE_LUFS) { // false for NaN (windows that do not exist)
                kept[n++] = mean;
                powerSum += mean;
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double relativeGate = loudness(powerSum / n) + LRA_RELATIVE_GATE_LU;
        double[] gated = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double lufs = loudness(kept[i]);
            if (lufs > relativeGate) {
                gated[m++] = lufs;
            }
        }
        if (m == 0) {
            return new double[] {Double.NaN, relativeGate, Double.NaN, Double.NaN};
        }
        Arrays.sort(gated, 0, m);
        double low = gated[nearestRank(m, LRA_LOW_PERCENTILE)];
        double high = gated[nearestRank(m, LRA_HIGH_PERCENTILE)];
        return new double[] {high - low, relativeGate, low, high};
    }

    /** Tech 3342 percentile of n sorted values: index round((n - 1) p / 100), halves up, in integers. */
    static int nearestRank(int n, int percentile) {
        return (int) (((long) (n - 1) * percentile + 50) / 100);
    }

    /** The K-weighted, channel-weighted power of one buffer, per hop and (optionally) per frame. */
    private static final class Power {
        private final HopGrid grid;
        private final int frames;
        /** Complete hops: history values exist for hops 0 .. completeHops - 1. */
        private final int completeHops;
        /** Sum over weighted channels of G_c times the hop's sum of squares; the last hop may be partial. */
        private final double[] hopPower;
        /** Per weighted channel: its weight and its squared K-weighted samples (null if not kept). */
        private final double[] weights;
        private final float[][] squares;

        private Power(HopGrid grid, int frames, int completeHops, double[] hopPower, double[] weights,
                float[][] squares) {
            this.grid = grid;
            this.frames = frames;
            this.completeHops = completeHops;
            this.hopPower = hopPower;
            this.weights = weights;
            this.squares = squares;
        }

        static Power of(AudioBuffer audio, boolean keepSquares) {
            int rate = audio.sampleRate();
            int frames = audio.frames();
            HopGrid grid = new HopGrid(rate);
            BiquadCoefficients shelf = KWeighting.shelf(rate);
            BiquadCoefficients highPass = KWeighting.highPass(rate);
            double[] allWeights = ChannelWeights.of(audio.layout());
            int[] measured = java.util.stream.IntStream.range(0, audio.channels())
                    .filter(c -> allWeights[c] != 0).toArray(); // BS.1770: the LFE is not measured
            int completeHops = grid.completeHops(frames);
            int hops = completeHops + 1; // plus the hop in progress at the end (may be empty)
            double[][] hopSums = new double[measured.length][hops];
            float[][] squares = keepSquares ? new float[measured.length][frames] : null;
            ParallelTasks.run(measured.length, i -> KWeightedPower.measure(audio.channel(measured[i]), frames,
                    grid, shelf, highPass, hopSums[i], keepSquares ? squares[i] : null));
            double[] weights = new double[measured.length];
            double[] hopPower = new double[hops];
            for (int i = 0; i < measured.length; i++) {
                weights[i] = allWeights[measured[i]];
                for (int k = 0; k < hops; k++) {
                    hopPower[k] += weights[i] * hopSums[i][k];
                }
            }
            return new Power(grid, frames, completeHops, hopPower, weights, squares);
        }

        /**
         * The weighted mean square of the window of {@code windowHops} hops ending at the end of hop i,
         * for every complete hop i; NaN where the window would start before the file. Each value is a
         * fresh sum of hop sums.
         */
        double[] windowMeans(int windowHops) {
            double[] means = new double[completeHops];
            for (int i = 0; i < completeHops; i++) {
                int first = i + 1 - windowHops;
                if (first < 0) {
                    means[i] = Double.NaN;
                    continue;
                }
                double sum = 0;
                for (int k = first; k <= i; k++) {
                    sum += hopPower[k];
                }
                means[i] = sum / (grid.start(i + 1) - grid.start(first));
            }
            return means;
        }

        /** BS.1770-4 gating over the 400 ms blocks: {integrated LUFS, relative gate LUFS}. */
        double[] gate(double[] blockMeans) {
            double sum = 0;
            int count = 0;
            for (double mean : blockMeans) {
                if (loudness(mean) > ABSOLUTE_GATE_LUFS) { // false for NaN: incomplete blocks are not used
                    sum += mean;
                    count++;
                }
            }
            if (count == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double relativeGate = loudness(sum / count) + RELATIVE_GATE_LU;
            sum = 0;
            count = 0;
            for (double mean : blockMeans) {
                double lufs = loudness(mean);
                if (lufs > ABSOLUTE_GATE_LUFS && lufs > relativeGate) {
                    sum += mean;
                    count++;
                }
            }
            return new double[] {count == 0 ? Double.NaN : loudness(sum / count), relativeGate};
        }

        /**
         * The largest weighted mean square of a window of {@code windowHops * 100 ms} (exactly
         * {@code grid.start(windowHops)} frames) over every frame position inside the file, and over
         * the grid windows; NaN if the file is shorter than the window.
         */
        double maxWindowMean(int windowHops, double[] gridMeans) {
            long window = grid.start(windowHops);
            if (frames < window) {
                return Double.NaN;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (double mean : gridMeans) {
                if (mean > best) {
                    best = mean;
                }
            }
            // The window ending at frame e (exclusive) belongs to hop k when start(k) < e <= start(k + 1).
            int hops = hopPower.length;
            int[] order = new int[hops];
            long[] firstEnd = new long[hops];
            long[] lastEnd = new long[hops];
            double[] bound = new double[hops];
            int candidates = 0;
            for (int k = 0; k < hops; k++) {
                long lo = Math.max(grid.start(k) + 1, window);
                long hi = Math.min(grid.start(k + 1), frames);
                if (lo > hi) {
                    continue;
                }
                double sum = 0; // every window of this hop lies inside [lo - window, hi)
                for (int h = grid.hopOf(lo - window), last = grid.hopOf(hi - 1); h <= last; h++) {
                    sum += hopPower[h];
                }
                order[candidates] = k;
                firstEnd[k] = lo;
                lastEnd[k] = hi;
                bound[k] = sum;
                candidates++;
            }
            Integer[] byBound = new Integer[candidates];
            for (int i = 0; i < candidates; i++) {
                byBound[i] = order[i];
            }
            // Loudest bound first, ties by position, so the scan order (and result) is fixed.
            Arrays.sort(byBound, (p, q) -> bound[p] != bound[q] ? Double.compare(bound[q], bound[p])
                    : Integer.compare(p, q));
            for (int k : byBound) {
                if (!(bound[k] / window > best)) {
                    break; // no later hop can beat the best either
                }
                best = Math.max(best, scanHop(firstEnd[k], lastEnd[k], window));
            }
            return best;
        }

        /** The largest mean over windows ending at e in [lo, hi], running from an exact start. */
        private double scanHop(long lo, long hi, long window) {
            double sum = windowSum(lo - window, lo);
            double max = sum;
            int w = (int) window;
            if (squares.length == 2) { // stereo, the common case, without the channel loop
                float[] left = squares[0], right = squares[1];
                double gl = weights[0], gr = weights[1];
                for (int e = (int) lo; e < hi; e++) {
                    sum += (gl * left[e] + gr * right[e]) - (gl * left[e - w] + gr * right[e - w]);
                    max = Math.max(max, sum);
                }
            } else {
                for (int e = (int) lo; e < hi; e++) {
                    sum += power(e) - power(e - w);
                    max = Math.max(max, sum);
                }
            }
            return max / window;
        }

        /** The weighted sum of squares over frames [from, to): whole hops from hop sums, edges by frame. */
        private double windowSum(long from, long to) {
            int first = grid.hopOf(from);
            int last = grid.hopOf(to);
            if (first == last) {
                return directSum(from, to);
            }
            double sum = from == grid.start(first) ? hopPower[first] : directSum(from, grid.start(first + 1));
            for (int k = first + 1; k < last; k++) {
                sum += hopPower[k];
            }
            return sum + directSum(grid.start(last), to);
        }

        private double directSum(long from, long to) {
            double sum = 0;
            for (int n = (int) from; n < to; n++) {
                sum += power(n);
            }
            return sum;
        }

        private double power(int frame) {
            double sum = 0;
            for (int c = 0; c < squares.length; c++) {
                sum += weights[c] * squares[c][frame];
            }
            return sum;
        }
    }
}
