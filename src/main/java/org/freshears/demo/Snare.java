package org.freshears.demo;

import org.freshears.audio.SplitMix64;
import org.freshears.dsp.Biquad;
import org.freshears.dsp.FilterDesign;

/**
 * A snare: a short two-mode drum-head body (180 and 330 Hz, near the first modes of a 14" snare head)
 * plus the rattle of the snares as high-passed noise that rings a little longer than the body. An
 * accented hit is a rimshot: the stick strikes head and rim together and adds a short, bright crack
 * (a 4 ms damped 1.9 kHz tone here) whose sharp peak is what makes rimshots jump out on a peak meter.
 */
final class Snare implements MonoInstrument {
    /** The crack's level against the body: set so accents stand 3 dB or more above every backbeat. */
    private static final double RIMSHOT_CRACK = 1.0;
    private final double step180;
    private final double step330;
    private final double stepCrack;
    private final double crackDecay;
    private final double bodyDecay;
    private final double noiseDecay;
    private final Biquad rattleFilter;
    private final SplitMix64 noise;
    private double phaseLow;
    private double phaseHigh;
    private double phaseCrack;
    private double crack;
    private double body;
    private double rattle;

    Snare(double sampleRate, long seed) {
        this.step180 = 180 / sampleRate;
        this.step330 = 330 / sampleRate;
        this.stepCrack = 1_900 / sampleRate;
        this.crackDecay = NoteEnvelope.decayPerSample(sampleRate, 0.004);
        this.bodyDecay = NoteEnvelope.decayPerSample(sampleRate, 0.05);
        this.noiseDecay = NoteEnvelope.decayPerSample(sampleRate, 0.12);
        this.rattleFilter = new Biquad(FilterDesign.highPass(1_500, 0.7, sampleRate));
        this.noise = new SplitMix64(seed);
    }

    @Override
    public void trigger(NoteEvent note) {
        phaseLow = 0;
        phaseHigh = 0;
        phaseCrack = 0;
        crack = note.accent() ? RIMSHOT_CRACK * note.velocity() : 0;
        body = note.velocity();
        rattle = note.velocity();
    }

    @Override
    public void render(double[] out, int frames) {
        // The rattle starts as loud as the body and decays more slowly, so it decides when the hit is over.
        for (int i = 0; i < frames && rattle >= NoteEnvelope.SILENT; i++) {
            phaseLow = Oscillators.advance(phaseLow, step180);
            phaseHigh = Oscillators.advance(phaseHigh, step330);
            phaseCrack = Oscillators.advance(phaseCrack, stepCrack);
            double head = 0.6 * Oscillators.sine(phaseLow) + 0.4 * Oscillators.sine(phaseHigh)
                    + crack * Oscillators.sine(phaseCrack);
            crack *= crackDecay;
            out[i] += 0.6 * body * head + 0.8 * rattle * rattleFilter.process(Oscillators.noise(noise));
            body *= bodyDecay;
            rattle *= noiseDecay;
        }
    }
}
