package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.testing.Spectra;
import org.junit.jupiter.api.Test;

class OversamplerTest {

    private static float[] sine(int frames, double freqHz, int fs, double amp) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amp * StrictMath.sin(2 * StrictMath.PI * freqHz * i / fs + 0.3));
        }
        return x;
    }

    @Test
    void everyStageMeetsItsDesign() {
        for (int s = 0; s < 3; s++) {
            HalfbandFilter f = Oversampler.stageFilter(s);
            double stopDb = 20 * Math.log10(f.worstStopbandAmplitude());
            double rippleDb = 20 * Math.log10(1 + f.worstPassbandDeviation());
            assertTrue(stopDb <= -100, "stage " + s + " stopband " + stopDb + " dB");
            assertTrue(rippleDb <= 0.0001, "stage " + s + " ripple " + rippleDb + " dB");
        }
        // the first stage's passband reaches 20 kHz at 44.1 kHz (0.4535 fs)
        assertTrue(Oversampler.PASSBAND_FRACTION >= 20_000.0 / 44_100);
    }

    @Test
    void roundTripReturnsSinesWithin1HundredthDb() {
        int[][] cases = {{48_000, 1_000}, {48_000, 18_000}, {44_100, 20_000}, {44_100, 1_000}};
        for (int factor : new int[]{2, 4, 8}) {
            for (int[] c : cases) {
                int fs = c[0];
                int frames = fs; // 1 s: whole number of periods for every case
                float[] x = sine(frames + 4096, c[1], fs, 0.5);
                Oversampler o = new Oversampler(factor);
                double[] high = new double[x.length * factor];
                double[] back = new double[x.length];
                o.upsample(x, 0, x.length, high);
                o.downsample(high, x.length, back, 0);
                int lag = o.latencyFrames();
                double in2 = 0, out2 = 0, err = 0;
                for (int i = 2048; i < 2048 + frames; i++) {
                    in2 += (double) x[i] * x[i];
                    out2 += back[i + lag] * back[i + lag];
                    err = Math.max(err, Math.abs(back[i + lag] - x[i]));
                }
                double gainDb = 10 * Math.log10(out2 / in2);
                String what = factor + "x, " + c[1] + " Hz at " + fs + " Hz";
                assertEquals(0, gainDb, 0.01, what + " level");
                // ripple ~1e-5 per pass: aligned sample error stays tiny (proves the latency too)
                assertTrue(err < 5e-5, what + " max error " + err);
            }
        }
    }

    @Test
    void imagesAreAtLeast100DbDown() {
        int fs = 48_000;
        for (int freq : new int[]{1_000, 18_000}) {
            for (int factor : new int[]{2, 4, 8}) {
                float[] x = sine(fs + 4096, freq, fs, 0.5);
                Oversampler o = new Oversampler(factor);
                double[] high = new double[x.length * factor];
                o.upsample(x, 0, x.length, high);
                int n = fs * factor; // 1 s: 1 Hz bins
                double[] seg = new double[n];
                System.arraycopy(high, 2048 * factor, seg, 0, n);
                double[] p = Spectra.power(seg);
                double worst = 0;
                for (int k = 1; k < p.length; k++) {
                    if (Math.abs(k - freq) > 2) {
                        worst = Math.max(worst, p[k]);
                    }
                }
                double relDb = 10 * Math.log10(worst / p[freq]);
                // design 100 dB; float input quantisation sets a floor far below
                assertTrue(relDb < -100, factor + "x " + freq + " Hz: largest image " + relDb + " dB");
            }
        }
    }

    @Test
    void chunkingDoesNotChangeTheBits() {
        float[] x = sine(5000, 3_000, 48_000, 0.7);
        Oversampler whole = new Oversampler(4);
        double[] ref = new double[x.length * 4];
        whole.upsample(x, 0, x.length, ref);
        double[] refDown = new double[x.length];
        whole.downsample(ref, x.length, refDown, 0);
        for (int step : new int[]{1, 37, 1000, 4999}) {
            Oversampler o = new Oversampler(4);
            double[] out = new double[x.length * 4];
            double[] down = new double[x.length];
            double[] tmp = new double[step * 4];
            for (int pos = 0; pos < x.length; pos += step) {
                int n = Math.min(step, x.length - pos);
                o.upsample(x, pos, n, tmp);
                System.arraycopy(tmp, 0, out, pos * 4, n * 4);
            }
            for (int pos = 0; pos < x.length; pos += step) {
                int n = Math.min(step, x.length - pos);
                System.arraycopy(out, pos * 4, tmp, 0, n * 4);
                o.downsample(tmp, n, down, pos);
            }
            assertArrayEquals(ref, out, "upsample in steps of " + step);
            assertArrayEquals(refDown, down, "downsample in steps of " + step);
        }
    }

    @Test
    void resetRepeatsAndLatencyIsWholeFrames() {
        float[] x = sine(1000, 5_000, 48_000, 0.7);
        Oversampler o = new Oversampler(8);
        double[] a = new double[8000];
        double[] b = new double[8000];
        o.upsample(x, 0, 1000, a);
        o.reset();
        o.upsample(x, 0, 1000, b);
        assertArrayEquals(a, b);
        // the upsampled point k of frame i is the input at frame i - latency + k/8: at k = 0 it is exact
        int lag = o.upLatencyFrames();
        for (int i = lag; i < 1000; i++) {
            assertEquals(x[i - lag], a[i * 8], 1e-9);
        }
        assertEquals(0, new Oversampler(1).latencyFrames());
    }

    @Test
    void rejectsOtherFactors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Oversampler(3));
        assertEquals("oversampling factor must be 1, 2, 4 or 8, got 3", e.getMessage());
    }
}
