package org.freshears.demo;

/**
 * A chord pad: each note is two band-limited saws detuned by +-7 cents, one leaning left and one
 * right. Their slow beating against each other is what makes the pad sound wide. Eight voices, the
 * oldest stolen when all sound, cover a triad plus the release tails of the previous chord.
 */
final class Pad {
    private static final int VOICES = 8;
    /** How much each saw leans to its side: 0.85 own side, 0.3 other side (a partial spread, not hard-panned). */
    private static final double NEAR = 0.85;
    private static final double FAR = 0.3;

    private final double sampleRate;
    private final double detuneUp;
    private final double detuneDown;
    private final NoteEnvelope[] envelopes = new NoteEnvelope[VOICES];
    private final double[] stepA = new double[VOICES];
    private final double[] stepB = new double[VOICES];
    private final double[] phaseA = new double[VOICES];
    private final double[] phaseB = new double[VOICES];
    private final double[] velocity = new double[VOICES];
    private final long[] startedAt = new long[VOICES];
    private long triggers;

    Pad(double sampleRate) {
        this.sampleRate = sampleRate;
        this.detuneUp = Pitch.centsRatio(7);
        this.detuneDown = Pitch.centsRatio(-7);
        for (int v = 0; v < VOICES; v++) {
            envelopes[v] = new NoteEnvelope(sampleRate, 0.03, 0.8, 0.7, 0.15);
        }
        // Start the two saws of each voice apart so the first chord is not a single phase-locked edge.
        for (int v = 0; v < VOICES; v++) {
            phaseB[v] = 0.37;
        }
    }

    void trigger(NoteEvent note) {
        int voice = freeVoice();
        double freqHz = Pitch.hz(note.midiNote());
        stepA[voice] = freqHz * detuneDown / sampleRate;
        stepB[voice] = freqHz * detuneUp / sampleRate;
        velocity[voice] = note.velocity();
        startedAt[voice] = ++triggers;
        envelopes[voice].start(note.lengthFrames());
    }

    private int freeVoice() {
        int oldest = 0;
        for (int v = 0; v < VOICES; v++) {
            if (!envelopes[v].active()) {
                return v;
            }
            if (startedAt[v] < startedAt[oldest]) {
                oldest = v;
            }
        }
        return oldest;
    }

    void render(double[] left, double[] right, int frames) {
        for (int v = 0; v < VOICES; v++) {
            NoteEnvelope env = envelopes[v];
            double a = phaseA[v];
            double b = phaseB[v];
            double sa = stepA[v];
            double sb = stepB[v];
            double vel = velocity[v];
            for (int i = 0; i < frames && env.active(); i++) {
                a = Oscillators.advance(a, sa);
                b = Oscillators.advance(b, sb);
                double gain = vel * env.next();
                double sawA = Oscillators.saw(a, sa);
                double sawB = Oscillators.saw(b, sb);
                left[i] += gain * (NEAR * sawA + FAR * sawB);
                right[i] += gain * (FAR * sawA + NEAR * sawB);
            }
            phaseA[v] = a;
            phaseB[v] = b;
        }
    }
}
