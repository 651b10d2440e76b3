package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.dsp.GainComputer;
import org.freshears.testing.Signals;
import org.freshears.testing.ToneProbe;
import org.junit.jupiter.api.Test;

class CompressorTest {
    private static final int RATE = 48_000;

    /** Programme-like test material: quiet noise, a loud tone burst, a noise burst, a quiet tail. */
    static AudioBuffer material() {
        return Signals.concat(
                Signals.noise(2, RATE, 9_000, 0.02, 7),
                Signals.sine(2, RATE, 0.25, 220, -4),
                Signals.noise(2, RATE, 15_000, 0.7, 11),
                Signals.sine(2, RATE, 0.2, 3_000, -30));
    }

    private static Compressor busy() {
        return Compressor.defaults().thresholdDb(-24).ratio(4).kneeDb(6).attackMs(5).releaseMs(80).makeupDb(2);
    }

    @Test
    void blockSizeInvariantAndResetRepeats() {
        AudioBuffer in = material();
        Compressor[] variants = {
            busy(),
            busy().lookaheadMs(3),
            busy().rms().stereoLinkPercent(50).sidechainHighPassHz(80).mixPercent(60).lookaheadMs(2),
            busy().stereoLinkPercent(0).attackMs(0),
        };
        for (Compressor c : variants) {
            ProcessorContract.assertBlockSizeInvariant(c, in);
            ProcessorContract.assertResetRepeats(c, in);
        }
    }

    @Test
    void neutralSettingsAreBitIdentical() {
        AudioBuffer in = material();
        Compressor unity = Compressor.defaults().ratio(1).makeupDb(0).mixPercent(100);
        ProcessorContract.assertNeutral(unity, in);
        ProcessorContract.assertNeutral(unity.lookaheadMs(5), in);
        Compressor allDry = busy().ratio(8).makeupDb(6).mixPercent(0);
        ProcessorContract.assertNeutral(allDry, in);
        ProcessorContract.assertNeutral(allDry.lookaheadMs(5), in);
    }

    @Test
    void partialMixIsTheBlendOfDryAndWet() {
        AudioBuffer in = material();
        Compressor c = busy().lookaheadMs(2);
        AudioBuffer dry = ProcessorContract.render(c.mixPercent(0), in, 4096);
        AudioBuffer wet = ProcessorContract.render(c.mixPercent(100), in, 4096);
        AudioBuffer blend = ProcessorContract.render(c.mixPercent(25), in, 4096);
        for (int ch = 0; ch < 2; ch++) {
            for (int i = 0; i < in.frames(); i++) {
                double expected = 0.75 * dry.channel(ch)[i] + 0.25 * wet.channel(ch)[i];
                assertEquals(expected, blend.channel(ch)[i], 1e-6, "frame " + i);
            }
        }
    }

    @Test
    void lookaheadIsCompensatedAClickComesOutAtItsInputFrame() {
        int clickAt = 10_000;
        AudioBuffer click = AudioBuffer.silence(2, 20_000, RATE);
        click.channel(0)[clickAt] = 0.9f;
        click.channel(1)[clickAt] = 0.9f;
        Compressor c = Compressor.defaults().thresholdDb(-30).ratio(10).kneeDb(0).attackMs(0).lookaheadMs(5);
        assertEquals(240, c.lookaheadFrames(RATE));
        AudioBuffer out = ProcessorContract.render(c, click, 4096);
        for (int ch = 0; ch < 2; ch++) {
            for (int i = 0; i < out.frames(); i++) {
                if (i != clickAt) {
                    assertEquals(0f, out.channel(ch)[i], "frame " + i);
                }
            }
        }
        // The click is reduced (attack 0) but in its place. The detector saw it 240 frames before it
        // reached the output, so the reduction has been releasing for those 240 frames.
        assertTrue(out.channel(0)[clickAt] > 0 && out.channel(0)[clickAt] < 0.9f);
        double wantedDb = 0.9 * (20 * Math.log10(0.9) + 30);
        double releasedDb = wantedDb * Math.exp(-240 * 1000.0 / (150 * RATE));
        assertEquals(-releasedDb, 20 * Math.log10(out.channel(0)[clickAt] / 0.9), 0.01);
    }

