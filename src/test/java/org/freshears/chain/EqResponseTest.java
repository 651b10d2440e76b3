package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.testing.Responses;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/** The IIR mode of every EQ step, measured from a rendered impulse, against the formulas. */
class EqResponseTest {
    private static final int FS = 48_000;
    private static final int LENGTH = 1 << 16;

    /** The rendered impulse response of the step (channel 0 of a stereo render). */
    private static float[] impulseResponse(Step step) {
        AudioBuffer impulse = Signals.impulse(2, FS, LENGTH, 0);
        AudioBuffer out = ProcessorContract.render(step, impulse, 4096);
        assertEquals(out.channel(0)[100], out.channel(1)[100], 0.0, "channels alike in STEREO mode");
        return out.channel(0);
    }

    private static double measuredDb(float[] ir, double f) {
        return Responses.magnitudeDb(ir, 0, ir.length, f, FS);
    }

    private static double analyticDb(EqStep step, double f) {
        double db = 0;
        for (BiquadCoefficients c : step.sections(FS)) {
            db += 20 * Math.log10(c.magnitudeAt(f, FS));
        }
        return db;
    }

    /** Largest |measured - analytic| in dB over 20 Hz..20 kHz, where the response is above -80 dB. */
    private static double worstDeviationDb(EqStep step) {
        float[] ir = impulseResponse(step);
        double worst = 0;
        for (double f : Responses.logFrequencies(20, 20_000, 80)) {
            double expected = analyticDb(step, f);
            if (expected > -80) {
                worst = Math.max(worst, Math.abs(measuredDb(ir, f) - expected));
            }
        }
        return worst;
    }

    @Test
    void everyEqStepMatchesItsBiquadMagnitude() {
        List<EqStep> steps = List.of(
                new Bell(300, -2).q(1.2), new Bell(3_000, 6, 4), new LowShelf(120, 3), new HighShelf(8_000, -1.5),
                new LowShelf(150, -4).slope(0.5), new HighPass(30).slope(24), new LowPass(15_000, 6),
                new Notch(1_000, 8), new BandPass(500, 1.5), new HighPass(100, 48));
        for (EqStep step : steps) {
            double worst = worstDeviationDb(step);
            // The float impulse response is rounded to 24 bits: ~1e-6 dB near 0 dB, more deep in a stop band.
            assertTrue(worst < 0.01, step + ": worst deviation " + worst + " dB");
        }
    }

    @Test
    void bellHasItsGainAtItsFrequency() {
        float[] ir = impulseResponse(new Bell(1_000, -4.5, 2));
        assertEquals(-4.5, measuredDb(ir, 1_000), 1e-4);
        assertEquals(0, measuredDb(ir, 20), 0.01);
    }

    @Test
    void shelvesHaveHalfTheirGainAtTheirFrequency() {
        float[] low = impulseResponse(new LowShelf(100, 6));
        assertEquals(3, measuredDb(low, 100), 1e-4);
        assertEquals(6, measuredDb(low, 10), 0.02);
        float[] high = impulseResponse(new HighShelf(10_000, -3));
        assertEquals(-1.5, measuredDb(high, 10_000), 1e-4);
        assertEquals(0, measuredDb(high, 100), 0.01);
    }

    /** 10 log10(1 + x^2n): the Butterworth attenuation at a (prewarped) frequency ratio x. */
    private static double butterworthLossDb(double x, int order) {
        return 10 * Math.log10(1 + Math.pow(x, 2 * order));
    }

    private static double warped(double f) {
        return Math.tan(Math.PI * f / FS);
    }

    @Test
    void butterworthIsMinus3dbAtCutoffAndFalls6dbPerOctPerOrder() {
        for (int slope = 6; slope <= 48; slope += 6) {
            int order = slope / 6;
            // The octave [fc / 2^m, fc / 2^(m-1)]: deep enough that the 1 of 1 + (fc/f)^2n no longer matters,
            // shallow enough (<= ~100 dB) that the float-rounded impulse response still resolves it.
            int m = Math.min(5, 96 / slope);
            double ratio = Math.pow(2, m);
            float[] hp = impulseResponse(new HighPass(400, slope));
            assertEquals(-3.0103, measuredDb(hp, 400), 1e-3, "HP " + slope + " at fc");
            double hpSlope = measuredDb(hp, 800 / ratio) - measuredDb(hp, 400 / ratio);
            double hpExact = butterworthLossDb(warped(400) / warped(400 / ratio), order)
                    - butterworthLossDb(warped(400) / warped(800 / ratio), order);
            assertEquals(hpExact, hpSlope, 0.01, "HP " + slope + " vs formula");
            assertEquals(6.0206 * order, hpSlope, 0.1, "HP " + slope + " dB/oct");
            float[] lp = impulseResponse(new LowPass(50, slope));
            assertEquals(-3.0103, measuredDb(lp, 50), 1e-3, "LP " + slope + " at fc");
            double lpSlope = measuredDb(lp, 25 * ratio) - measuredDb(lp, 50 * ratio);
            double lpExact = butterworthLossDb(warped(50 * ratio) / warped(50), order)
                    - butterworthLossDb(warped(25 * ratio) / warped(50), order);
            assertEquals(lpExact, lpSlope, 0.01, "LP " + slope + " vs formula");
            // Bilinear warping steepens a low-pass a little: tan(pi f/fs) grows 0.3 % faster than f by 1.6 kHz.
            assertEquals(6.0206 * order, lpSlope, 0.1, "LP " + slope + " dB/oct");
        }
    }

    @Test
    void notchCancelsASineAtItsFrequency() {
        AudioBuffer sine = Signals.sine(2, FS, 2.0, 1_000, -6);
        AudioBuffer out = ProcessorContract.render(new Notch(1_000, 4), sine, 4096);
        // After the transient (time constant 2Q / w0 = 1.3 ms), the last second should be gone.
        double residual = Responses.rmsDb(out.channel(0), FS, 2 * FS);
        double input = Responses.rmsDb(sine.channel(0), FS, 2 * FS);
        assertTrue(residual - input < -100, "notch residual " + (residual - input) + " dB");
        AudioBuffer away = Signals.sine(2, FS, 1.0, 100, -6);
        AudioBuffer passed = ProcessorContract.render(new Notch(1_000, 4), away, 4096);
        assertEquals(Responses.rmsDb(away.channel(0), FS / 2, FS), Responses.rmsDb(passed.channel(0), FS / 2, FS),
                0.01);
    }

    @Test
    void bandPassPeaksAtZeroDb() {
        float[] ir = impulseResponse(new BandPass(2_000, 3));
        assertEquals(0, measuredDb(ir, 2_000), 1e-4);
        assertTrue(measuredDb(ir, 200) < -25);
    }
}
