package org.freshears.measure;

import org.freshears.dsp.BiquadCoefficients;

/**
 * The per-channel heavy lifting of the loudness meter: K-weight one channel, square it, and sum the
 * squares per 100 ms hop, fed block by block (the filter state and the hop in progress carry over). One
 * instance per channel; channels run in parallel.
 *
 * <p>Each squared sample is rounded to float before it is summed or stored, so the hop sums and the
 * per-frame squares that the sliding-window search uses are the same numbers (relative error of a
 * square at most 6e-8, i.e. below 3e-7 dB on any reading). Every hop sum starts from zero, so no
 * error carries from one hop to the next, and the sums are the same bits however the audio is fed.
 */
final class KWeightedPower {
    /** Length of the ring of squares nobody reads (16 KiB): the feeding splits at its wraps, as at any ring's. */
    private static final int SCRATCH_RING = 4096;
    private final HopGrid grid;
    private final double b0, b1, b2, a1, a2;
    private final double c0, c1, c2, d1, d2;
    /**
     * Where each squared sample goes, at {@code frame & mask}: the caller's ring, or a scratch ring of this
     * instance's own when they are not kept. One loop for both cases: with a loop for each, C2 compiled the
     * one the run had used so far, and the first meter of the other kind sent it back to the interpreter
     * (the loudness meters of a cold notebook run then compiled {@link #filter} three times).
     */
    private final float[] squares;
    private final int mask;
    private double x1, x2, u1, u2, v1, v2;
    private long position;
    private int hop;
    private long hopEnd;
    private double hopSum;
    /** Sums of the complete hops, in order (growing). */
    private double[] hopSums = new double[64];
    private int completeHops;

    /**
     * @param squares a ring of a power-of-two length that receives each squared sample at {@code frame &
     *     (length - 1)}, or null
     */
    KWeightedPower(HopGrid grid, BiquadCoefficients shelf, BiquadCoefficients highPass, float[] squares) {
        this.grid = grid;
        b0 = shelf.b0();
        b1 = shelf.b1();
        b2 = shelf.b2();
        a1 = shelf.a1();
        a2 = shelf.a2();
        c0 = highPass.b0();
        c1 = highPass.b1();
        c2 = highPass.b2();
        d1 = highPass.a1();
        d2 = highPass.a2();
        if (squares != null && Integer.bitCount(squares.length) != 1) {
            throw new IllegalArgumentException("the ring's length must be a power of two: " + squares.length);
        }
        this.squares = squares != null ? squares : new float[SCRATCH_RING];
        this.mask = this.squares.length - 1;
        this.hopEnd = grid.start(1);
    }

    /** Filters {@code samples[from, from + count)}, the next frames of the channel. */
    void feed(float[] samples, int from, int count) {
        int n = from;
        int end = from + count;
        while (n < end) {
            int length = (int) Math.min(hopEnd - position, end - n);
            length = Math.min(length, squares.length - (int) (position & mask)); // up to the ring's wrap
            hopSum = filter(samples, n, length, hopSum);
            n += length;
            position += length;
            if (position == hopEnd) {
                if (completeHops == hopSums.length) {
                    hopSums = java.util.Arrays.copyOf(hopSums, 2 * completeHops);
                }
                hopSums[completeHops++] = hopSum;
                hopSum = 0;
                hop++;
                hopEnd = grid.start(hop + 1);
            }
        }
    }

    /**
     * Direct form I: the feedback path of each section is one multiply and one subtract long, half the
     * latency of the transposed form, and the two sections pipeline. Returns {@code sum} plus the squares.
     */
    private double filter(float[] samples, int from, int length, double sum) {
        final double b0 = this.b0, b1 = this.b1, b2 = this.b2, a1 = this.a1, a2 = this.a2;
        final double c0 = this.c0, c1 = this.c1, c2 = this.c2, d1 = this.d1, d2 = this.d2;
        double x1 = this.x1, x2 = this.x2, u1 = this.u1, u2 = this.u2, v1 = this.v1, v2 = this.v2;
        int to = from + length;
        float[] out = squares;
        for (int n = from, r = (int) (position & mask); n < to; n++, r++) {
            double x = samples[n];
            double u = (b0 * x + b1 * x1 + b2 * x2 - a2 * u2) - a1 * u1;
            double v = (c0 * u + c1 * u1 + c2 * u2 - d2 * v2) - d1 * v1;
            x2 = x1;
            x1 = x;
            u2 = u1;
            u1 = u;
            v2 = v1;
            v1 = v;
            float square = (float) (v * v);
            out[r] = square;
            sum += square;
        }
        this.x1 = x1;
        this.x2 = x2;
        this.u1 = u1;
        this.u2 = u2;
        this.v1 = v1;
        this.v2 = v2;
        return sum;
    }

    /** Hops completed so far. */
    int completeHops() {
        return completeHops;
    }

    /** The sum of squares of complete hop k. */
    double hopSum(int k) {
        return hopSums[k];
    }

    /** The sum of squares of the hop in progress (0 if it has no frames yet). */
    double partialHopSum() {
        return hopSum;
    }
}
