package org.freshears.audio;

/**
 * One channel's requantiser: adds TPDF dither (if any), feeds back past errors through the noise
 * shaping filter, and rounds to the nearest integer code. Plain IEEE double arithmetic in a fixed
 * order, so a seed gives the same codes on every JVM. Not thread-safe; one per channel per render.
 */
public final class DitherQuantizer {
    /** Samples dithered per bulk draw: their uniforms (16 KiB) stay in the first-level cache. */
    private static final int UNIFORMS_AT_ONCE = 1024;
    private final Xoshiro256StarStar random;
    private final double[] feedback;
    /** Past total errors, newest first: errors[k] = e[n-1-k]. */
    private final double[] errors;
    /**
     * Room for the uniforms of the bulk {@link #quantize(float[], int, int, double, int, int, int[])} (TPDF without
     * noise shaping; null otherwise). Made here, not on its first use: a quantizer is made per render, and the
     * first call's test for it, which the JIT had not seen taken, sent the compiled FLAC coder back to the
     * interpreter at each render after the first.
     */
    private final double[] uniforms;

    DitherQuantizer(Xoshiro256StarStar random, double[] feedback) {
        this.random = random;
        this.feedback = feedback;
        this.errors = new double[feedback.length];
        this.uniforms = random != null && feedback.length == 0 ? new double[2 * UNIFORMS_AT_ONCE] : null;
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

    /**
     * The codes of {@code count} samples, {@code x[from + i] * scale} in LSB, each clamped to [min, max], into
     * {@code codes[0..count)}: the same codes as that many calls of {@link #quantize} in order (the clamp does not
     * touch what is fed back, as with a caller that clamps). Without noise shaping the dither's uniforms are drawn
     * in bulk first, two per sample as {@link #nextTpdfLsb} draws them.
     */
    public void quantize(float[] x, int from, int count, double scale, int min, int max, int[] codes) {
        if (random == null || feedback.length > 0) {
            for (int i = 0; i < count; i++) {
                codes[i] = (int) Math.max(min, Math.min(max, quantize(x[from + i] * scale)));
            }
            return;
        }
        double[] u = uniforms;
        for (int done = 0; done < count; done += UNIFORMS_AT_ONCE) {
            int n = Math.min(UNIFORMS_AT_ONCE, count - done);
            random.nextDoubles(u, 0, 2 * n);
            for (int i = 0; i < n; i++) {
                double code = Math.rint(x[from + done + i] * scale + (u[2 * i] - u[2 * i + 1]));
                codes[done + i] = (int) Math.max(min, Math.min(max, (long) code));
            }
        }
    }

    /** One TPDF draw in LSB: difference of two independent uniforms on [0, 1), so in (-1, 1). */
    double nextTpdfLsb() {
        return random.nextDouble() - random.nextDouble();
    }
}
