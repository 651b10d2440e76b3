package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.testing.Signals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TruePeakMeterTest {

    /** Tech 3341 true-peak signals: a sine with 10 ms fades in and out; 1 s long. */
    private static TruePeakReport tech3341(int rate, double cyclesPerSample, double amplitude, double phaseDegrees) {
        AudioBuffer sine = Signals.sineAmplitude(2, rate, 1, rate * cyclesPerSample, amplitude,
                StrictMath.toRadians(phaseDegrees));
        return TruePeakMeter.measure(Signals.fade(sine, 0.01, 0.01));
    }

    private static void assertTruePeak(double expectedDbtp, TruePeakReport r, String key) {
        double dbtp = r.maxTruePeakDbtp();
        // Tech 3341: +0.2 / -0.4 dB.
        assertTrue(dbtp <= expectedDbtp + 0.2 && dbtp >= expectedDbtp - 0.4, key + ": " + dbtp);
        Pins.check(key, dbtp);
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void tech3341TruePeakCases15To19(int rate) {
        double halfScaleDb = 20 * Math.log10(0.5); // 0.50 FS = -6.02 dBFS
        TruePeakReport c15 = tech3341(rate, 0.25, 0.5, 0);
        TruePeakReport c16 = tech3341(rate, 0.25, 0.5, 45);
        TruePeakReport c17 = tech3341(rate, 1.0 / 6, 0.5, 60);
        TruePeakReport c18 = tech3341(rate, 0.125, 0.5, 67.5);
        TruePeakReport c19 = tech3341(rate, 0.25, 1.41, 45);
        assertTruePeak(-6.0, c15, "3341-15@" + rate);
        assertTruePeak(-6.0, c16, "3341-16@" + rate);
        assertTruePeak(-6.0, c17, "3341-17@" + rate);
        assertTruePeak(-6.0, c18, "3341-18@" + rate);
        assertTruePeak(3.0, c19, "3341-19@" + rate);
        // The same signals' sample peaks lie well below: the meter must find what is between samples.
        assertEquals(20 * Math.log10(0.5 * Math.sin(Math.PI / 4)), c16.maxSamplePeakDbfs(), 1e-6);
        assertEquals(20 * Math.log10(1.41 * Math.sin(Math.PI / 4)), c19.maxSamplePeakDbfs(), 1e-6);
        assertTrue(c19.maxSamplePeakLinear() <= 1.0);
        // The filter is far better than the tolerance: within 0.01 dB of the true amplitude.
        assertEquals(halfScaleDb, c16.maxTruePeakDbtp(), 0.01);
        assertEquals(20 * Math.log10(1.41), c19.maxTruePeakDbtp(), 0.01);
    }

    @Test
    void oversamplingFollowsAnnex2() {
        assertEquals(4, TruePeakMeter.oversamplingFactor(44_100));
        assertEquals(4, TruePeakMeter.oversamplingFactor(88_200));
        assertEquals(2, TruePeakMeter.oversamplingFactor(96_000));
        assertEquals(2, TruePeakMeter.oversamplingFactor(192_000));
        assertEquals(1, TruePeakMeter.oversamplingFactor(384_000));
    }

    @Test
    void readsTheIdealInterpolationOfSinesUpTo045Fs() {
        // Against the exact band-limited signal on the same 4x grid: the only error left is the filter's.
        int rate = 48_000;
        long seed = 1;
        for (double ratio = 0.02; ratio < 0.451; ratio += 0.0371) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            double phase = (seed >>> 11) * 0x1.0p-53 * 2 * Math.PI;
            double amplitude = 0.7;
            AudioBuffer sine = Signals.fade(Signals.sineAmplitude(1, rate, 0.5, ratio * rate, amplitude, phase), 0.05,
                    0.05);
            double ideal = 0;
            for (int n = 0; n < 4 * rate / 2; n++) {
                double g = (n / 4) >= 0.05 * rate && (n / 4) < 0.45 * rate ? 1 : 0; // steady part only
                ideal = Math.max(ideal, g * amplitude * Math.abs(Math.sin(2 * Math.PI * ratio * n / 4.0 + phase)));
            }
            double measured = TruePeakMeter.measure(sine).maxTruePeakLinear();
            assertEquals(20 * Math.log10(ideal), 20 * Math.log10(measured), 0.05, "at " + ratio + " fs");
        }
    }

    @Test
    void interSamplePeaksAtTheVeryEndAreSeen() {
        // Two full-scale samples of the same sign: the band-limited signal rises above 1 between them.
        AudioBuffer pair = new AudioBuffer(new float[][] {{1f, 1f}}, 48_000, ChannelLayout.standard(1));
        double tp = TruePeakMeter.measure(pair).maxTruePeakLinear();
        assertTrue(tp > 1.2, "true peak of [1, 1]: " + tp);
        // The same burst at the end of a file and at its start read the same (the filter is flushed).
        float[] tail = new float[1000];
        float[] head = new float[1000];
        float[] burst = {0.3f, -0.9f, 0.95f, 0.95f, -0.8f};
        for (int i = 0; i < burst.length; i++) {
            tail[1000 - burst.length + i] = burst[i];
            head[i] = burst[burst.length - 1 - i];
        }
        double atEnd = TruePeakMeter.measure(new AudioBuffer(new float[][] {tail}, 48_000, ChannelLayout.standard(1)))
                .maxTruePeakLinear();
        double atStart = TruePeakMeter.measure(new AudioBuffer(new float[][] {head}, 48_000,
                ChannelLayout.standard(1))).maxTruePeakLinear();
        assertEquals(atStart, atEnd, 1e-6);
        assertTrue(atEnd > 1.0);
        Pins.check("burst-at-end", atEnd);
    }

    @Test
    void reportsEveryChannelAndSilenceAsMinusInfinity() {
        AudioBuffer a = Signals.sine(2, 44_100, 1, 1000, -10);
        java.util.Arrays.fill(a.channel(1), 0f);
        TruePeakReport r = TruePeakMeter.measure(a);
        assertEquals(2, r.channels());
        assertEquals(-10, r.truePeakDbtp(0), 0.02); // the abrupt start overshoots by 0.01 dB
        assertEquals(Double.NEGATIVE_INFINITY, r.truePeakDbtp(1));
        assertEquals(r.truePeakDbtp(0), r.maxTruePeakDbtp(), 0.0);
        assertTrue(r.truePeakLinear()[0] >= r.samplePeakLinear()[0]);
        assertEquals(r, TruePeakMeter.measure(a));
        assertEquals(1, TruePeakMeter.measure(Signals.sine(1, 384_000, 0.1, 1000, -10)).oversampling());
    }

    @Test
    void skippingQuietBlocksGivesExactlyTheFullResult() {
        // The pruned search must return the very bits of interpolating every block, whatever the material:
        // loud blocks anywhere (first, last, middle), quiet noise, a lone inter-sample peak at the edges.
        int rate = 48_000;
        float[][] phases = org.freshears.dsp.TruePeakFilter.phases(4);
        java.util.List<float[]> signals = new java.util.ArrayList<>();
        signals.add(Signals.noise(1, rate, 100_000, 0.1, 3).channel(0));
        float[] bursts = Signals.noise(1, rate, 300_000, 0.05, 4).channel(0);
        float[] loud = Signals.sineAmplitude(1, rate, 0.1, rate / 4.0, 0.9, StrictMath.toRadians(45)).channel(0);
        System.arraycopy(loud, 0, bursts, 150_000, loud.length);
        System.arraycopy(loud, 0, bursts, 0, 3_000);
        signals.add(bursts);
        float[] edges = new float[10_000];
        edges[0] = 0.5f;
        edges[1] = -0.5f;
        edges[9_998] = 0.6f;
        edges[9_999] = 0.6f;
        signals.add(edges);
        signals.add(new float[] {0.25f});
        signals.add(new float[5_000]);
        for (float[] x : signals) {
            float samplePeak = 0;
            for (float v : x) {
                samplePeak = Math.max(samplePeak, Math.abs(v));
            }
            float full = Math.max(samplePeak, TruePeakMeter.interpolatedPeak(x, phases));
            assertEquals(full, TruePeakMeter.interpolatedPeakAbove(x, phases, samplePeak), 0.0f);
            assertEquals(TruePeakMeter.interpolatedPeak(x, phases), TruePeakMeter.interpolatedPeakAbove(x, phases, 0),
                    0.0f);
        }
        float[] broken = {0.1f, Float.NaN, 0.2f};
        assertTrue(Float.isNaN(TruePeakMeter.interpolatedPeakAbove(broken, phases, Float.NaN)));
    }
    @Test
    void theStreamingMeterGivesTheBitsOfInterpolatingEveryOutput() {
        // The streaming meter interpolates runs of the stretches that may hold the peak with its own loops
        // (written for C2's vectoriser): every output must be the bits the reference loop gives, so its
        // reading must equal the exhaustive one exactly. Dense material (a limited master: near-peak stretches
        // everywhere, long runs), sparse bursts (short runs), both factors, and feeds cut at odd lengths.
        for (int rate : new int[] {48_000, 96_000}) {
            float[][] phases = org.freshears.dsp.TruePeakFilter.phases(TruePeakMeter.oversamplingFactor(rate));
            float[] dense = Signals.noise(1, rate, 200_000, 0.9, 5).channel(0);
            for (int i = 0; i < dense.length; i++) {
                dense[i] = (float) StrictMath.tanh(3 * dense[i]) * 0.95f; // a squashed master's crowded peaks
            }
            float[] bursts = Signals.noise(1, rate, 150_000, 0.05, 6).channel(0);
            float[] loud = Signals.sineAmplitude(1, rate, 0.02, rate / 4.1, 0.9, 0.3).channel(0);
            for (int at = 7_000; at + loud.length < bursts.length; at += 31_003) {
                System.arraycopy(loud, 0, bursts, at, loud.length);
            }
            for (float[] x : java.util.List.of(dense, bursts)) {
                float samplePeak = 0;
                for (float v : x) {
                    samplePeak = Math.max(samplePeak, Math.abs(v));
                }
                float expected = Math.max(samplePeak, TruePeakMeter.interpolatedPeak(x, phases));
                for (int feed : new int[] {TruePeakMeter.ChannelMeter.MAX_FEED_FRAMES, 4_099, 1_000}) {
                    TruePeakMeter.ChannelMeter meter = new TruePeakMeter.ChannelMeter(rate);
                    for (int from = 0; from < x.length; from += feed) {
                        meter.feed(x, from, Math.min(feed, x.length - from));
                    }
                    meter.finish();
                    assertEquals(expected, meter.truePeak(), 0.0f, rate + " Hz, feeds of " + feed);
                    assertEquals(samplePeak, meter.samplePeak(), 0.0f);
                }
            }
        }
    }
}
