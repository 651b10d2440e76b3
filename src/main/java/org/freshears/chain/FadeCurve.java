package org.freshears.chain;

/**
 * The shape of a fade, as the linear gain g(x) for x from 0 (silent end) to 1 (full level).
 */
public enum FadeCurve {
    /** g = x: the plain ramp; sounds abrupt near the silent end. */
    LINEAR,
    /** g = sin(pi x / 2): quarter sine, holds the level longest, then drops (equal power in a crossfade). */
    EQUAL_POWER,
    /** g = (1 - cos(pi x)) / 2: an S-curve with zero slope at both ends, so neither end is heard as a corner. */
    RAISED_COSINE;

    /** The gain at x in [0, 1]. */
    public double gain(double x) {
        return switch (this) {
            case LINEAR -> x;
            case EQUAL_POWER -> StrictMath.sin(0.5 * StrictMath.PI * x);
            case RAISED_COSINE -> 0.5 * (1 - StrictMath.cos(StrictMath.PI * x));
        };
    }
}
