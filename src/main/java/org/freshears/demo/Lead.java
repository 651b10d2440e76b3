package org.freshears.demo;

/**
 * A monophonic lead: mostly sine with a little triangle for presence, a short glide between notes, and
 * a 5.5 Hz vibrato (a typical singer's rate) of about +-10 cents that fades in over 300 ms, as a
 * player lets a held note bloom.
 */
final class Lead implements MonoInstrument {
    private static final double VIBRATO_HZ = 5.5;
    /** +-10 cents is a frequency deviation of 2^(10/1200) - 1 = 0.58 %. */
    private static final double VIBRATO_DEPTH = 0.0058;
    private final double sampleRate;
    private final double glideCoeff;
    private final double vibratoStep;
    private final int vibratoRampFrames;
    private final NoteEnvelope envelope;
    private double targetHz;
    private double currentHz;
    private double phase;
    private double vibratoPhase;
    private int framesSinceTrigger;
    private double velocity;

    Lead(double sampleRate) {
        this.sampleRate = sampleRate;
        this.glideCoeff = NoteEnvelope.decayPerSample(sampleRate, 0.015);
        this.vibratoStep = VIBRATO_HZ / sampleRate;
        this.vibratoRampFrames = (int) Math.round(0.3 * sampleRate);
        this.envelope = new NoteEnvelope(sampleRate, 0.008, 0.3, 0.8, 0.08);
    }

    @Override
    public void trigger(NoteEvent note) {
        targetHz = Pitch.hz(note.midiNote());
        if (!envelope.active()) {
            currentHz = targetHz;
        }
        velocity = note.velocity();
        framesSinceTrigger = 0;
        envelope.start(note.lengthFrames());
    }

    @Override
    public void render(double[] out, int frames) {
        for (int i = 0; i < frames && envelope.active(); i++) {
            currentHz = targetHz + (currentHz - targetHz) * glideCoeff;
            double ramp = framesSinceTrigger >= vibratoRampFrames ? 1 : framesSinceTrigger / (double) vibratoRampFrames;
            framesSinceTrigger++;
            vibratoPhase = Oscillators.advance(vibratoPhase, vibratoStep);
            double freqHz = currentHz * (1 + ramp * VIBRATO_DEPTH * Oscillators.sine(vibratoPhase));
            phase = Oscillators.advance(phase, freqHz / sampleRate);
            double tone = 0.75 * Oscillators.sine(phase) + 0.25 * Oscillators.triangle(phase);
            out[i] += velocity * envelope.next() * tone;
        }
    }
}
