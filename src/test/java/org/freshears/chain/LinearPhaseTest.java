package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.AudioBuffer;
import org.freshears.dsp.LinearPhaseDesign;
import org.freshears.testing.Responses;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/** The linear-phase mode: same magnitude as the IIR design, symmetric, latency compensated. */
class LinearPhaseTest {
    private static final int FS = 48_000;
    private static final int CENTRE = 40_000;
    private static final int LENGTH = 2 * CENTRE;

    private static float[] centredImpulseResponse(Step step) {
        AudioBuffer out = ProcessorContract.render(step, Signals.impulse(2, FS, LENGTH, CENTRE), 4096);
        return out.channel(0);
    }

    private static int peakFrame(float[] x) {
        int peak = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i]) > Math.abs(x[peak])) {
                peak = i;
            }
        }
        return peak;
    }

    /**
     * Worst |FIR - IIR| in dB from two octaves above lowHz to 20 kHz, where the IIR response is above -40
     * dB (a FIR with finite taps cannot follow a stop band to -100 dB).
     */
    private static double worstDeviationDb(EqStep linear, double lowHz, float[] ir, int half) {
        double worst = 0;
        for (double f : Responses.logFrequencies(4 * lowHz, 20_000, 60)) {
            double iir = linear.responseDb(f, FS);
            if (iir > -40) {
                double fir = Responses.magnitudeDb(ir, CENTRE - half, 2 * half + 1, f, FS);
                worst = Math.max(worst, Math.abs(fir - iir));
            }
        }
        return worst;
    }

    private static void assertLinearPhaseTwin(EqStep step, double lowHz) {
        float[] ir = centredImpulseResponse(step);
        int half = LinearPhaseDesign.halfTaps(step.sections(FS));
        assertEquals(CENTRE, peakFrame(ir), step + ": latency compensated, peak where the impulse was");
        double peak = Math.abs(ir[CENTRE]);
        double asymmetry = 0;
        for (int k = 1; k <= half; k++) {
            asymmetry = Math.max(asymmetry, Math.abs(ir[CENTRE + k] - ir[CENTRE - k]));
        }
        assertTrue(asymmetry < 1e-6 * peak, step + ": symmetric impulse response, asymmetry " + asymmetry);
        for (int k = half + 1; k < CENTRE; k++) {
            assertEquals(0, ir[CENTRE + k], 1e-6, step + ": nothing beyond the taps at +" + k);
        }
        double worst = worstDeviationDb(step, lowHz, ir, half);
        // The promise is 0.1 dB; the design (tail at -100 dB, flat-topped window) achieves ~1e-6 dB.
        assertTrue(worst < 0.001, step + ": worst deviation from the IIR magnitude " + worst + " dB");
    }

    @Test
    void bellMatchesTheIirMagnitude() {
        assertLinearPhaseTwin(new Bell(200, 6, 1.5).linearPhase(), 200);
    }

    @Test
    void steepHighPassMatchesTheIirMagnitude() {
        assertLinearPhaseTwin(new HighPass(30, 48).linearPhase(), 30);
    }

    @Test
    void shelvesAndLowPassMatchTheIirMagnitude() {
        assertLinearPhaseTwin(new LowShelf(80, -3).linearPhase(), 80);
        assertLinearPhaseTwin(new HighShelf(6_000, 2).linearPhase(), 6_000);
        assertLinearPhaseTwin(new LowPass(18_000, 24).linearPhase(), 4_500);
    }

    @Test
    void notchHasAFiniteButDeepNull() {
        Notch notch = new Notch(1_000, 8).linearPhase();
        float[] ir = centredImpulseResponse(notch);
        int half = LinearPhaseDesign.halfTaps(notch.sections(FS));
        assertEquals(32767, half, "a notch gets the longest FIR");
        double depth = Responses.magnitudeDb(ir, CENTRE - half, 2 * half + 1, 1_000, FS);
        assertTrue(depth < -45, "null depth " + depth + " dB");
        assertEquals(notch.responseDb(200, FS), Responses.magnitudeDb(ir, CENTRE - half, 2 * half + 1, 200, FS),
                0.001);
        assertEquals(notch.responseDb(1_060, FS), Responses.magnitudeDb(ir, CENTRE - half, 2 * half + 1, 1_060, FS),
                0.01);
    }

    @Test
    void aSineKeepsItsPhase() {
        // Linear phase with the delay compensated: a 1 kHz sine through a +6 dB 1 kHz bell comes out twice
        // as large and in phase (sample for sample 2x), unlike the IIR bell, whose phase at f0 is also 0
        // but which shifts the phase on the slopes: test on the slope, 2 kHz.
        AudioBuffer sine = Signals.sine(2, FS, 2.0, 2_000, -12);
        Bell bell = new Bell(1_000, 6, 1).linearPhase();
        AudioBuffer out = ProcessorContract.render(bell, sine, 4096);
        double gain = Math.pow(10, bell.responseDb(2_000, FS) / 20);
        double worst = 0;
        for (int i = FS / 2; i < 3 * FS / 2; i++) {
            worst = Math.max(worst, Math.abs(out.channel(0)[i] - gain * sine.channel(0)[i]));
        }
        assertTrue(worst < 1e-4, "largest difference from the scaled, unshifted sine " + worst);
    }
}
