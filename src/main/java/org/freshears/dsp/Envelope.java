package org.freshears.dsp;

/**
 * Attack/release ballistics: a one-pole smoother whose coefficient depends on whether the target is
 * above (attack) or below (release) the current value. Time constants are the time to reach 1 - 1/e
 * of a step, the usual analog-style definition. Coefficients use StrictMath so renders are identical
 * on every JVM.
 */
public final class Envelope {
    private final double attackCoeff;
    private final double releaseCoeff;
    private double value;

    public Envelope(double attackMs, double releaseMs, double sampleRate) {
        this.attackCoeff = coefficient(attackMs, sampleRate);
        this.releaseCoeff = coefficient(releaseMs, sampleRate);
    }

    /** The per-sample pole for a time constant; 0 (instant) for a zero time. */
    public static double coefficient(double timeMs, double sampleRate) {
        if (timeMs <= 0) {
            return 0;
        }
        return StrictMath.exp(-1000.0 / (timeMs * sampleRate));
    }

    /** Moves towards the target and returns the new value. */
    public double next(double target) {
        double c = target > value ? attackCoeff : releaseCoeff;
        value = target + c * (value - target);
        return value;
    }

    public double value() {
        return value;
    }

    public void reset(double initial) {
        value = initial;
    }
}
