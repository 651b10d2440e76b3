package org.freshears.dsp;

/**
 * The Kaiser window and Kaiser's empirical design formulas for windowed-sinc FIR filters
 * (J. F. Kaiser, "Nonrecursive digital filter design using the I0-sinh window function", Proc. IEEE
 * ISCAS 1974; restated in Oppenheim &amp; Schafer, Discrete-Time Signal Processing, 3rd ed., eqs. 7.62
 * and 7.63). Only plain arithmetic and StrictMath, so coefficients are the same bits on every JVM.
 */
public final class KaiserWindow {

    private KaiserWindow() {
    }

    /**
     * The shape parameter beta for a stopband attenuation (dB), Oppenheim &amp; Schafer eq. 7.62:
     * 0.1102 (A - 8.7) above 50 dB, 0.5842 (A - 21)^0.4 + 0.07886 (A - 21) from 21 to 50 dB, else 0.
     */
    public static double beta(double attenuationDb) {
        if (attenuationDb > 50) {
            return 0.1102 * (attenuationDb - 8.7);
        }
        if (attenuationDb >= 21) {
            return 0.5842 * StrictMath.pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21);
        }
        return 0;
    }

    /**
     * The filter order (length - 1) that reaches the attenuation over a transition band of
     * {@code transitionRadians} (rad/sample), Oppenheim &amp; Schafer eq. 7.63: M = (A - 8) / (2.285 dw).
     */
    public static int order(double attenuationDb, double transitionRadians) {
        return (int) Math.ceil((attenuationDb - 8) / (2.285 * transitionRadians));
    }

    /** The window of the given length: w[n] = I0(beta sqrt(1 - (2n/(N-1) - 1)^2)) / I0(beta). */
    public static double[] window(int length, double beta) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, got " + length);
        }
        double[] w = new double[length];
        if (length == 1) {
            w[0] = 1;
            return w;
        }
        double norm = besselI0(beta);
        for (int n = 0; n < length; n++) {
            double r = 2.0 * n / (length - 1) - 1;
            w[n] = besselI0(beta * StrictMath.sqrt(Math.max(0, 1 - r * r))) / norm;
        }
        return w;
    }

    /**
     * The modified Bessel function of the first kind, order 0, by its power series
     * sum ((x/2)^k / k!)^2 (Abramowitz &amp; Stegun 9.6.12), summed until a term no longer changes the sum.
     */
    public static double besselI0(double x) {
        double half = x / 2;
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 500; k++) {
            term *= half / k;
            double t2 = term * term;
            double next = sum + t2;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return sum;
    }
}
