package org.freshears.demo;

import org.freshears.dsp.Biquad;

/**
 * A synth bass: a band-limited saw for bite plus a sine at the same pitch for weight, through a
 * resonant low-pass whose cutoff follows the note (about the 6th harmonic), with a plucky envelope.
 */
final class Bass implements MonoInstrument {
    private final double sampleRate;
    private final NoteEnvelope envelope;
    private final Biquad lowPass;
    private double phase;
    private double step;
    private double velocity;

    Bass(double sampleRate) {
        this.sampleRate = sampleRate;
        this.envelope = new NoteEnvelope(sampleRate, 0.004, 0.25, 0.55, 0.03);
        this.lowPass = new Biquad(Filters.lowPass(sampleRate, 400, 1.2));
    }

    @Override
    public void trigger(NoteEvent note) {
        double freqHz = Pitch.hz(note.midiNote());
        step = freqHz / sampleRate;
        velocity = note.velocity();
        // Keeping the filter state avoids a click; only the cutoff moves with the note.
        lowPass.setCoefficients(Filters.lowPass(sampleRate, 6 * freqHz, 1.2));
        envelope.start(note.lengthFrames());
    }

    @Override
    public void render(double[] out, int frames) {
        for (int i = 0; i < frames && envelope.active(); i++) {
            phase = Oscillators.advance(phase, step);
            double tone = 0.6 * Oscillators.saw(phase, step) + 0.7 * Oscillators.sine(phase);
            out[i] += velocity * envelope.next() * lowPass.process(tone);
        }
    }
}
