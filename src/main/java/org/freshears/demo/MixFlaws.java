package org.freshears.demo;

/**
 * The equaliser mistakes planted in the mix, as data, so a test can render the same song without
 * them and see exactly what they add: a bell on bass and chords in the low mids, and a bell on the
 * crash and ride (which play in choruses only) at the top of the presence range.
 */
record MixFlaws(double mudFreqHz, double mudQ, double mudGainDb, double harshFreqHz, double harshQ,
        double harshGainDb) {

    /**
     * The demo's flaws. 270 Hz with Q 1.4 spans about one octave between its half-gain points (about
     * 190-380 Hz), i.e. the 180-400 Hz "mud" region engineers name; 7 kHz with Q 1 covers the 5-9 kHz
     * region where cymbals turn harsh. +10 and +15 dB are gross, as a home mix's mistakes can be.
     */
    static final MixFlaws PLANTED = new MixFlaws(270, 1.4, 10, 7_000, 1.0, 15);

    /** The same song mixed flat: the reference the planted flaws are measured against. */
    static final MixFlaws NONE = new MixFlaws(270, 1.4, 0, 7_000, 1.0, 0);
}
