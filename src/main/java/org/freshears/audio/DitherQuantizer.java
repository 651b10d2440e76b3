package org.freshears.audio;

/**
 * One channel's requantiser: adds TPDF dither (if any), feeds back past errors through the noise
 * shaping filter, and rounds to the nearest integer code. Plain IEEE double arithmetic in a fixed
 * order, so a seed gives the same codes on every JVM. Not thread-safe; one per channel per render.
 */
public final class DitherQuantizer {
    private final Xoshiro256StarStar random;
    private final double[] feedback;
    /** Past total errors, newest first: errors[k] = e[n-1-k]. */
    private final double[] errors;

    DitherQuantizer(Xoshiro256StarStar random, double[] feedback) {
        this.random = random;
        this.feedback = feedback;
        this.errors = new double[feedback.length];
    }

    /**
     * The integer code for a value in LSB units (value * 2^(bits-1)), not yet clamped to the word
     * length. The total error fed back is bounded (|e| <= 1.5 LSB: rounding plus dither) whatever the
     * input, so the loop cannot run away even when the caller clamps.
     */
    public long quantize(double valueLsb) {
        double shaped = valueLsb;
        for (int k = 0; k < feedback.length; k++) {
            shaped -= feedback[k] * errors[k];
        }
        double code = Math.rint(random == null ? shaped : shaped + nextTpdfLsb());
        if (errors.length > 0) {
            System.arraycopy(errors, 0, errors, 1, errors.length - 1);
            errors[0] = code - shaped;
        }
        return (long) code;
    }

    /** One TPDF draw in LSB: difference of two independent uniforms on [0, 1), so in (-1, 1). */
    double nextTpdfLsb() {
        return random.nextDouble() - random.nextDouble();
    }
}
