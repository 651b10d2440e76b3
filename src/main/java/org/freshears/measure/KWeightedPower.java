package org.freshears.measure;

import org.freshears.dsp.BiquadCoefficients;

/**
 * The per-channel heavy lifting of the loudness meter: K-weight one channel, square it, and sum the
 * squares per 100 ms hop. One call per channel; channels run in parallel.
 *
 * <p>Each squared sample is rounded to float before it is summed or stored, so the hop sums and the
 * per-frame squares that the sliding-window search uses are the same numbers (relative error of a
 * square at most 6e-8, i.e. below 3e-7 dB on any reading). Every hop sum starts from zero, so no
 * error carries from one hop to the next.
 */
final class KWeightedPower {
    private KWeightedPower() {
    }

    /**
     * Filters {@code samples[0, frames)}; writes the sum of the squared K-weighted samples of hop k into
     * {@code hopSums[k]} for every hop that starts inside the file (the last may be partial), and, if
     * {@code squares} is not null, each squared sample into {@code squares[n]}.
     */
    static void measure(float[] samples, int frames, HopGrid grid, BiquadCoefficients shelf,
            BiquadCoefficients highPass, double[] hopSums, float[] squares) {
        // Direct form I: the feedback path of each section is one multiply and one subtract long,
        // half the latency of the transposed form, and the two sections pipeline.
        final double b0 = shelf.b0(), b1 = shelf.b1(), b2 = shelf.b2(), a1 = shelf.a1(), a2 = shelf.a2();
        final double c0 = highPass.b0(), c1 = highPass.b1(), c2 = highPass.b2();
        final double d1 = highPass.a1(), d2 = highPass.a2();
        double x1 = 0, x2 = 0, u1 = 0, u2 = 0, v1 = 0, v2 = 0;
        int hops = hopSums.length;
        for (int k = 0; k < hops; k++) {
            int from = (int) grid.start(k);
            int to = (int) Math.min(grid.start(k + 1), frames);
            double sum = 0;
            if (squares == null) {
                for (int n = from; n < to; n++) {
                    double x = samples[n];
                    double u = (b0 * x + b1 * x1 + b2 * x2 - a2 * u2) - a1 * u1;
                    double v = (c0 * u + c1 * u1 + c2 * u2 - d2 * v2) - d1 * v1;
                    x2 = x1;
                    x1 = x;
                    u2 = u1;
                    u1 = u;
                    v2 = v1;
                    v1 = v;
                    sum += (float) (v * v);
                }
            } else {
                for (int n = from; n < to; n++) {
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
                    squares[n] = square;
                    sum += square;
                }
            }
            hopSums[k] = sum;
        }
    }
}
