package org.freshears.demo;

/**
 * An ADSR amplitude envelope for a note: linear attack (a linear ramp keeps retriggers click-free
 * because it starts from the current level), exponential decay towards the sustain level while the
 * gate is open, exponential release after it closes. Exponential segments cost one multiply per
 * sample instead of a StrictMath.exp.
 */
final class NoteEnvelope {
    /**
     * 80 dB below an instrument's full level: every instrument sits at least 10 dB below full scale in
     * the mix, so a tail stopped here is under -90 dBFS, inaudible beneath the mix, and not rendering
     * inaudible tails is most of the speed budget.
     */
    static final double SILENT = 1e-4;

    private final double attackStep;
    private final double decayCoeff;
    private final double sustainLevel;
    private final double releaseCoeff;
    private double level;
    private int gateFrames;
    private boolean attacking;

    NoteEnvelope(double sampleRate, double attackSeconds, double decayTauSeconds, double sustainLevel,
            double releaseTauSeconds) {
        this.attackStep = 1 / Math.max(1, attackSeconds * sampleRate);
        this.decayCoeff = decayPerSample(sampleRate, decayTauSeconds);
        this.sustainLevel = sustainLevel;
        this.releaseCoeff = decayPerSample(sampleRate, releaseTauSeconds);
    }

    /** The per-sample multiplier of an exponential decay with time constant tauSeconds (to 1/e). */
    static double decayPerSample(double sampleRate, double tauSeconds) {
        return StrictMath.exp(-1 / (tauSeconds * sampleRate));
    }

    /** Opens the gate for lengthFrames, attacking from wherever the level is now. */
    void start(int lengthFrames) {
        gateFrames = lengthFrames;
        attacking = true;
    }

    double next() {
        if (gateFrames > 0) {
            gateFrames--;
            if (attacking) {
                level += attackStep;
                if (level >= 1) {
                    level = 1;
                    attacking = false;
                }
            } else {
                level = sustainLevel + (level - sustainLevel) * decayCoeff;
            }
        } else {
            level *= releaseCoeff;
        }
        return level;
    }

    boolean active() {
        return gateFrames > 0 || level > SILENT;
    }
}