    @Test
    void lookaheadLetsTheGainMoveBeforeABurstArrives() {
        int burstAt = 10_000;
        float[] x = new float[20_000];
        java.util.Arrays.fill(x, burstAt, burstAt + 2_400, 0.9f);
        AudioBuffer burst = new AudioBuffer(new float[][] {x}, RATE, ChannelLayout.standard(1));
        Compressor c = Compressor.defaults().thresholdDb(-30).ratio(10).kneeDb(0).attackMs(1);
        double plainDb = 20 * Math.log10(ProcessorContract.render(c, burst, 4096).channel(0)[burstAt] / 0.9);
        double aheadDb = 20 * Math.log10(
                ProcessorContract.render(c.lookaheadMs(5), burst, 4096).channel(0)[burstAt] / 0.9);
        System.out.printf("burst onset, attack 1 ms: %.2f dB without lookahead, %.2f dB with 5 ms%n", plainDb,
                aheadDb);
        double wantedDb = 0.9 * (20 * Math.log10(0.9) + 30);
        // Without lookahead the smoother has had one sample: 1 - exp(-1/48) of the way.
        assertEquals(-wantedDb * (1 - Math.exp(-1.0 / 48)), plainDb, 0.01);
        // With 5 ms (240 frames) it has had 241 samples, about five attack time constants.
        assertEquals(-wantedDb * (1 - Math.exp(-241.0 / 48)), aheadDb, 0.01);
        // Before the onset the output is still silent (the gain moved, the audio had not arrived).
        AudioBuffer ahead = ProcessorContract.render(c.lookaheadMs(5), burst, 4096);
        assertEquals(0f, ahead.channel(0)[burstAt - 1]);
    }

    @Test
    void peakStaticCurveMatchesTheFormula() {
        // Attack 0 with a long release holds the reduction at its value for the sine's peak sample, so
        // the output peak is exactly the static curve applied to the input peak.
        Compressor c = Compressor.defaults().thresholdDb(-24).ratio(4).kneeDb(12).attackMs(0).releaseMs(1_000)
                .makeupDb(3);
        GainComputer curve = new GainComputer(-24, 4, 12);
        double worst = 0;
        for (double levelDb = -60; levelDb <= 0; levelDb += 3) {
            AudioBuffer in = Signals.sine(1, RATE, 0.5, 1_000, levelDb);
            AudioBuffer out = ProcessorContract.render(c, in, 4096);
            int from = in.frames() - 4_800;
            double inDb = ToneProbe.peakDb(in.channel(0), from, in.frames());
            double gainDb = ToneProbe.peakDb(out.channel(0), from, in.frames()) - inDb;
            double expectedDb = 3 - curve.reductionDb(inDb);
            worst = Math.max(worst, Math.abs(gainDb - expectedDb));
            assertEquals(expectedDb, gainDb, 0.1, "level " + levelDb);
        }
        System.out.printf("PEAK static curve -60..0 dBFS: worst error %.1e dB%n", worst);
    }

    @Test
    void rmsStaticCurveMatchesTheFormulaAtTheSineRmsLevel() {
        // RMS detection reads a sine 3.01 dB below its peak; the curve applies to that level.
        Compressor c = Compressor.defaults().rms().thresholdDb(-24).ratio(4).kneeDb(12).attackMs(10)
                .releaseMs(150).makeupDb(3);
        GainComputer curve = new GainComputer(-24, 4, 12);
        double worst = 0;
        for (double levelDb = -60; levelDb <= 0; levelDb += 3) {
            AudioBuffer in = Signals.sine(1, RATE, 1.0, 1_000, levelDb);
            AudioBuffer out = ProcessorContract.render(c, in, 4096);
            int from = in.frames() - 9_600;
            double inRmsDb = ToneProbe.rmsDb(in.channel(0), from, in.frames());
            assertEquals(levelDb - 10 * Math.log10(2), inRmsDb, 0.001);
            double gainDb = ToneProbe.rmsDb(out.channel(0), from, in.frames()) - inRmsDb;
            double expectedDb = 3 - curve.reductionDb(inRmsDb);
            worst = Math.max(worst, Math.abs(gainDb - expectedDb));
            assertEquals(expectedDb, gainDb, 0.1, "level " + levelDb);
        }
        System.out.printf("RMS static curve -60..0 dBFS: worst error %.4f dB%n", worst);
    }

