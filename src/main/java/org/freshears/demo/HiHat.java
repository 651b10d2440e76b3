package org.freshears.demo;

import org.freshears.audio.SplitMix64;
import org.freshears.dsp.Biquad;
import org.freshears.dsp.FilterDesign;

/**
 * Hi-hats: noise high-passed at 7 kHz (fourth order, so little reaches the cymbal band below), short
 * for a closed hat, longer for an open one. One voice, so a closed hat chokes an open one as on a kit.
 */
final class HiHat implements MonoInstrument {
    private final double closedDecay;
    private final double openDecay;
    private final Biquad highPassA;
    private final Biquad highPassB;
    private final SplitMix64 noise;
    private double decay;
    private double level;

    HiHat(double sampleRate, long seed) {
        this.closedDecay = NoteEnvelope.decayPerSample(sampleRate, 0.03);
        this.openDecay = NoteEnvelope.decayPerSample(sampleRate, 0.18);
        // Two Butterworth-Q sections: a 24 dB/octave slope.
        this.highPassA = new Biquad(FilterDesign.highPass(7_000, 0.7071, sampleRate));
        this.highPassB = new Biquad(FilterDesign.highPass(7_000, 0.7071, sampleRate));
        this.noise = new SplitMix64(seed);
    }

    @Override
    public void trigger(NoteEvent note) {
        decay = note.part() == Part.OPEN_HAT ? openDecay : closedDecay;
        level = note.velocity();
    }

    @Override
    public void render(double[] out, int frames) {
        for (int i = 0; i < frames && level >= NoteEnvelope.SILENT; i++) {
            out[i] += level * highPassB.process(highPassA.process(Oscillators.noise(noise)));
            level *= decay;
        }
    }
}
