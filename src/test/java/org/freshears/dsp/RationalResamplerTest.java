package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.freshears.testing.ToneProbe;
import org.junit.jupiter.api.Test;

/**
 * The converter's promises, measured on its output (the figures print, for the README):
 * passband flat within {@link RationalResampler#PASSBAND_RIPPLE_DB}, every alias or image at least
 * {@link RationalResampler#STOPBAND_DB} dB down, a 1 kHz sine converted with THD+N under -140 dB, time
 * aligned to the sample with nothing cut, and the same bits however the work is split.
 */
class RationalResamplerTest {
    /** Tones are measured over exactly one second of output (1 Hz bins: every tone here falls on one). */
    private static final double SECONDS = 1.1;

    private static float[] sine(int rate, double seconds, double freqHz, double amplitude) {
        float[] x = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * StrictMath.sin(2 * StrictMath.PI * freqHz * i / rate));
        }
        return x;
    }

    /** The level (dB) at {@code freqHz} in the converted steady second, after the filter's edges. */
    private static double convertedToneDb(RationalResampler r, double inHz, double measureHz, double amplitude) {
        float[] y = r.convert(sine(r.inputRateHz(), SECONDS, inHz, amplitude));
        int out = r.outputRateHz();
        return ToneProbe.toneDb(y, out / 20, out / 20 + out, measureHz, out);
    }

    /** Integer frequencies from 20 Hz to the passband edge, three per octave, the edge itself last. */
    private static double[] passbandTones(RationalResampler r) {
        double edge = Math.floor(RationalResampler.PASSBAND_FRACTION * Math.min(r.inputRateHz(), r.outputRateHz()));
        java.util.List<Double> tones = new java.util.ArrayList<>();
        for (double f = 20; f < edge; f *= 1.25) {
            tones.add(Math.rint(f));
        }
        tones.add(edge);
        return tones.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double worstPassbandDeviationDb(RationalResampler r) {
        double worst = 0;
        for (double f : passbandTones(r)) {
            double deviation = convertedToneDb(r, f, f, 0.5) - 20 * Math.log10(0.5);
            worst = Math.max(worst, Math.abs(deviation));
        }
        return worst;
    }

    /**
     * The loudest alias (downsampling: input tones between the new Nyquist frequency and the old, folded
     * into the band) or image (upsampling: the mirror of passband tones around the old sample rate) of a
     * full-scale tone, in dB: densely just past the band edge, where a windowed sinc is worst.
     */
    private static double[] worstStopband(RationalResampler r) {
        int in = r.inputRateHz();
        int out = r.outputRateHz();
        double worstDb = -400;
        double worstHz = 0;
        if (out < in) {
            for (int f = out / 2 + 1; f < in / 2; f += f < out / 2 + 400 ? 23 : 997) {
                double alias = Math.abs(f - out * Math.rint((double) f / out));
                double db = convertedToneDb(r, f, alias, 1.0);
                if (db > worstDb) {
                    worstDb = db;
                    worstHz = f;
                }
            }
        } else {
            for (int f = in / 2 - 1; f > 20; f -= f > in / 2 - 400 ? 23 : 997) {
                double db = convertedToneDb(r, f, in - f, 1.0); // the first image, above the old Nyquist frequency
                if (db > worstDb) {
                    worstDb = db;
                    worstHz = f;
                }
            }
        }
        return new double[] {worstDb, worstHz};
    }

    @Test
    void passbandIsFlatAndEveryAliasAndImageIsBelowTheStopband() {
        int[][] conversions = {{96_000, 44_100}, {48_000, 44_100}, {44_100, 48_000}, {44_100, 96_000}};
        for (int[] c : conversions) {
            RationalResampler r = RationalResampler.of(c[0], c[1]);
            double ripple = worstPassbandDeviationDb(r);
            double[] stop = worstStopband(r);
            System.out.printf(Locale.ROOT, "%s: passband 20 Hz-%.0f Hz within +-%.7f dB; worst %s %.1f dB"
                    + " (input tone %.0f Hz)%n", r, RationalResampler.PASSBAND_FRACTION * Math.min(c[0], c[1]),
                    ripple, c[1] < c[0] ? "alias" : "image", stop[0], stop[1]);
            assertTrue(ripple <= RationalResampler.PASSBAND_RIPPLE_DB, r + ": passband deviation " + ripple + " dB");
            assertTrue(stop[0] <= -RationalResampler.STOPBAND_DB, r + ": " + stop[0] + " dB at " + stop[1] + " Hz");
        }
    }

    @Test
    void theTransitionBandFallsFromThePassbandEdgeToTheNewNyquistFrequency() {
        RationalResampler r = RationalResampler.of(96_000, 44_100);
        double[] hz = {19_845, 20_400, 20_948, 21_500, 22_049};
        double[] db = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            db[i] = convertedToneDb(r, hz[i], hz[i], 1.0);
        }
        assertEquals(0, db[0], RationalResampler.PASSBAND_RIPPLE_DB, "the passband edge");
        assertEquals(-6.02, db[2], 0.1, "half amplitude at the cutoff, halfway through the transition");
        for (int i = 1; i < hz.length; i++) {
            assertTrue(db[i] < db[i - 1], "falls steadily: " + java.util.Arrays.toString(db));
        }
        assertTrue(db[4] < -120, "just under the new Nyquist frequency: " + db[4]);
    }

    /**
     * A 997 Hz sine at -1 dBFS, faded in and out over 50 ms so it is band-limited from its first sample to its
     * last, converted 96 kHz to 44.1 kHz: every output frame k must be the same function at k / 44100 s.
     * The error over the whole file, edges included, is the THD+N; it also proves the output is not delayed,
     * clicks at neither edge and is not cut short.
     */
    @Test
    void aSineConvertsWithThdPlusNoiseBelow140DbEdgesIncluded() {
        int in = 96_000;
        int out = 44_100;
        double seconds = 3;
        double amplitude = Math.pow(10, -1 / 20.0);
        float[] x = new float[(int) (in * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) faded(i / (double) in, seconds, amplitude);
        }
        RationalResampler r = RationalResampler.of(in, out);
        float[] y = r.convert(x);
        assertEquals((long) Math.ceil(x.length * (double) out / in), y.length, "as long as the input, end not cut");
        double error = 0;
        double signal = 0;
        double worstEdgeError = 0;
        for (int k = 0; k < y.length; k++) {
            double ideal = faded(k / (double) out, seconds, amplitude);
            double e = y[k] - ideal;
            error += e * e;
            signal += ideal * ideal;
            if (k < out / 10 || k >= y.length - out / 10) {
                worstEdgeError = Math.max(worstEdgeError, Math.abs(e));
            }
        }
        double thdnDb = 10 * Math.log10(error / signal);
        double edgeDb = 20 * Math.log10(worstEdgeError);
        System.out.printf(Locale.ROOT, "96 kHz -> 44.1 kHz, 997 Hz at -1 dBFS: THD+N %.1f dB over the whole file;"
                + " largest error in the first and last 100 ms %.1f dBFS%n", thdnDb, edgeDb);
        assertTrue(thdnDb < -140, "THD+N " + thdnDb + " dB");
        assertTrue(edgeDb < -130, "edges: " + edgeDb + " dBFS");
    }

    private static double faded(double t, double seconds, double amplitude) {
        double fade = 0.05;
        double gain = 1;
        if (t < fade) {
            gain = 0.5 - 0.5 * StrictMath.cos(StrictMath.PI * t / fade);
        } else if (t > seconds - fade) {
            gain = 0.5 - 0.5 * StrictMath.cos(StrictMath.PI * Math.max(0, seconds - t) / fade);
        }
        return amplitude * gain * StrictMath.sin(2 * StrictMath.PI * 997 * t);
    }

    @Test
    void anImpulseComesOutWhereItWentIn() {
        // A click at 0.5 s of 96 kHz audio peaks at 0.5 s of the 44.1 kHz output: frame 22050 exactly.
        float[] x = new float[96_000];
        x[48_000] = 1;
        float[] y = RationalResampler.of(96_000, 44_100).convert(x);
        int peak = 0;
        for (int k = 1; k < y.length; k++) {
            if (Math.abs(y[k]) > Math.abs(y[peak])) {
                peak = k;
            }
        }
        assertEquals(22_050, peak);
        // Upsampling: a click at 0.5 s of 44.1 kHz audio peaks at frame 48000 of the 96 kHz output.
        float[] z = new float[44_100];
        z[22_050] = 0.75f;
        float[] up = RationalResampler.of(44_100, 96_000).convert(z);
        int upPeak = 0;
        for (int k = 1; k < up.length; k++) {
            if (Math.abs(up[k]) > Math.abs(up[upPeak])) {
                upPeak = k;
            }
        }
        assertEquals(48_000, upPeak);
        // Its height is the click's times the share of the old band kept, 0.95 (cut off at 0.475 f_low).
        assertEquals(0.75 * 0.95, up[48_000], 1e-4);
    }

    @Test
    void theSameRateIsTheIdentityAndSilenceStaysSilent() {
        float[] x = sine(48_000, 0.1, 1_000, 0.5);
        RationalResampler same = RationalResampler.of(48_000, 48_000);
        assertEquals(1, same.tapsPerPhase());
        assertArrayEquals(x, same.convert(x));
        float[] quiet = RationalResampler.of(96_000, 44_100).convert(new float[9_600]);
        assertEquals(4_410, quiet.length);
        for (float v : quiet) {
            assertEquals(0f, v);
        }
        assertEquals(1, RationalResampler.of(96_000, 44_100).convert(new float[] {0.5f}).length);
    }

    @Test
    void ratiosReduceToLowestTermsAndAnUnwieldyRatioIsRefused() {
        RationalResampler r = RationalResampler.of(96_000, 44_100);
        assertEquals(147, r.upFactor());
        assertEquals(320, r.downFactor());
        assertEquals(160, RationalResampler.of(48_000, 44_100).downFactor());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RationalResampler.of(44_100, 44_101));
        assertEquals("cannot convert 44100 Hz to 44101 Hz: the ratio reduces to 44101/44100, whose filter would need"
                + " 44101 phases of 198 taps; choose a standard rate (44100, 48000, 88200, 96000, 176400, 192000 Hz,"
                + " ...)", e.getMessage());
        // Every pair of the usual rates from 8 kHz to 384 kHz is within reach.
        int[] rates = {8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000, 88_200, 96_000, 176_400, 192_000,
            352_800, 384_000};
        for (int a : rates) {
            for (int b : rates) {
                RationalResampler.of(a, b);
            }
        }
    }

    /** Output ranges computed apart (as threads do) are the same bits as the whole, pinned across JDKs. */
    @Test
    void theBitsArePinnedAndDoNotDependOnHowTheWorkIsSplit() throws Exception {
        int in = 96_000;
        float[] x = new float[in / 2];
        long lcg = 20_251_201;
        for (int i = 0; i < x.length; i++) {
            lcg = lcg * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
            double noise = (lcg >>> 11) * 0x1p-53 - 0.5;
            x[i] = (float) (0.4 * StrictMath.sin(2 * StrictMath.PI * 1_234.5 * i / in) + 0.3 * noise);
        }
        RationalResampler r = RationalResampler.of(in, 44_100);
        float[] whole = r.convert(x);
        float[] pieces = new float[whole.length];
        int[] cuts = {0, 1, 77, 4_096, 10_000, 22_049, whole.length};
        for (int i = 0; i + 1 < cuts.length; i++) {
            r.convert(x, pieces, cuts[i], cuts[i + 1]);
        }
        assertArrayEquals(whole, pieces);
        assertEquals("b570faec16caa1994c783537d589ee11779d649b69600523c15fdf57d83a3e9c", sha256(whole));
    }

    @Test
    void convertingAllocatesTheOutputAndNothingOfTheIntermediateRate() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[] x = sine(96_000, 10, 1_000, 0.5);
        RationalResampler r = RationalResampler.of(96_000, 44_100);
        r.convert(x); // warm up
        long before = threads.getCurrentThreadAllocatedBytes();
        float[] y = r.convert(x);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // The output (1.7 MB) and a little; a 147-times-rate signal would be 564 MB.
        assertTrue(allocated < 4L * y.length + 64 * 1024, "allocated " + allocated + " bytes");
    }

    @Test
    void refusesRangesOutsideTheOutput() {
        RationalResampler r = RationalResampler.of(96_000, 44_100);
        float[] x = new float[960];
        assertThrows(IllegalArgumentException.class, () -> r.convert(x, new float[441], 0, 442));
        assertThrows(IllegalArgumentException.class, () -> r.convert(x, new float[500], 0, 442));
        assertThrows(IllegalArgumentException.class, () -> r.convert(x, new float[441], 10, 5));
    }

    static String sha256(float[] samples) throws Exception {
        ByteBuffer bytes = ByteBuffer.allocate(4 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : samples) {
            bytes.putInt(Float.floatToRawIntBits(v));
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
    }
}
