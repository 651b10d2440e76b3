package org.freshears.demo;

import org.freshears.audio.SplitMix64;

/**
 * Band-limited-enough oscillator shapes driven by a phase in [0, 1). A sine costs a table look-up
 * (the table is built once with StrictMath) instead of a StrictMath.sin per sample, which keeps four
 * minutes of a dozen oscillators well inside the time budget while staying bit-exact everywhere.
 */
final class Oscillators {
    /**
     * 4096 points with linear interpolation: the worst error is about (pi/4096)^2 / 8 = 7e-8 of full
     * scale, below the 24-bit floor, so the table is indistinguishable from StrictMath.sin here.
     */
    private static final int TABLE_SIZE = 4096;
    private static final double[] SINE = new double[TABLE_SIZE + 1];

    static {
        for (int i = 0; i <= TABLE_SIZE; i++) {
            SINE[i] = StrictMath.sin(2 * StrictMath.PI * i / TABLE_SIZE);
        }
    }

    private Oscillators() {
    }

    /** White noise, uniform in [-1, 1) (also the demo's humanising jitter). */
    static double noise(SplitMix64 random) {
        return 2 * random.nextDouble() - 1;
    }

    /** sin(2 pi phase) for a phase in [0, 1). */
    static double sine(double phase) {
        double x = phase * TABLE_SIZE;
        int i = (int) x;
        double frac = x - i;
        return SINE[i] + frac * (SINE[i + 1] - SINE[i]);
    }

    /** A sawtooth rising from -1 to 1 over a period, with its jump smoothed by polyBLEP. */
    static double saw(double phase, double phaseStep) {
        return 2 * phase - 1 - polyBlep(phase, phaseStep);
    }

    /** A square (+1 first half, -1 second half) with both edges smoothed by polyBLEP. */
    static double square(double phase, double phaseStep) {
        double naive = phase < 0.5 ? 1 : -1;
        double shifted = phase + 0.5;
        if (shifted >= 1) {
            shifted -= 1;
        }
        return naive + polyBlep(phase, phaseStep) - polyBlep(shifted, phaseStep);
    }

    /** A naive triangle: its harmonics fall at 12 dB/octave, so aliasing stays far below the sine it colours. */
    static double triangle(double phase) {
        double t = 4 * phase;
        return t < 1 ? t : t < 3 ? 2 - t : t - 4;
    }

    /**
     * The two-sample polynomial band-limited step residual (Valimaki and Huovilainen, "Antialiasing
     * Oscillators in Subtractive Synthesis", IEEE Signal Processing Magazine 24(2), 2007): subtracting
     * it around each discontinuity removes most of the aliasing of a naive saw or square.
     */
    static double polyBlep(double phase, double phaseStep) {
        if (phase < phaseStep) {
            double t = phase / phaseStep;
            return t + t - t * t - 1;
        }
        if (phase > 1 - phaseStep) {
            double t = (phase - 1) / phaseStep;
            return t * t + t + t + 1;
        }
        return 0;
    }

    /** Advances a phase by a step and wraps it into [0, 1). */
    static double advance(double phase, double phaseStep) {
        double next = phase + phaseStep;
        return next >= 1 ? next - 1 : next;
    }
}
