package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.audio.Speaker;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

class LevelsTest {
    private static final int RATE = 48000;
    /** 10·log10(1/2): mean square of a sine relative to its peak squared. */
    private static final double SINE_RMS_DB = -3.0103;

    private static AudioBuffer stereo(float[] left, float[] right) {
        return new AudioBuffer(new float[][] {left, right}, RATE, ChannelLayout.standard(2));
    }

    private static AudioBuffer mono(float[] x) {
        return new AudioBuffer(new float[][] {x}, RATE, ChannelLayout.standard(1));
    }

    @Test
    void sineHasItsPeakRmsAndCrest() {
        // 1 kHz at 48 kHz: 48 samples a cycle, so sample 12 lands exactly on the crest.
        LevelsReport r = Levels.measure(Signals.sine(2, RATE, 2, 1000, -6));
        assertEquals(-6, r.samplePeakDbfs(), 1e-5);
        assertEquals(List.of(r.samplePeakDbfs(), r.samplePeakDbfs()), r.channelPeakDbfs());
        assertEquals(-6 + SINE_RMS_DB, r.rmsDbfs(), 1e-4);
        assertEquals(-SINE_RMS_DB, r.crestFactorDb(), 1e-4);
        LevelsReport full = Levels.measure(Signals.sine(1, RATE, 2, 997, 0));
        System.out.printf("0 dBFS 997 Hz sine: peak %.5f, RMS %.5f, crest %.5f dB%n", full.samplePeakDbfs(),
                full.rmsDbfs(), full.crestFactorDb());
        assertEquals(SINE_RMS_DB, full.rmsDbfs(), 0.001);
        assertEquals(-SINE_RMS_DB, full.crestFactorDb(), 0.001);
    }

