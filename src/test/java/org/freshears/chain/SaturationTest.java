package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.chain.Saturation.Curve;
import org.freshears.testing.Signals;
import org.freshears.testing.Spectra;
import org.junit.jupiter.api.Test;

class SaturationTest {
    private static final int FS = 48_000;

    @Test
    void validatesWithClearMessages() {
        assertEquals("oversampling must be 1, 2, 4 or 8, got 3", assertThrows(IllegalArgumentException.class,
                () -> new Saturation(Curve.TANH, 6).oversampling(3)).getMessage());
        assertEquals("mixPercent must be in [0, 100], got 120.0", assertThrows(IllegalArgumentException.class,
                () -> new Saturation(Curve.TANH, 6).mixPercent(120)).getMessage());
        assertEquals("driveDb must be in [-24, 48], got 60.0", assertThrows(IllegalArgumentException.class,
                () -> new Saturation(Curve.TANH, 60)).getMessage());
        assertThrows(NullPointerException.class, () -> new Saturation(null, 6));
        Saturation s = new Saturation(Curve.TAPE, 9).mixPercent(50).oversampling(8);
        assertEquals("Saturation[curve=TAPE, driveDb=9.0, mixPercent=50.0, oversampling=8]", s.toString());
    }

    @Test
    void curvesHaveTheirDocumentedShape() {
        assertEquals(2.0 / 3.0, Curve.SOFT_CLIP.apply(5), 0);
        assertEquals(0.5 - 0.125 / 3, Curve.SOFT_CLIP.apply(0.5), 1e-15);
        assertEquals(StrictMath.tanh(0.7), Curve.TANH.apply(0.7), 0);
        assertEquals(0, Curve.TAPE.apply(0), 0);
        // asymmetric: the positive side saturates earlier
        assertTrue(Curve.TAPE.apply(3) < -Curve.TAPE.apply(-3));
    }

    @Test
    void mixZeroIsBitIdentical() {
        AudioBuffer in = Signals.concat(Signals.sine(2, FS, 0.2, 997, -3), Signals.noise(2, FS, 5000, 0.9, 3));
        for (Curve c : Curve.values()) {
            for (int os : new int[]{1, 4}) {
                ProcessorContract.assertNeutral(new Saturation(c, 24).mixPercent(0).oversampling(os), in);
            }
        }
    }

    @Test
    void blockSizeInvariantAndResetRepeats() {
        AudioBuffer in = Signals.concat(Signals.sine(2, FS, 0.1, 440, -2), Signals.noise(2, FS, 3000, 1, 8));
        for (Curve c : Curve.values()) {
            Saturation s = new Saturation(c, 12).mixPercent(70);
            ProcessorContract.assertBlockSizeInvariant(s, in);
            ProcessorContract.assertResetRepeats(s, in);
        }
    }

    /** Blocks long enough to run the channels on several cores give every channel the bits it has rendered alone. */
    @Test
    void channelsInParallelKeepEachChannelsBits() {
        int block = 32_768; // long enough that the helper threads start while the caller still works
        assertTrue(block >= SaturationProcessor.PARALLEL_MIN_FRAMES);
        // three different channels: more channels than this machine may have cores
        AudioBuffer in = Signals.concat(Signals.noise(3, FS, 100_000, 1, 5), Signals.sine(3, FS, 0.3, 440, -2));
        for (Curve c : Curve.values()) {
            Saturation s = new Saturation(c, 12).mixPercent(80);
            AudioBuffer together = ProcessorContract.render(s, in, block);
            for (int ch = 0; ch < in.channels(); ch++) {
                float[][] alone = {in.channel(ch).clone()};
                AudioBuffer mono = new AudioBuffer(alone, FS, ChannelLayout.standard(1));
                assertArrayEquals(ProcessorContract.render(s, mono, block).channel(0), together.channel(ch),
                        c + " channel " + ch);
            }
        }
    }

    @Test
    void makeupKeepsAMinus6DbfsSineAtAboutItsLevel() {
        AudioBuffer in = Signals.sine(1, FS, 0.5, 1_000, -6.0206);
        for (Curve c : Curve.values()) {
            for (double drive : new double[]{0, 12, 24}) {
                AudioBuffer out = ProcessorContract.render(new Saturation(c, drive), in, 4096);
                double peak = 0;
                for (int i = 4800; i < 19200; i++) {
                    peak = Math.max(peak, Math.abs(out.channel(0)[i]));
                }
                // the odd part's peak is matched exactly; TAPE's even part and the oversampling filter
                // move the waveform peak a little
                assertEquals(-6.02, 20 * Math.log10(peak), 1.0, c + " drive " + drive);
            }
        }
    }

