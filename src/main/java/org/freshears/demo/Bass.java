package org.freshears.demo;

import org.freshears.dsp.Biquad;
import org.freshears.dsp.FilterDesign;

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
        this.lowPass = new Biquad(FilterDesign.lowPass(400, 1.2, sampleRate));
    }

    @Override
    public void trigger(NoteEvent note) {
        double freqHz = Pitch.hz(note.midiNote());
        step = freqHz / sampleRate;
        velocity = note.velocity();
        // Keeping the filter state avoids a click; only the cutoff moves with the note.
        lowPass.setCoefficients(FilterDesign.lowPass(belowNyquist(6 * freqHz), 1.2, sampleRate));
        envelope.start(note.lengthFrames());
    }

    /**
     * A cutoff kept below Nyquist: tracking the note can ask for more than a low sample rate allows, and
     * the bilinear designs break down at Nyquist. (The demo's fixed filter frequencies, 7 kHz at most,
     * are always below 0.45 fs, as the demo renders at 22.05 kHz or more.)
     */
    private double belowNyquist(double freqHz) {
        return Math.min(freqHz, 0.45 * sampleRate);
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
