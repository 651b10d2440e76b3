package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.AudioBuffer;
import org.freshears.testing.Signals;
import org.freshears.testing.ToneProbe;
import org.junit.jupiter.api.Test;

class DynamicEqTest {
    private static final int RATE = 48_000;

    /** Output minus input level (dB) of a steady tone, over the last 0.2 s. */
    private static double toneChangeDb(DynamicEq eq, double freqHz, double levelDb) {
        AudioBuffer in = Signals.sine(2, RATE, 1.0, freqHz, levelDb);
        AudioBuffer out = ProcessorContract.render(eq, in, 4096);
        int from = in.frames() - 9_600, to = in.frames();
        return ToneProbe.toneDb(out.channel(0), from, to, freqHz, RATE)
                - ToneProbe.toneDb(in.channel(0), from, to, freqHz, RATE);
    }

    @Test
    void blockSizeInvariantAndResetRepeats() {
        AudioBuffer in = CompressorTest.material();
        DynamicEq[] variants = {
            DynamicEq.of(220, -6).thresholdDb(-30),
            DynamicEq.of(3_000, 4).q(2).thresholdDb(-40).attackMs(1).lookaheadMs(2),
        };
        for (DynamicEq eq : variants) {
            ProcessorContract.assertBlockSizeInvariant(eq, in);
            ProcessorContract.assertResetRepeats(eq, in);
        }
    }

    @Test
    void zeroRangeIsBitIdentical() {
        AudioBuffer in = CompressorTest.material();
        ProcessorContract.assertNeutral(DynamicEq.of(220, 0).thresholdDb(-60), in);
        ProcessorContract.assertNeutral(DynamicEq.of(220, 0).thresholdDb(-60).lookaheadMs(4), in);
    }

    @Test
    void cutsTheBellFrequencyOnlyWhenItIsLoud() {
        DynamicEq eq = DynamicEq.of(1_000, -6).thresholdDb(-30);
        double loud = toneChangeDb(eq, 1_000, -6);
        double quiet = toneChangeDb(eq, 1_000, -50);
        double elsewhere = toneChangeDb(eq.thresholdDb(-20), 100, -6);
        System.out.printf("dynamic EQ at 1 kHz, range -6: loud 1 kHz %.3f dB, quiet 1 kHz %.4f dB, loud 100 Hz "
                + "%.4f dB%n", loud, quiet, elsewhere);
        // RMS -9.01 dBFS, overshoot 21 dB * (1 - 1/4) = 15.8 dB > 6: the bell sits at its full range.
        assertEquals(-6, loud, 0.01);
        assertEquals(0, quiet, 0.001);
        // 100 Hz reaches the detector ~20 dB down (BPF, Q 1), below threshold: the bell stays at 0 dB.
        assertEquals(0, elsewhere, 0.001);
    }

    @Test
    void partialOvershootGivesTheCurvesGain() {
        // 1 kHz at -20 dBFS peak (RMS -23.01), threshold -29, hard knee, ratio 2: 5.99 dB over, so the
        // bell moves 2.995 dB, inside the range of 10.
        DynamicEq eq = DynamicEq.of(1_000, -10).thresholdDb(-29).ratio(2).kneeDb(0);
        double expectedDb = 0.5 * (-20 - 10 * Math.log10(2) + 29);
        double cut = toneChangeDb(eq, 1_000, -20);
        double lift = toneChangeDb(eq.rangeDb(10), 1_000, -20);
        System.out.printf("dynamic EQ partial overshoot: expected %.3f dB, cut %.3f dB, lift %.3f dB%n",
                expectedDb, cut, lift);
        assertEquals(-expectedDb, cut, 0.05);
        assertEquals(expectedDb, lift, 0.05);
    }

    @Test
    void liftsWhenRangeIsPositive() {
        DynamicEq eq = DynamicEq.of(1_000, 4).thresholdDb(-30);
        double loud = toneChangeDb(eq, 1_000, -6);
        assertEquals(4, loud, 0.01);
        assertEquals(0, toneChangeDb(eq, 1_000, -50), 0.001);
    }

    @Test
    void gainIsAppliedWithoutClicks() {
        // A loud burst switches the cut on and off; the output's sample-to-sample step must never
        // exceed what the input tone itself does (a coefficient jump would show as a spike).
        AudioBuffer in = Signals.concat(Signals.sine(1, RATE, 0.3, 1_000, -40), Signals.sine(1, RATE, 0.3, 1_000, -3),
                Signals.sine(1, RATE, 0.3, 1_000, -40));
        AudioBuffer out = ProcessorContract.render(DynamicEq.of(1_000, -12).thresholdDb(-30).attackMs(1), in, 4096);
        double maxStep = 0;
        for (int i = 1; i < out.frames(); i++) {
            maxStep = Math.max(maxStep, Math.abs(out.channel(0)[i] - out.channel(0)[i - 1]));
        }
        double toneMaxStep = 2 * Math.sin(Math.PI * 1_000 / RATE) * Math.pow(10, -3 / 20.0);
        assertTrue(maxStep <= toneMaxStep * 1.05, "max step " + maxStep + " vs tone " + toneMaxStep);
    }

    @Test
    void traceShowsTheBellGain() {
        AudioBuffer in = Signals.sine(1, RATE, 1.0, 1_000, -6);
        Processor p = DynamicEq.of(1_000, -6).thresholdDb(-30).newProcessor();
        GainReductionTrace trace = GainReductionTrace.forFrames(RATE, in.frames(), 10);
        ((GainReductionSource) p).traceInto(trace);
        new Renderer(4096).apply(p, in);
        assertEquals(-6, trace.gainDb(80), 1e-9);
    }

    @Test
    void validationMessages() {
        DynamicEq d = DynamicEq.of(1_000, -3);
        assertEquals("freqHz must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> d.freqHz(0)).getMessage());
        assertEquals("q must be > 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> d.q(-1)).getMessage());
        assertEquals("rangeDb must be in [-40.0, 40.0], got -50.0",
                assertThrows(IllegalArgumentException.class, () -> d.rangeDb(-50)).getMessage());
        assertEquals("ratio must be >= 1, got 0.5",
                assertThrows(IllegalArgumentException.class, () -> d.ratio(0.5)).getMessage());
        Processor p = d.freqHz(30_000).newProcessor();
        assertEquals("freqHz must be below Nyquist (24000.0 Hz), got 30000.0", assertThrows(
                IllegalArgumentException.class, () -> p.prepare(new ProcessSpec(RATE, 1, 64))).getMessage());
        assertEquals(new DynamicEq(1_000, 1, -24, -3, 4, 6, 5, 100, 0), d);
        assertTrue(d.toString().contains("rangeDb=-3.0"));
    }
}
