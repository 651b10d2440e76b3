package org.freshears.demo;

/**
 * The constant-power sine/cosine pan law: a centred source is -3 dB in each channel, so its power
 * (and its loudness on speakers) stays the same wherever it is panned.
 */
final class PanLaw {
    private PanLaw() {
    }

    /** Left gain for a pan position in [-1 (left), 1 (right)]. */
    static double left(double pan) {
        return StrictMath.cos((pan + 1) * StrictMath.PI / 4);
    }

    static double right(double pan) {
        return StrictMath.sin((pan + 1) * StrictMath.PI / 4);
    }
}