    /** Reduction (dB, >= 0) per frame of a mono DC step through the compressor. */
    private static double[] reductionOfStep(Compressor c, float low, float high, int stepAt, int stepBackAt,
            int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = i >= stepAt && i < stepBackAt ? high : low;
        }
        AudioBuffer in = new AudioBuffer(new float[][] {x}, RATE, ChannelLayout.standard(1));
        AudioBuffer out = ProcessorContract.render(c, in, 4096);
        double[] r = new double[frames];
        for (int i = 0; i < frames; i++) {
            r[i] = -20 * Math.log10(out.channel(0)[i] / x[i]);
        }
        return r;
    }

    @Test
    void attackAndReleaseReachOneMinusOneOverEOfTheStepAfterTheirTimes() {
        double attackMs = 10, releaseMs = 100;
        Compressor c = Compressor.defaults().thresholdDb(-30).ratio(4).kneeDb(0).attackMs(attackMs)
                .releaseMs(releaseMs);
        int stepAt = 4_800, stepBackAt = 4_800 + 24_000;
        double[] r = reductionOfStep(c, 0.001f, 0.5f, stepAt, stepBackAt, stepBackAt + 24_000);
        double finalDb = 0.75 * (20 * Math.log10(0.5) + 30);
        assertEquals(finalDb, r[stepBackAt - 1], 1e-4);
        int attackFrames = 0;
        while (r[stepAt + attackFrames] < (1 - Math.exp(-1)) * finalDb) {
            attackFrames++;
        }
        int releaseFrames = 0;
        while (r[stepBackAt + releaseFrames] > Math.exp(-1) * finalDb) {
            releaseFrames++;
        }
        double measuredAttackMs = 1000.0 * attackFrames / RATE;
        double measuredReleaseMs = 1000.0 * releaseFrames / RATE;
        System.out.printf("step of %.2f dB reduction: attack %.3f ms (set %s), release %.3f ms (set %s)%n",
                finalDb, measuredAttackMs, attackMs, measuredReleaseMs, releaseMs);
        assertEquals(attackMs, measuredAttackMs, 0.1 * attackMs);
        assertEquals(releaseMs, measuredReleaseMs, 0.1 * releaseMs);
    }

    @Test
    void fullStereoLinkAppliesOneGainToBothChannels() {
        AudioBuffer loudLeft = Signals.sine(1, RATE, 0.5, 1_000, -3);
        AudioBuffer quietRight = Signals.noise(1, RATE, loudLeft.frames(), 0.01, 3);
        AudioBuffer in = new AudioBuffer(new float[][] {loudLeft.channel(0), quietRight.channel(0)}, RATE,
                ChannelLayout.standard(2));
        Compressor c = Compressor.defaults().thresholdDb(-20).ratio(4);
        AudioBuffer linked = ProcessorContract.render(c, in, 4096);
        AudioBuffer unlinked = ProcessorContract.render(c.stereoLinkPercent(0), in, 4096);
        int compared = 0;
        for (int i = 0; i < in.frames(); i++) {
            float l = in.channel(0)[i], r = in.channel(1)[i];
            if (Math.abs(l) > 1e-2 && Math.abs(r) > 1e-3) {
                double gl = linked.channel(0)[i] / (double) l;
                double gr = linked.channel(1)[i] / (double) r;
                assertEquals(gl, gr, 1e-6 * gl, "frame " + i);
                compared++;
            }
        }
        assertTrue(compared > 10_000);
        int last = in.frames();
        double rightLinkedDb = ToneProbe.rmsDb(linked.channel(1), last - 4_800, last)
                - ToneProbe.rmsDb(in.channel(1), last - 4_800, last);
        double rightUnlinkedDb = ToneProbe.rmsDb(unlinked.channel(1), last - 4_800, last)
                - ToneProbe.rmsDb(in.channel(1), last - 4_800, last);
        System.out.printf("quiet right channel: %.2f dB linked, %.4f dB unlinked%n", rightLinkedDb,
                rightUnlinkedDb);
        assertTrue(rightLinkedDb < -6, "linked right channel follows the loud left: " + rightLinkedDb);
        assertEquals(0, rightUnlinkedDb, 1e-6);
    }

    @Test
    void sidechainHighPassKeepsLowsFromDrivingTheDetector() {
        Compressor c = Compressor.defaults().thresholdDb(-20).ratio(4).kneeDb(0).attackMs(0).releaseMs(1_000);
        AudioBuffer in = Signals.sine(1, RATE, 1.0, 30, -6);
        int from = in.frames() - 9_600;
        double inDb = ToneProbe.peakDb(in.channel(0), from, in.frames());
        double[] cornersHz = {0, 60, 150};
        double[] reductionDb = new double[3];
        for (int k = 0; k < 3; k++) {
            AudioBuffer out = ProcessorContract.render(c.sidechainHighPassHz(cornersHz[k]), in, 4096);
            reductionDb[k] = inDb - ToneProbe.peakDb(out.channel(0), from, in.frames());
            // The detector sees the tone through the Butterworth HP: |H| = (f/fc)^2 / sqrt(1 + (f/fc)^4).
            double u = cornersHz[k] == 0 ? Double.POSITIVE_INFINITY : 30 / cornersHz[k];
            double hpDb = cornersHz[k] == 0 ? 0 : 20 * Math.log10(u * u / Math.sqrt(1 + u * u * u * u));
            double expected = Math.max(0, 0.75 * (inDb + hpDb + 20));
            assertEquals(expected, reductionDb[k], 0.1, "sidechain HP " + cornersHz[k] + " Hz");
        }
        System.out.printf("30 Hz at -6 dBFS, threshold -20: reduction %.2f dB (no HP), %.2f dB (HP 60 Hz), "
                + "%.3f dB (HP 150 Hz)%n", reductionDb[0], reductionDb[1], reductionDb[2]);
        assertTrue(reductionDb[2] < 0.01);
    }

    @Test
    void traceRecordsReductionAlignedWithTheOutput() {
        AudioBuffer in = Signals.concat(Signals.silence(1, RATE, 1.0), Signals.sine(1, RATE, 1.0, 1_000, -6));
        Compressor c = Compressor.defaults().thresholdDb(-20).ratio(4).kneeDb(0).attackMs(0).releaseMs(1_000);
        for (double lookaheadMs : new double[] {0, 10}) {
            Processor p = c.lookaheadMs(lookaheadMs).newProcessor();
            GainReductionTrace trace = GainReductionTrace.forFrames(RATE, in.frames(), 10);
            ((GainReductionSource) p).traceInto(trace);
            new Renderer(1_000).apply(p, in.copy());
            assertEquals(200, trace.hops());
            assertEquals(0, trace.droppedFrames());
            int firstActive = 0;
            while (trace.gainDb(firstActive) == 0) {
                firstActive++;
            }
            // The burst starts at hop 100; 10 ms of lookahead starts the reduction one hop earlier.
            assertEquals(lookaheadMs == 0 ? 100 : 99, firstActive, "lookahead " + lookaheadMs);
            assertEquals(-0.75 * 14, trace.gainDb(150), 0.01);
        }
    }

    @Test
    void validationMessages() {
        Compressor d = Compressor.defaults();
        assertEquals("ratio must be >= 1, got 0.5",
                assertThrows(IllegalArgumentException.class, () -> d.ratio(0.5)).getMessage());
        assertEquals("kneeDb must be in [0, 48], got -1",
                assertThrows(IllegalArgumentException.class, () -> d.kneeDb(-1)).getMessage());
        assertEquals("attackMs must be in [0, 1000], got NaN",
                assertThrows(IllegalArgumentException.class, () -> d.attackMs(Double.NaN)).getMessage());
        assertEquals("lookaheadMs must be in [0, 500], got 600",
                assertThrows(IllegalArgumentException.class, () -> d.lookaheadMs(600)).getMessage());
        assertEquals("stereoLinkPercent must be in [0, 100], got 101",
                assertThrows(IllegalArgumentException.class, () -> d.stereoLinkPercent(101)).getMessage());
        assertEquals("mixPercent must be in [0, 100], got -5",
                assertThrows(IllegalArgumentException.class, () -> d.mixPercent(-5)).getMessage());
        assertEquals("thresholdDb must be in [-120, 24], got Infinity",
                assertThrows(IllegalArgumentException.class, () -> d.thresholdDb(Double.POSITIVE_INFINITY))
                        .getMessage());
        assertEquals("detection must not be null",
                assertThrows(IllegalArgumentException.class, () -> d.detection(null)).getMessage());
        Processor p = d.sidechainHighPassHz(30_000).newProcessor();
        assertEquals("sidechainHighPassHz must be below Nyquist (24000.0 Hz), got 30000.0", assertThrows(
                IllegalArgumentException.class, () -> p.prepare(new ProcessSpec(RATE, 2, 64))).getMessage());
    }

    @Test
    void defaultsAndWithers() {
        Compressor c = Compressor.defaults();
        assertEquals(new Compressor(-18, 2, 6, 10, 150, 0, Compressor.Detection.PEAK, 100, 0, 0, 100), c);
        Compressor glue = c.thresholdDb(-18).ratio(1.5).attackMs(30).releaseMs(200);
        assertEquals("Compressor[thresholdDb=-18.0, ratio=1.5, kneeDb=6.0, attackMs=30.0, releaseMs=200.0, "
                + "lookaheadMs=0.0, detection=PEAK, stereoLinkPercent=100.0, sidechainHighPassHz=0.0, makeupDb=0.0, "
                + "mixPercent=100.0]", glue.toString());
    }
}