    @Test
    void wetPathIsLatencyAlignedWithDry() {
        // at -24 dB drive every curve is nearly linear, so wet ~ dry if (and only if) they are aligned
        AudioBuffer in = Signals.sine(1, FS, 0.2, 3_000, -6);
        for (Curve c : Curve.values()) {
            AudioBuffer out = ProcessorContract.render(new Saturation(c, -24), in, 4096);
            double err = 0;
            for (int i = 4800; i < 8000; i++) {
                err = Math.max(err, Math.abs(out.channel(0)[i] - in.channel(0)[i]));
            }
            assertTrue(err < 0.01, c + " misaligned: " + err);
        }
    }

    @Test
    void tapeIsDcFreeAndHasEvenHarmonics() {
        AudioBuffer in = Signals.sine(1, FS, 2.0, 1_000, -6);
        AudioBuffer out = ProcessorContract.render(new Saturation(Curve.TAPE, 18), in, 4096);
        double[] p = Spectra.power(out.channel(0), 24_000, FS);
        double fundamental = p[1_000];
        assertTrue(p[0] / fundamental < 1e-8, "DC " + 10 * Math.log10(p[0] / fundamental) + " dB");
        double second = 10 * Math.log10(p[2_000] / fundamental);
        assertTrue(second > -40, "second harmonic " + second + " dB");
        AudioBuffer sym = ProcessorContract.render(new Saturation(Curve.TANH, 18), in, 4096);
        double[] q = Spectra.power(sym.channel(0), 24_000, FS);
        assertTrue(10 * Math.log10(q[2_000] / q[1_000]) < -100, "TANH makes no even harmonics");
    }

    /** Power (relative to the fundamental) at every frequency that is not a harmonic below Nyquist. */
    private static double aliasedDb(Saturation s, double freqHz) {
        AudioBuffer in = Signals.sine(1, FS, 2.0, freqHz, -6);
        AudioBuffer out = ProcessorContract.render(s, in, 4096);
        double[] p = Spectra.power(out.channel(0), 24_000, FS); // 1 s: 1 Hz bins, whole periods
        int f0 = (int) freqHz;
        double alias = 0;
        for (int k = 20; k < p.length; k++) {
            if (k % f0 != 0) {
                alias += p[k];
            }
        }
        return 10 * Math.log10(alias / p[f0]);
    }

    /**
     * Measured (drive 18 dB, -6 dBFS sine, 48 kHz), aliased power relative to the fundamental:
     * 7 kHz: SOFT_CLIP -13.4 / -49.2 / -73.5 dB (1x / 4x / 8x), TANH -17.9 / -85.0 / -130.3,
     * TAPE -17.7 / -82.2 / -130.1; 15 kHz: SOFT_CLIP -9.7 / -33.5 / -49.4, TANH -10.8 / -45.9 / -85.0,
     * TAPE -10.6 / -44.2 / -82.4. The cubic clipper's corners make slowly decaying harmonics, so it
     * gains least; at 15 kHz the 4x domain's Nyquist is only 6.4 harmonics up. Required reductions
     * below are those figures less about 3 dB.
     */
    @Test
    void oversamplingRemovesAliasing() {
        double[][] required = { // {4x reduction at 7 kHz, at 15 kHz} per curve, in Curve order
            {32, 20}, {64, 32}, {61, 30}};
        double[] freqs = {7_000, 15_000};
        for (int fi = 0; fi < 2; fi++) {
            double f = freqs[fi];
            for (Curve c : Curve.values()) {
                Saturation s = new Saturation(c, 18);
                double plain = aliasedDb(s.oversampling(1), f);
                double x4 = aliasedDb(s.oversampling(4), f);
                double x8 = aliasedDb(s.oversampling(8), f);
                System.out.printf("%s %.0f Hz drive 18 dB: aliases %.1f dB (1x), %.1f dB (4x), %.1f dB (8x)%n",
                        c, f, plain, x4, x8);
                double need = required[c.ordinal()][fi];
                assertTrue(plain - x4 >= need, c + " " + f + " Hz: 4x removes " + (plain - x4) + " dB < " + need);
                assertTrue(x8 <= x4 - 10, c + " " + f + " Hz: 8x " + x8 + " dB vs 4x " + x4);
            }
        }
    }
}
