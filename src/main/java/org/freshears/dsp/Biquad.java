package org.freshears.dsp;

/**
 * One channel of a second-order IIR section in transposed direct form II, with double state.
 * Plain IEEE arithmetic only, so the output bits are the same on every JVM.
 */
public final class Biquad {
    private BiquadCoefficients c;
    private double z1;
    private double z2;

    public Biquad(BiquadCoefficients coefficients) {
        this.c = coefficients;
    }

    public BiquadCoefficients coefficients() {
        return c;
    }

    /** Changes the coefficients, keeping the state (for parameter changes without a click). */
    public void setCoefficients(BiquadCoefficients coefficients) {
        this.c = coefficients;
    }

    public void reset() {
        z1 = 0;
        z2 = 0;
    }

    public double process(double x) {
        double y = c.b0() * x + z1;
        z1 = c.b1() * x - c.a1() * y + z2;
        z2 = c.b2() * x - c.a2() * y;
        return y;
    }

    /** Filters {@code samples[offset, offset + frames)} in place. */
    public void process(float[] samples, int offset, int frames) {
        final double b0 = c.b0(), b1 = c.b1(), b2 = c.b2(), a1 = c.a1(), a2 = c.a2();
        double s1 = z1, s2 = z2;
        for (int i = offset, end = offset + frames; i < end; i++) {
            double x = samples[i];
            double y = b0 * x + s1;
            s1 = b1 * x - a1 * y + s2;
            s2 = b2 * x - a2 * y;
            samples[i] = (float) y;
        }
        z1 = s1;
        z2 = s2;
    }
}
