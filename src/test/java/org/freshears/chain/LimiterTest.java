package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.testing.ReferenceTruePeak;
import org.freshears.testing.Signals;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class LimiterTest {
    private static final int FS = 48_000;
    private static final double CEILING = -1.0;
    /** ITU-R BS.1770-4 Annex 2: a true-peak meter's tolerance is +0.2 / -0.4 dB. */
    private static final double BS1770_TOLERANCE_DB = 0.2;

    // ---- material ----

    /**
     * Dense torture material, peaks at 0 dBFS sample level, one second each: white noise, an fs/4 sine
     * at 45 degrees (samples at 0.707 of its true peak: +3 dB between samples), hard-clipped drum hits
     * (square-ish, lots of inter-sample overshoot), and all three summed. Faded in and out.
     */
    static AudioBuffer torture(int fs, long seed) {
        AudioBuffer noise = Signals.noise(2, fs, fs, 1.0, seed);
        AudioBuffer quarter = Signals.sine(2, fs, 1.0, fs / 4.0, 0, Math.PI / 4);
        float[][] drums = new float[2][fs];
        long s = seed * 31 + 7;
        for (int i = 0; i < fs; i++) {
            int t = i % (fs / 4);
            double env = StrictMath.exp(-t / (0.03 * fs));
            s = s * 6364136223846793005L + 1442695040888963407L;
            double nz = ((s >>> 11) * 0x1.0p-53) * 2 - 1;
            double v = 4 * env * (StrictMath.sin(2 * StrictMath.PI * 80 * t / fs) + 0.3 * nz);
            v = Math.max(-1, Math.min(1, v));
            drums[0][i] = (float) v;
            drums[1][i] = (float) (-0.8 * v);
        }
        float[][] all = new float[2][fs];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < fs; i++) {
                all[c][i] = noise.channel(c)[i] * 0.3f + quarter.channel(c)[i] * 0.4f + drums[c][i] * 0.5f;
            }
        }
        ChannelLayout st = ChannelLayout.standard(2);
        AudioBuffer m = Signals.concat(noise, quarter, new AudioBuffer(drums, fs, st), new AudioBuffer(all, fs, st));
        fade(m, fs / 100);
        return Signals.concat(Signals.silence(2, fs, 0.05), m, Signals.silence(2, fs, 0.05));
    }

    /** Brickwall band limit at {@code fraction} of the rate (FFT), then faded: content a real master has. */
    static AudioBuffer bandLimited(AudioBuffer in, double fraction) {
        AudioBuffer out = in.copy();
        for (int c = 0; c < in.channels(); c++) {
            float[] x = out.channel(c);
            int n = Integer.highestOneBit(x.length - 1) << 1;
            double[] a = new double[n];
            for (int i = 0; i < x.length; i++) {
                a[i] = x[i];
            }
            DoubleFFT_1D fft = new DoubleFFT_1D(n);
            fft.realForward(a);
            a[1] = 0;
            for (int k = (int) (fraction * n); k < n / 2; k++) {
                a[2 * k] = 0;
                a[2 * k + 1] = 0;
            }
            fft.realInverse(a, true);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) a[i];
            }
        }
        fade(out, in.sampleRate() / 100);
        return out;
    }

    static void fade(AudioBuffer b, int n) {
        for (int c = 0; c < b.channels(); c++) {
            float[] x = b.channel(c);
            for (int i = 0; i < n; i++) {
                float w = (float) (0.5 - 0.5 * StrictMath.cos(StrictMath.PI * i / n));
                x[i] *= w;
                x[x.length - 1 - i] *= w;
            }
        }
    }

    /** Stereo: channel 0 the signal, channel 1 a constant probe, so out[1] / probe is the linked gain. */
    static AudioBuffer withGainProbe(float[] signal, int fs, float probe) {
        float[] p = new float[signal.length];
        Arrays.fill(p, probe);
        return new AudioBuffer(new float[][] {signal.clone(), p}, fs, ChannelLayout.standard(2));
    }

    // ---- settings ----

    @Test
    void defaultsWithersAndValidation() {
        Limiter l = new Limiter();
        assertEquals(-1.0, l.ceilingDbtp());
        assertEquals(100, l.releaseMs());
        assertEquals(5, l.lookaheadMs());
        assertEquals(4, l.oversampling());
        assertEquals(0, l.inputGainDb());
        assertEquals("Limiter[ceilingDbtp=-2.0, releaseMs=50.0, lookaheadMs=3.0, oversampling=8, inputGainDb=4.5]",
                l.ceilingDbtp(-2).releaseMs(50).lookaheadMs(3).oversampling(8).inputGainDb(4.5).toString());
        assertEquals("ceilingDbtp must be in [-30, 0], got 0.5",
                assertThrows(IllegalArgumentException.class, () -> l.ceilingDbtp(0.5)).getMessage());
        assertEquals("oversampling must be 4 or 8 (true-peak detection), got 2",
                assertThrows(IllegalArgumentException.class, () -> l.oversampling(2)).getMessage());
        assertEquals("releaseMs must be in [1, 5000], got 0",
                assertThrows(IllegalArgumentException.class, () -> l.releaseMs(0)).getMessage());
        assertEquals("lookaheadMs must be in [0.5, 20], got 30",
                assertThrows(IllegalArgumentException.class, () -> l.lookaheadMs(30)).getMessage());
        assertEquals("inputGainDb must be in [-40, 40], got 50",
                assertThrows(IllegalArgumentException.class, () -> l.inputGainDb(50)).getMessage());
        assertEquals("ceilingDbtp must be in [-30, 0], got NaN",
                assertThrows(IllegalArgumentException.class, () -> l.ceilingDbtp(Double.NaN)).getMessage());
        assertEquals("ceilingDbtp must be in [-30, 0], got -31",
                assertThrows(IllegalArgumentException.class, () -> l.ceilingDbtp(-31)).getMessage());
    }

    @Test
    void latencyIsDetectorPlusLookaheadPlusGuard() {
        Processor p = new Limiter().newProcessor();
        p.prepare(new ProcessSpec(FS, 2, 512));
        int detector = new org.freshears.dsp.TruePeakFilter(4, 256).latencyFrames();
        assertEquals(detector + 240 - 1 + LimiterProcessor.GUARD_FRAMES, p.latencyFrames());
    }

    // ---- transparency ----

    @Test
    void materialBelowTheCeilingPassesBitIdentical() {
        // -6 dBFS sine: true peak -6 dBTP, 5 dB under the ceiling: gain stays exactly 1.0
        ProcessorContract.assertNeutral(new Limiter(), Signals.sine(2, FS, 1.0, 997, -6));
        ProcessorContract.assertNeutral(new Limiter().oversampling(8), Signals.sine(2, 44_100, 0.5, 15_000, -3));
        // after limiting a burst, the release comes all the way back to exactly 1.0
        AudioBuffer burstThenQuiet = Signals.concat(Signals.sine(2, FS, 0.2, 200, 0),
                Signals.sine(2, FS, 2.0, 997, -6));
        AudioBuffer out = ProcessorContract.render(new Limiter().releaseMs(50), burstThenQuiet, 4096);
        int from = (int) (1.2 * FS); // 1 s = 20 release time constants after the burst
        assertTrue(Arrays.equals(Arrays.copyOfRange(burstThenQuiet.channel(0), from, burstThenQuiet.frames()),
                Arrays.copyOfRange(out.channel(0), from, out.frames())), "gain back to exactly 1.0");
    }

    @Test
    void impulsesComeOutAtTheirInputFrame() {
        int at = 12_345;
        float[] x = new float[FS];
        x[at] = 0.5f; // -6 dBFS: untouched, at its own frame
        AudioBuffer quiet = new AudioBuffer(new float[][] {x}, FS, ChannelLayout.standard(1));
        assertEquals(0.5f, ProcessorContract.render(new Limiter(), quiet, 4096).channel(0)[at]);
        x[at] = 4f; // +12 dBFS: limited, still at its own frame and the largest sample
        AudioBuffer loud = new AudioBuffer(new float[][] {x}, FS, ChannelLayout.standard(1));
        float[] y = ProcessorContract.render(new Limiter(), loud, 4096).channel(0);
        int argmax = 0;
        for (int i = 0; i < y.length; i++) {
            if (Math.abs(y[i]) > Math.abs(y[argmax])) {
                argmax = i;
            }
        }
        assertEquals(at, argmax);
        assertTrue(y[at] < 0.891f && y[at] > 0.5f, "limited impulse " + y[at]);
    }

    // ---- the brickwall ----

    /**
     * Band-limited torture material (content below 0.45 fs, i.e. 20 kHz at 44.1 kHz, where every true-peak
     * reading agrees), driven 6 and 12 dB into the limiter: the output's true peak by ideal band-limited
     * 16x reconstruction stays at or under the ceiling (measured worst: -1.0307 dBTP with 4x detection,
     * -1.0486 dBTP with 8x). The BS.1770-4 Annex 2 example interpolator itself over-reads (its phases
     * 0 and 3 have a DC gain of 1.0016, and a 5 kHz sine reads +0.17 dB high), so its reading is held
     * to the recommendation's tolerance of +0.2 dB (measured worst -0.9964 dBTP).
     */
    @Test
    void truePeakNeverExceedsTheCeilingOnBandLimitedMaterial() {
        double worstIdeal = -100;
        double worstBs = -100;
        for (int fs : new int[]{44_100, 48_000}) {
            AudioBuffer in = bandLimited(torture(fs, fs), 0.45);
            for (int os : new int[]{4, 8}) {
                for (double driveDb : new double[]{6, 12}) {
                    Limiter l = new Limiter().ceilingDbtp(CEILING).oversampling(os).inputGainDb(driveDb);
                    AudioBuffer out = ProcessorContract.render(l, in, 4096);
                    double ideal = ReferenceTruePeak.idealDbtp(out);
                    double bs = ReferenceTruePeak.bs1770Dbtp(out);
                    System.out.printf("band-limited, %d Hz, %dx, +%.0f dB: ideal %.4f dBTP, BS.1770 %.4f dBTP%n",
                            fs, os, driveDb, ideal, bs);
                    assertTrue(ideal <= CEILING, l + " at " + fs + " Hz: ideal true peak " + ideal);
                    assertTrue(bs <= CEILING + BS1770_TOLERANCE_DB, l + " at " + fs + " Hz: BS.1770 true peak " + bs);
                    worstIdeal = Math.max(worstIdeal, ideal);
                    worstBs = Math.max(worstBs, bs);
                }
            }
        }
        // and the limiter does limit: it sits close under the ceiling, not far below
        assertTrue(worstIdeal > CEILING - 0.1, "worst ideal " + worstIdeal);
        assertTrue(worstBs > CEILING - 0.2, "worst BS.1770 " + worstBs);
    }

    /**
     * Full-band torture (white noise up to Nyquist, clipped drums with aliased harmonics). The limiter
     * detects with the project meter's own interpolator (dsp.TruePeakFilter), so by that meter it holds
     * the ceiling exactly (LimiterMeterTest); the BS.1770 example filter reads within its tolerance. The
     * ideal brickwall reconstruction of content between 0.45 fs and fs/2 goes beyond what any 4x meter or
     * DAC reproduces; there the output reads up to +1.04 dB over the ceiling, which this test pins so it
     * cannot grow unnoticed. Measured: BS.1770 example filter -1.004, DAC-style (flat to 0.4535 fs) -1.03,
     * ideal +0.04 dBTP at 48 kHz (the half-band detector used before read -1.006, -0.95 and -0.37).
     */
    @Test
    void fullBandMaterialStaysUnderTheBs1770Reading() {
        for (int fs : new int[]{44_100, 48_000}) {
            AudioBuffer in = torture(fs, 3);
            AudioBuffer out = ProcessorContract.render(new Limiter().inputGainDb(9), in, 4096);
            double bs = ReferenceTruePeak.bs1770Dbtp(out);
            double dac = ReferenceTruePeak.dacStyleDbtp(out, 0.4535);
            double ideal = ReferenceTruePeak.idealDbtp(out);
            System.out.printf("full band, %d Hz: BS.1770 %.4f, DAC-style %.4f, ideal %.4f dBTP%n", fs, bs, dac, ideal);
            assertTrue(bs <= CEILING + BS1770_TOLERANCE_DB, "BS.1770 " + bs);
            assertTrue(dac <= CEILING + 0.3, "DAC-style " + dac);
            assertTrue(ideal <= CEILING + 1.1, "ideal " + ideal);
        }
    }

    // ---- smoothness and timing ----

    @Test
    void gainMovesSmoothly() {
        AudioBuffer t = torture(FS, 11);
        float probe = 1e-3f;
        AudioBuffer in = withGainProbe(t.channel(0), FS, probe);
        Limiter l = new Limiter().inputGainDb(12);
        AudioBuffer out = ProcessorContract.render(l, in, 4096);
        float[] g = out.channel(1);
        double maxStep = 0;
        double minGain = 1;
        for (int i = 1; i < g.length; i++) {
            maxStep = Math.max(maxStep, Math.abs(g[i] - g[i - 1]) / probe);
            minGain = Math.min(minGain, g[i] / probe);
        }
        // attack: a triangle of 2 x 120 frames moves at most (1 - g) / 121 per frame (inputGain included)
        double drive = StrictMath.pow(10, 12 / 20.0);
        double bound = drive / 121;
        System.out.printf("gain: min %.4f, largest step %.6f per frame (bound %.6f)%n", minGain, maxStep, bound);
        assertTrue(maxStep <= bound, "step " + maxStep);
        assertTrue(maxStep > bound / 20, "the test material should make the gain move: " + maxStep);
    }

    @Test
    void releaseFollowsItsTimeConstant() {
        int fs = FS;
        double releaseMs = 100;
        // 0.5 s of a +6 dBFS 1 kHz tone, then 2 s of a quiet one; gain read from a probe channel
        AudioBuffer loud = Signals.sine(1, fs, 0.5, 1_000, 6);
        AudioBuffer quiet = Signals.sine(1, fs, 2.0, 1_000, -30);
        AudioBuffer sig = Signals.concat(loud, quiet);
        float probe = 1e-3f;
        AudioBuffer out = ProcessorContract.render(new Limiter().releaseMs(releaseMs),
                withGainProbe(sig.channel(0), fs, probe), 4096);
        float[] g = out.channel(1);
        int end = loud.frames();
        double g0 = g[end - 1000] / probe;
        double expectedG0 = StrictMath.pow(10, (CEILING - LimiterProcessor.SAFETY_MARGIN_DB - 6) / 20);
        assertEquals(expectedG0, g0, 0.01 * expectedG0, "gain while limiting");
        // env = 1 - (1 - g0) e^(-t / tau) from when the hold lets go (guard frames after the last peak),
        // seen through the 2 x 120-frame triangle (half its length late): -1 dB at t = tau ln((1-g0)/(1-0.891))
        double minus1Db = StrictMath.pow(10, -1 / 20.0);
        double t = releaseMs / 1000 * StrictMath.log((1 - g0) / (1 - minus1Db));
        int predicted = end + LimiterProcessor.GUARD_FRAMES + 120 + (int) Math.round(t * fs);
        int reached = -1;
        for (int i = end; i < g.length; i++) {
            if (g[i] / probe >= minus1Db) {
                reached = i;
                break;
            }
        }
        System.out.printf("release to -1 dB after %.1f ms (predicted %.1f ms)%n", (reached - end) * 1000.0 / fs,
                (predicted - end) * 1000.0 / fs);
        assertEquals(predicted, reached, 0.05 * releaseMs / 1000 * fs, "frame where gain is back within 1 dB");
    }

    @Test
    void blockSizeInvariantAndResetRepeats() {
        AudioBuffer in = torture(FS, 5).slice(0, FS / 2 + 2000);
        for (int os : new int[]{4, 8}) {
            Limiter l = new Limiter().oversampling(os).inputGainDb(9).releaseMs(30);
            ProcessorContract.assertBlockSizeInvariant(l, in);
            ProcessorContract.assertResetRepeats(l, in);
        }
    }
}
