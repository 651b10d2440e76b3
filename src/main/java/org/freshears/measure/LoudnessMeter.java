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
 * {@link #measure}, the squared samples of the last few seconds in a ring: the audio is fed block by
 * block ({@link Meter}), so memory does not grow with the length beyond a few numbers per hop.
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
        return fed(audio, false).integratedLufs();
    }

    /**
     * Integrated loudness of audio fed in order, block by block, without holding it: a loudness search measures
     * each version it tries as it makes it, a block at a time, instead of making the whole version first. The
     * same value, to the bit, as {@link #integratedLufs(AudioBuffer)} of all the audio fed (the meter's readings
     * never depend on how the audio is cut into feeds).
     */
    public static final class IntegratedLoudness {
        private final Meter meter;

        public IntegratedLoudness(int sampleRate, org.freshears.audio.ChannelLayout layout) {
            this.meter = new Meter(sampleRate, layout, false);
        }

        /** Measures {@code planar[c][from, from + count)} of every channel c, the next frames of the audio. */
        public void feed(float[][] planar, int from, int count) {
            for (int done = 0; done < count; done += Meter.MAX_FEED_FRAMES) {
                int n = Math.min(Meter.MAX_FEED_FRAMES, count - done);
                int at = from + done;
                ParallelTasks.run(meter.channelTasks(), i -> meter.filter(i, planar, at, n));
                meter.afterFeed(n);
            }
        }

        /** LUFS of everything fed so far ({@code NaN} if no block passes the gates). */
        public double integratedLufs() {
            return meter.integratedLufs();
        }
    }

    /** Everything: integrated, LRA, maxima, histories and the gates used. */
    public static LoudnessReport measure(AudioBuffer audio) {
        return fed(audio, true).report();
    }

    private static Meter fed(AudioBuffer audio, boolean searchMaxima) {
        Meter meter = new Meter(audio.sampleRate(), audio.layout(), searchMaxima);
        for (int from = 0; from < audio.frames(); from += Meter.MAX_FEED_FRAMES) {
            int count = Math.min(Meter.MAX_FEED_FRAMES, audio.frames() - from);
            int at = from;
            ParallelTasks.run(meter.channelTasks(), i -> meter.filter(i, audio.planar(), at, count));
            meter.afterFeed(count);
        }
        return meter;
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

    /**
     * The loudness of audio fed block by block, in bounded memory: per 100 ms hop a few numbers, and a
     * ring of the last few seconds of squared K-weighted samples for the search of the loudest windows.
     * A feed is two stages: {@link #filter} of each measured channel (independent: run them in parallel),
     * then {@link #afterFeed}. The readings are the same bits however the audio is fed.
     *
     * <p>Everything on the 100 ms grid (histories, gating, LRA) is built from whole hop sums, so nothing
     * drifts. The loudest windows are searched at every frame position: as each hop completes, the
     * windows ending in it are scanned with a running sum that restarts from exact hop sums, unless their
     * upper bound (the sum of the hops they can touch) cannot beat a grid window already seen. At the end
     * the hops are taken loudest bound first, as a whole-file search would, until no bound can beat the
     * best value: every hop reached there was scanned, since its bound beat every grid window.
     */
    static final class Meter {
        /** The most frames one feed takes. */
        static final int MAX_FEED_FRAMES = 1 << 16;
        private final HopGrid grid;
        private final double[] weights;
        private final int[] measured;
        private final KWeightedPower[] channels;
        /** Per weighted channel, the squared K-weighted samples of the latest frames, at {@code frame & mask}. */
        private final float[][] squares;
        private final int mask;
        private final boolean searchMaxima;
        private final WindowSearch momentary;
        private final WindowSearch shortTerm;
        /** Sum over weighted channels of G_c times the hop's sum of squares, for the complete hops. */
        private double[] hopPower = new double[64];
        private int completeHops;
        private long frames;

        Meter(int sampleRate, org.freshears.audio.ChannelLayout layout, boolean searchMaxima) {
            this.grid = new HopGrid(sampleRate);
            BiquadCoefficients shelf = KWeighting.shelf(sampleRate);
            BiquadCoefficients highPass = KWeighting.highPass(sampleRate);
            double[] allWeights = ChannelWeights.of(layout);
            this.measured = java.util.stream.IntStream.range(0, layout.channels())
                    .filter(c -> allWeights[c] != 0).toArray(); // BS.1770: the LFE is not measured
            this.weights = new double[measured.length];
            for (int i = 0; i < measured.length; i++) {
                weights[i] = allWeights[measured[i]];
            }
            this.searchMaxima = searchMaxima;
            // The scan of a hop reads back a window and a hop from its end; the hop may have begun a feed earlier.
            long reach = grid.start(SHORT_TERM_HOPS) + grid.start(2) + MAX_FEED_FRAMES;
            int ring = searchMaxima ? Integer.highestOneBit((int) reach) << 1 : 0;
            this.mask = ring - 1;
            this.squares = searchMaxima ? new float[measured.length][ring] : null;
            this.channels = new KWeightedPower[measured.length];
            for (int i = 0; i < measured.length; i++) {
                channels[i] = new KWeightedPower(grid, shelf, highPass, searchMaxima ? squares[i] : null);
            }
            this.momentary = new WindowSearch(MOMENTARY_HOPS);
            this.shortTerm = new WindowSearch(SHORT_TERM_HOPS);
        }

        /** The independent tasks of a feed: one per measured channel. */
        int channelTasks() {
            return measured.length;
        }

        /** Task i of a feed: K-weights its channel of frames {@code [from, from + count)}. */
        void filter(int task, float[][] planar, int from, int count) {
            if (count > MAX_FEED_FRAMES) {
                throw new IllegalArgumentException("feed of " + count + " frames");
            }
            channels[task].feed(planar[measured[task]], from, count);
        }

        /** The serial part of a feed of {@code count} frames, once every channel is filtered. */
        void afterFeed(int count) {
            frames += count;
            int complete = grid.completeHops(frames);
            for (int k = completeHops; k < complete; k++) {
                double power = 0;
                for (int i = 0; i < channels.length; i++) {
                    power += weights[i] * channels[i].hopSum(k);
                }
                addHop(power);
                if (searchMaxima) {
                    momentary.hopComplete(k, grid.start(k + 1));
                    shortTerm.hopComplete(k, grid.start(k + 1));
                }
            }
        }

        private void addHop(double power) {
            if (completeHops == hopPower.length) {
                hopPower = java.util.Arrays.copyOf(hopPower, 2 * completeHops);
            }
            hopPower[completeHops++] = power;
        }

        private double[] finish() {
            // plus the hop in progress at the end (may be empty)
            double[] all = java.util.Arrays.copyOf(hopPower, completeHops + 1);
            double power = 0;
            for (int i = 0; i < channels.length; i++) {
                power += weights[i] * channels[i].partialHopSum();
            }
            all[completeHops] = power;
            return all;
        }

        double integratedLufs() {
            double[] power = finish();
            return gate(windowMeans(power, MOMENTARY_HOPS))[0];
        }

        LoudnessReport report() {
            double[] power = finish();
            double[] momentaryMeans = windowMeans(power, MOMENTARY_HOPS);
            double[] shortTermMeans = windowMeans(power, SHORT_TERM_HOPS);
            double[] gates = gate(momentaryMeans);
            double[] range = loudnessRange(shortTermMeans);
            double maxMomentary = momentary.finish(power, momentaryMeans);
            double maxShortTerm = shortTerm.finish(power, shortTermMeans);
            return new LoudnessReport(gates[0], range[0], loudness(maxMomentary), loudness(maxShortTerm),
                    loudness(momentaryMeans), loudness(shortTermMeans), ABSOLUTE_GATE_LUFS, gates[1], range[1],
                    range[2], range[3]);
        }

        /**
         * The weighted mean square of the window of {@code windowHops} hops ending at the end of hop i,
         * for every complete hop i; NaN where the window would start before the file. Each value is a
         * fresh sum of hop sums.
         */
        private double[] windowMeans(double[] power, int windowHops) {
            int complete = power.length - 1;
            double[] means = new double[complete];
            for (int i = 0; i < complete; i++) {
                means[i] = windowMean(power, i, windowHops);
            }
            return means;
        }

        private double windowMean(double[] power, int i, int windowHops) {
            int first = i + 1 - windowHops;
            if (first < 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (int k = first; k <= i; k++) {
                sum += power[k];
            }
            return sum / (grid.start(i + 1) - grid.start(first));
        }

        /** BS.1770-4 gating over the 400 ms blocks: {integrated LUFS, relative gate LUFS}. */
        private static double[] gate(double[] blockMeans) {
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
         * The loudest window of {@code windowHops * 100 ms} (exactly {@code grid.start(windowHops)} frames)
         * at every frame position inside the file, and over the grid windows.
         */
        private final class WindowSearch {
            private final int windowHops;
            private final long window;
            /** The best grid window mean seen so far: a lower bound of the final best. */
            private double gridBest = Double.NEGATIVE_INFINITY;
            private int[] hops = new int[64];
            private double[] bounds = new double[64];
            /** The hop's best window mean, NaN where it was not scanned (its bound could not win). */
            private double[] scans = new double[64];
            private int candidates;

            WindowSearch(int windowHops) {
                this.windowHops = windowHops;
                this.window = grid.start(windowHops);
            }

            /** Hop k is complete (its frames end at {@code end}): note its grid window, scan its windows. */
            void hopComplete(int k, long end) {
                double mean = windowMean(hopPower, k, windowHops);
                if (mean > gridBest) {
                    gridBest = mean;
                }
                candidate(hopPower, k, end);
            }

            /** The windows ending at e in (start(k), hi] that lie inside the file. */
            private void candidate(double[] power, int k, long hi) {
                long lo = Math.max(grid.start(k) + 1, window);
                if (lo > hi) {
                    return;
                }
                double bound = 0; // every window of this hop lies inside [lo - window, hi)
                for (int h = grid.hopOf(lo - window), last = grid.hopOf(hi - 1); h <= last; h++) {
                    bound += power[h];
                }
                if (candidates == hops.length) {
                    hops = java.util.Arrays.copyOf(hops, 2 * candidates);
                    bounds = java.util.Arrays.copyOf(bounds, 2 * candidates);
                    scans = java.util.Arrays.copyOf(scans, 2 * candidates);
                }
                hops[candidates] = k;
                bounds[candidates] = bound;
                scans[candidates] = bound / window > gridBest ? scanHop(power, lo, hi) : Double.NaN;
                candidates++;
            }

            /** The best window mean, NaN if the file is shorter than the window. */
            double finish(double[] power, double[] gridMeans) {
                if (frames < window) {
                    return Double.NaN;
                }
                int last = power.length - 1; // the hop in progress at the end, if it has frames
                if (grid.start(last) < frames) {
                    candidate(power, last, frames);
                }
                double best = Double.NEGATIVE_INFINITY;
                for (double mean : gridMeans) {
                    if (mean > best) {
                        best = mean;
                    }
                }
                Integer[] byBound = new Integer[candidates];
                for (int i = 0; i < candidates; i++) {
                    byBound[i] = i;
                }
                // Loudest bound first, ties by position, so the order (and result) is fixed.
                java.util.Arrays.sort(byBound, (p, q) -> bounds[p] != bounds[q] ? Double.compare(bounds[q], bounds[p])
                        : Integer.compare(hops[p], hops[q]));
                for (int i : byBound) {
                    if (!(bounds[i] / window > best)) {
                        break; // no later hop can beat the best either
                    }
                    if (Double.isNaN(scans[i])) {
                        throw new IllegalStateException("hop " + hops[i] + " was not scanned");
                    }
                    best = Math.max(best, scans[i]);
                }
                return best;
            }

            /** The largest mean over windows ending at e in [lo, hi], running from an exact start. */
            private double scanHop(double[] power, long lo, long hi) {
                double sum = windowSum(power, lo - window, lo);
                double max = sum;
                int w = (int) window;
                int m = mask;
                if (squares.length == 2) { // stereo, the common case, without the channel loop
                    float[] left = squares[0], right = squares[1];
                    double gl = weights[0], gr = weights[1];
                    for (long e = lo; e < hi; e++) {
                        int now = (int) e & m;
                        int gone = (int) (e - w) & m;
                        sum += (gl * left[now] + gr * right[now]) - (gl * left[gone] + gr * right[gone]);
                        max = Math.max(max, sum);
                    }
                } else {
                    for (long e = lo; e < hi; e++) {
                        sum += framePower(e) - framePower(e - w);
                        max = Math.max(max, sum);
                    }
                }
                return max / window;
            }

            /** The weighted sum of squares over frames [from, to): whole hops from hop sums, edges by frame. */
            private double windowSum(double[] power, long from, long to) {
                int first = grid.hopOf(from);
                int last = grid.hopOf(to);
                if (first == last) {
                    return directSum(from, to);
                }
                double sum = from == grid.start(first) ? power[first] : directSum(from, grid.start(first + 1));
                for (int k = first + 1; k < last; k++) {
                    sum += power[k];
                }
                return sum + directSum(grid.start(last), to);
            }

            private double directSum(long from, long to) {
                double sum = 0;
                for (long n = from; n < to; n++) {
                    sum += framePower(n);
                }
                return sum;
            }
        }

        private double framePower(long frame) {
            int r = (int) frame & mask;
            double sum = 0;
            for (int c = 0; c < squares.length; c++) {
                sum += weights[c] * squares[c][r];
            }
            return sum;
        }
    }

    // ---- several programmes as one (albums) -------------------------------------------------------

    /**
     * The weighted mean squares of the 400 ms gating blocks of BS.1770-4 Annex 1 (75 % overlap, on the
     * 100 ms grid), before any gate: what {@link #integratedLufs(AudioBuffer)} gates, kept so that several
     * programmes can be gated together ({@link #integratedLufs(List)}).
     */
    public static double[] gatingBlocks(AudioBuffer audio) {
        Meter meter = fed(audio, false);
        return meter.windowMeans(meter.finish(), MOMENTARY_HOPS);
    }

    /**
     * The integrated loudness of several programmes as one, LUFS: BS.1770-4's two gates applied to all
     * their 400 ms blocks together, the album loudness of ReplayGain 2.0 and libebur128's
     * {@code ebur128_loudness_global_multiple}. It equals the loudness of the programmes played in a row but
     * for the few blocks a concatenation would have across each joint (and the K-weighting filters' state
     * carried over it). The same bits as {@link #integratedLufs(AudioBuffer)} for one programme.
     */
    public static double integratedLufs(java.util.List<double[]> blocksOfEachProgramme) {
        int n = blocksOfEachProgramme.stream().mapToInt(b -> b.length).sum();
        double[] all = new double[n];
        int at = 0;
        for (double[] blocks : blocksOfEachProgramme) {
            System.arraycopy(blocks, 0, all, at, blocks.length);
            at += blocks.length;
        }
        return Meter.gate(all)[0];
    }
}
