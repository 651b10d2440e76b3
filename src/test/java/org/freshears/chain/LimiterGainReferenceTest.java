package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.AudioBuffer;
import org.freshears.dsp.Envelope;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/**
 * The limiter's gain (steps 2 to 5 of {@link LimiterProcessor}) against a plain reading of its definition, frame by
 * frame, from the peaks it detects: h the minimum of r over the whole hold window, the two moving averages summed
 * afresh over their windows. The processor skips the work of calm stretches (nothing limited for longer than the
 * hold and both averages reach) and must give the same bits there, and right after them, however long the calm.
 */
class LimiterGainReferenceTest {
    private static final double FIXED_ONE = 0x1.0p28;

    /** Loud bursts with calm gaps around the hold and averaging lengths (256 and 241 frames at 48 kHz, 5 ms lookahead). */
    private static AudioBuffer bursts() {
        int rate = 48_000;
        int[] gaps = {1, 200, 240, 241, 242, 255, 256, 257, 258, 300, 497, 498, 512, 2_000, 20};
        int frames = 0;
        for (int gap : gaps) {
            frames += 400 + gap;
        }
        float[][] x = new float[2][frames];
        int at = 0;
        for (int k = 0; k < gaps.length; k++) {
            for (int i = 0; i < 400; i++, at++) {
                double level = 0.3 + 0.1 * (k % 4); // over and under the threshold at the gains tried
                x[0][at] = (float) (level * StrictMath.sin(2 * StrictMath.PI * 997 * at / rate));
                x[1][at] = (float) (level * 0.7 * StrictMath.sin(2 * StrictMath.PI * 3_001 * at / rate));
            }
            for (int i = 0; i < gaps[k]; i++, at++) {
                x[0][at] = (float) (0.01 * StrictMath.sin(2 * StrictMath.PI * 440 * at / rate));
            }
        }
        return new AudioBuffer(x, rate, org.freshears.audio.ChannelLayout.standard(2));
    }

    @Test
    void theGainIsItsDefinitionsThroughCalmStretchesOfEveryLength() {
        AudioBuffer song = org.freshears.demo.DemoMix.generate(new org.freshears.demo.DemoMixSpec(48_000, 2.0, 5));
        for (AudioBuffer input : new AudioBuffer[] {bursts(), song, Signals.silence(2, 48_000, 0.1)}) {
            for (double gainDb : new double[] {0, 6, 12}) {
                Limiter limiter = new Limiter().ceilingDbtp(-1).inputGainDb(gainDb);
                GainReductionTrace expectedTrace = new GainReductionTrace(1, input.frames());
                AudioBuffer expected = reference(limiter, input, expectedTrace);
                AudioBuffer actual = input.copy();
                Processor processor = limiter.newProcessor();
                // One hop a frame: the reduction of every frame, to the bit (the audio rounds to float).
                GainReductionTrace trace = new GainReductionTrace(1, input.frames());
                ((GainReductionSource) processor).traceInto(trace);
                new Renderer().apply(processor, actual);
                ProcessorContract.assertSameBits(expected, actual, input + " at " + gainDb + " dB");
                assertArrayEquals(expectedTrace.toArray(), trace.toArray(), input + " at " + gainDb + " dB");
            }
        }
        // The bursts are limited at 12 dB (else the comparison would be of plain gains): 0.6 x 4 would be 2.4.
        AudioBuffer limited = bursts();
        new Renderer().apply(new Limiter().ceilingDbtp(-1).inputGainDb(12).newProcessor(), limited);
        double largest = 0;
        for (float v : limited.channel(0)) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertTrue(largest < 0.9, "it limited: " + largest);
    }

    /** The latency-compensated output, frame by frame from the definition. */
    private static AudioBuffer reference(Limiter limiter, AudioBuffer input, GainReductionTrace trace) {
        PeakEnvelope envelope = PeakEnvelope.of(input, limiter);
        envelope.detectDownTo(0); // every peak, exactly
        double[] peaks = envelope.peaks();
        int total = envelope.frames();
        int latency = total - input.frames();
        int ramp = LimiterProcessor.rampFrames(limiter, input.sampleRate());
        int ramp1 = (ramp + 1) / 2;
        int ramp2 = ramp + 1 - ramp1;
        int holdFrames = ramp + 2 * LimiterProcessor.GUARD_FRAMES;
        double threshold = LimiterProcessor.threshold(limiter.ceilingDbtp());
        double inputGain = StrictMath.pow(10, limiter.inputGainDb() / 20);
        double a = Envelope.coefficient(limiter.releaseMs(), input.sampleRate());
        double[] r = new double[total];
        for (int t = 0; t < total; t++) {
            double p = peaks[t] * inputGain;
            r[t] = p > threshold ? threshold / p : 1.0;
        }
        long[] q = new long[total];
        double env = 1.0;
        for (int t = 0; t < total; t++) {
            double h = 1.0;
            for (int k = Math.max(0, t - holdFrames + 1); k <= t; k++) {
                h = Math.min(h, r[k]);
            }
            if (h < env) {
                env = h;
            } else {
                env = h + a * (env - h);
                if (h - env < 1e-8) {
                    env = h;
                }
            }
            q[t] = (long) (env * FIXED_ONE);
        }
        long one = (long) FIXED_ONE;
        long[] sum1 = new long[total]; // over the first average's window, afresh (ones before the start)
        for (int t = 0; t < total; t++) {
            for (int k = 0; k < ramp1; k++) {
                sum1[t] += t - k >= 0 ? q[t - k] : one;
            }
        }
        float[][] out = new float[input.channels()][input.frames()];
        for (int m = 0; m < input.frames(); m++) {
            int t = m + latency;
            long sum2 = 0;
            for (int j = 0; j < ramp2; j++) {
                sum2 += t - j >= 0 ? sum1[t - j] : one * ramp1;
            }
            double reduction = sum2 / ((double) ramp1 * ramp2 * FIXED_ONE);
            trace.push(reduction == 1.0 ? 0.0 : org.freshears.dsp.Decibels.fromAmplitude(reduction));
            double gain = reduction * inputGain;
            for (int c = 0; c < out.length; c++) {
                out[c][m] = (float) (input.channel(c)[m] * gain);
            }
        }
        assertEquals(input.frames() + latency, total);
        return new AudioBuffer(out, input.sampleRate(), input.layout());
    }
}