    @Test
    void rmsIsOverAllSamplesOfAllChannels() {
        float[] square = new float[RATE];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 24) % 2 == 0 ? 0.5f : -0.5f;
        }
        LevelsReport r = Levels.measure(stereo(square, new float[RATE]));
        // Mean square (0.25 + 0)/2 = 0.125 → −9.03 dBFS; the silent channel has no RMS at all.
        assertEquals(10 * Math.log10(0.125), r.rmsDbfs(), 1e-9);
        assertEquals(10 * Math.log10(0.25), r.channelRmsDbfs().get(0), 1e-9);
        assertTrue(Double.isNaN(r.channelRmsDbfs().get(1)));
        assertTrue(Double.isNaN(r.channelPeakDbfs().get(1)));
        assertEquals(20 * Math.log10(0.5), r.samplePeakDbfs(), 1e-9);
    }

    @Test
    void dcOffsetIsTheMeanPerChannel() {
        AudioBuffer sine = Signals.sine(2, RATE, 1, 1000, -10);
        float[] right = sine.channel(1);
        for (int i = 0; i < right.length; i++) {
            right[i] += 0.25f;
        }
        LevelsReport r = Levels.measure(sine);
        assertEquals(0, r.dcOffset().get(0), 1e-6); // whole cycles average to zero
        assertEquals(0.25, r.dcOffset().get(1), 1e-6);
    }

    @Test
    void correlationOfInPhaseInvertedQuadratureAndIndependentSignals() {
        AudioBuffer noise = Signals.noise(2, RATE, 10 * RATE, 0.5, 42);
        float[] l = noise.channel(0);
        float[] inverted = new float[l.length];
        for (int i = 0; i < l.length; i++) {
            inverted[i] = -l[i];
        }
        assertEquals(1, Levels.measure(stereo(l, l.clone())).correlation(), 1e-12);
        assertEquals(-1, Levels.measure(stereo(l, inverted)).correlation(), 1e-12);
        double independent = Levels.measure(noise).correlation();
        System.out.printf("independent noise correlation %.5f (1/sqrt(N) = %.5f)%n", independent,
                1 / Math.sqrt(l.length));
        assertEquals(0, independent, 5 / Math.sqrt(l.length));
        // Sine against cosine over whole cycles: orthogonal.
        AudioBuffer sin = Signals.sine(1, RATE, 1, 1000, -3, 0);
        AudioBuffer cos = Signals.sine(1, RATE, 1, 1000, -3, Math.PI / 2);
        assertEquals(0, Levels.measure(stereo(sin.channel(0), cos.channel(0))).correlation(), 1e-6);
        // A gain difference does not change Pearson's r.
        float[] quieter = new float[l.length];
        for (int i = 0; i < l.length; i++) {
            quieter[i] = 0.1f * l[i];
        }
        assertEquals(1, Levels.measure(stereo(l, quieter)).correlation(), 1e-6);
    }

    @Test
    void correlationIsNaNForMonoOrASilentChannel() {
        assertTrue(Double.isNaN(Levels.measure(Signals.sine(1, RATE, 1, 100, -6)).correlation()));
        assertTrue(Double.isNaN(Levels.measure(stereo(Signals.sine(1, RATE, 1, 100, -6).channel(0),
                new float[RATE])).correlation()));
    }

    @Test
    void correlationUsesFrontLeftAndRightWhereverTheyAre() {
        AudioBuffer noise = Signals.noise(3, RATE, RATE, 0.5, 3);
        float[] c = noise.channel(0);
        float[] l = noise.channel(1);
        float[] r = l.clone();
        ChannelLayout layout = new ChannelLayout(List.of(Speaker.FRONT_CENTER, Speaker.FRONT_LEFT,
                Speaker.FRONT_RIGHT));
        assertEquals(1, Levels.measure(new AudioBuffer(new float[][] {c, l, r}, RATE, layout)).correlation(), 1e-12);
    }

    @Test
    void clippedRunsOfThreeOrMoreFullScaleSamplesAreCounted() {
        float sixteenBitRail = 32767 / 32768f; // 1 − 2^-15: the positive rail of a 16-bit file
        float[] x = new float[200];
        fill(x, 10, 2, 1.0f);              // run of 2: not a clip
        fill(x, 30, 3, -1.0f);             // run of 3 on the negative rail: counted
        fill(x, 50, 10, sixteenBitRail);   // run of 10 at the 16-bit rail: counted
        fill(x, 80, 5, 0.9999f);           // below full scale (< 1 − 2^-15): not counted
        for (int i = 100; i < 106; i++) {  // alternating rails: no flat top, not a clip
            x[i] = (i & 1) == 0 ? 1f : -1f;
        }
        fill(x, 197, 3, 1.2f);             // float overs at the very end: counted
        float[] y = new float[200];
        fill(y, 0, 4, 1.0f);               // at the very start of the other channel: counted
        LevelsReport r = Levels.measure(stereo(x, y));
        assertEquals(4, r.clippedRuns());
        assertEquals(1, Levels.measure(mono(slice(x, 45, 70))).clippedRuns());
        assertEquals(0, Levels.measure(mono(slice(x, 0, 20))).clippedRuns());
    }

    @Test
    void clipRunsAcrossParallelBlockBoundariesAreCountedOnce() {
        int block = Levels.BLOCK_FRAMES;
        float[] x = new float[3 * block];
        fill(x, block - 2, 5, 1f);         // 5 across the first boundary: one run
        fill(x, 2 * block - 1, 2, -1f);    // 2 across the second: not a run
        assertEquals(1, Levels.measure(mono(x)).clippedRuns());
        fill(x, 2 * block + 1, 1, -1f);    // now 3 across the second: a run
        assertEquals(2, Levels.measure(mono(x)).clippedRuns());
    }

    @Test
    void blockedParallelSumsMatchAPlainSerialComputation() {
        AudioBuffer noise = Signals.noise(2, RATE, (int) (3.5 * Levels.BLOCK_FRAMES), 0.5, 77);
        float[] l = noise.channel(0);
        float[] r = noise.channel(1);
        for (int i = 0; i < l.length; i++) {
            l[i] += 0.01f;
        }
        double sl = 0, sr = 0, ql = 0, qr = 0, lr = 0, peak = 0;
        for (int i = 0; i < l.length; i++) {
            sl += l[i];
            sr += r[i];
            ql += (double) l[i] * l[i];
            qr += (double) r[i] * r[i];
            lr += (double) l[i] * r[i];
            peak = Math.max(peak, Math.max(Math.abs(l[i]), Math.abs(r[i])));
        }
        int n = l.length;
        double pearson = (lr / n - sl / n * sr / n)
                / Math.sqrt((ql / n - sl / n * sl / n) * (qr / n - sr / n * sr / n));
        LevelsReport report = Levels.measure(noise);
        assertEquals(20 * Math.log10(peak), report.samplePeakDbfs(), 1e-12);
        assertEquals(10 * Math.log10((ql + qr) / (2.0 * n)), report.rmsDbfs(), 1e-9);
        assertEquals(sl / n, report.dcOffset().get(0), 1e-12);
        assertEquals(sr / n, report.dcOffset().get(1), 1e-12);
        assertEquals(pearson, report.correlation(), 1e-9);
    }

    @Test
    void leadingAndTrailingSilence() {
        AudioBuffer tone = Signals.concat(Signals.silence(2, RATE, 0.5), Signals.sine(2, RATE, 1, 1000, -20),
                Signals.silence(2, RATE, 0.25));
        LevelsReport r = Levels.measure(tone);
        // The sine starts at phase 0: sample 0 of it is 0, sample 1 is 0.1·sin(2π/48) = −38 dBFS.
        assertEquals(0.5 + 1.0 / RATE, r.leadingSilenceSeconds(), 1e-9);
        // It ends on sample 47999 = 0.1·sin(−2π/48), also above −60 dBFS.
        assertEquals(0.25, r.trailingSilenceSeconds(), 1e-9);

        // −60 dBFS is the boundary: −59 dBFS counts as sound, −61 dBFS as silence.
        float[] quiet = new float[RATE];
        quiet[RATE / 2] = (float) Signals.dbToLinear(-61);
        quiet[RATE / 4] = (float) Signals.dbToLinear(-59);
        LevelsReport q = Levels.measure(mono(quiet));
        assertEquals(0.25, q.leadingSilenceSeconds(), 1e-9);
        assertEquals((RATE - 1 - RATE / 4) / (double) RATE, q.trailingSilenceSeconds(), 1e-9);
    }

    @Test
    void aNanSampleMakesItsChannelsPeakNanWhereverItSits() {
        // The peak scan keeps NaN once seen (as Math.max does), before and after louder samples, and a block
        // holding a NaN is still scanned for clip runs.
        for (int at : new int[] {0, 100, RATE - 1}) {
            float[] left = Signals.sine(1, RATE, 1, 100, -6).channel(0).clone();
            float[] right = left.clone();
            left[at] = Float.NaN;
            right[200] = 1f;
            right[201] = 1f;
            right[202] = 1f;
            float[] third = right.clone();
            third[at] = Float.NaN;
            LevelsReport r = Levels.measure(new AudioBuffer(new float[][] {left, right, third}, RATE,
                    ChannelLayout.standard(3)));
            assertTrue(Double.isNaN(r.channelPeakDbfs().get(0)), "paired channel, NaN at " + at);
            assertEquals(0.0, r.channelPeakDbfs().get(1), 1e-12);
            assertTrue(Double.isNaN(r.channelPeakDbfs().get(2)), "single channel, NaN at " + at);
            assertEquals(2, r.clippedRuns());
        }
    }

    @Test
    void digitalSilenceHasNoLevelsAndIsAllSilence() {
        LevelsReport r = Levels.measure(Signals.silence(2, RATE, 1.5));
        assertTrue(Double.isNaN(r.samplePeakDbfs()));
        assertTrue(Double.isNaN(r.rmsDbfs()));
        assertTrue(Double.isNaN(r.crestFactorDb()));
        assertTrue(Double.isNaN(r.correlation()));
        assertEquals(List.of(0.0, 0.0), r.dcOffset());
        assertEquals(1.5, r.leadingSilenceSeconds(), 1e-12);
        assertEquals(1.5, r.trailingSilenceSeconds(), 1e-12);
        assertEquals(0, r.clippedRuns());

        LevelsReport empty = Levels.measure(AudioBuffer.silence(1, 0, RATE));
        assertTrue(Double.isNaN(empty.dcOffset().get(0)));
        assertEquals(0, empty.leadingSilenceSeconds());
    }

    @Test
    void resultsAreDeterministicAcrossRuns() {
        AudioBuffer noise = Signals.noise(6, RATE, 5 * RATE, 0.7, 8);
        assertEquals(Levels.measure(noise), Levels.measure(noise));
    }

    private static void fill(float[] x, int from, int count, float value) {
        for (int i = from; i < from + count; i++) {
            x[i] = value;
        }
    }

    private static float[] slice(float[] x, int from, int to) {
        return java.util.Arrays.copyOfRange(x, from, to);
    }
}
