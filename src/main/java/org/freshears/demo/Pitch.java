package org.freshears.demo;

/** Equal-tempered pitch: MIDI note numbers to hertz, A4 (note 69) = 440 Hz (ISO 16:1975). */
final class Pitch {
    private static final double[] HZ = new double[128];

    static {
        for (int note = 0; note < HZ.length; note++) {
            HZ[note] = 440 * StrictMath.pow(2, (note - 69) / 12.0);
        }
    }

    private Pitch() {
    }

    static double hz(int midiNote) {
        return HZ[midiNote];
    }

    /** The frequency ratio of a detune in cents (1200 cents to the octave). */
    static double centsRatio(double cents) {
        return StrictMath.pow(2, cents / 1200);
    }
}
