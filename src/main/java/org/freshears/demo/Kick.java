package org.freshears.demo;

import org.freshears.audio.SplitMix64;

/**
 * A kick drum the way analogue drum machines make one: a sine whose pitch falls quickly from about
 * 175 Hz to 45 Hz (the "thump"), an exponential amplitude decay, and a 2 ms noise click for the beater.
 */
final class Kick implements MonoInstrument {
    private static final double BASE_HZ = 45;
    private static final double SWEEP_HZ = 130;
    private final double secondsPerSample;
    private final double pitchDecay;
    private final double ampDecay;
    private final double clickDecay;
    private final SplitMix64 noise;
    private double phase;
    private double pitchEnv;
    private double amp;
    private double click;

    Kick(double sampleRate, long seed) {
        this.secondsPerSample = 1 / sampleRate;
        this.pitchDecay = NoteEnvelope.decayPerSample(sampleRate, 0.03);
        this.ampDecay = NoteEnvelope.decayPerSample(sampleRate, 0.2);
        this.clickDecay = NoteEnvelope.decayPerSample(sampleRate, 0.002);
        this.noise = new SplitMix64(seed);
    }

    @Override
    public void trigger(NoteEvent note) {
        // Restarting at phase 0 gives every hit the same attack shape, like a drum machine's reset.
        phase = 0;
        pitchEnv = 1;
        amp = note.velocity();
        click = 0.4 * note.velocity();
    }

    @Override
    public void render(double[] out, int frames) {
        for (int i = 0; i < frames && amp >= NoteEnvelope.SILENT; i++) {
            double freqHz = BASE_HZ + SWEEP_HZ * pitchEnv;
            pitchEnv *= pitchDecay;
            phase = Oscillators.advance(phase, freqHz * secondsPerSample);
            out[i] += amp * Oscillators.sine(phase) + click * Oscillators.noise(noise);
            amp *= ampDecay;
            click *= clickDecay;
        }
    }
}
