package org.freshears.chain;

/**
 * A dynamic bell (settings): a peaking filter at {@code freqHz} whose gain moves between 0 dB and
 * {@code rangeDb} depending on how loud that band is. The detector is the signal band-passed at the
 * bell's frequency and Q (cookbook BPF, 0 dB at the centre), measured as RMS with the compressor's
 * {@link Compressor#RMS_WINDOW_MS} one-pole mean square (a steady sine reads 3.01 dB below its peak;
 * RMS rather than sample peak so a steady tone gives a steady gain instead of one that sags between
 * the waveform's peaks), the loudest channel for all channels (one gain keeps the stereo image). Above {@code thresholdDb} the band's overshoot is
 * turned into gain by the same soft-knee curve as the {@link Compressor} ({@code (1 - 1/ratio)} dB per
 * dB of overshoot), capped at {@code |rangeDb|}, smoothed by the same branching attack/release, and
 * applied as a cut ({@code rangeDb < 0}, de-essing/de-mudding) or a lift ({@code rangeDb > 0}).
 *
 * <p>How the gain is applied: the cookbook peaking coefficients are recomputed every
 * {@link #CONTROL_FRAMES} frames of the stream (counted from reset, not per process call, so blocks
 * never change the result) from the smoothed gain. A true bell keeps the cut and lift shapes
 * symmetric (a parallel band-pass formulation narrows the cuts), and since the smoothed gain moves by
 * tiny steps per control block, the transposed direct-form state carries over without clicks.
 *
 * @param freqHz      bell centre, > 0 (below Nyquist, checked at prepare)
 * @param q           bell and detector Q, > 0
 * @param thresholdDb detector level (dBFS RMS of the band) where the knee is centred
 * @param rangeDb     the most the bell may move, -40..40 dB: negative cuts, positive lifts, 0 = off
 * @param ratio       >= 1: how hard the overshoot drives the gain towards {@code rangeDb}
 * @param kneeDb      soft knee width, >= 0
 * @param attackMs    time for the gain to move 1 - 1/e of the way into a step, >= 0
 * @param releaseMs   time to move back 1 - 1/e of the way, >= 0
 * @param lookaheadMs delay of the audio against the detector, 0..500; reported as latency
 */
public record DynamicEq(double freqHz, double q, double thresholdDb, double rangeDb, double ratio, double kneeDb,
        double attackMs, double releaseMs, double lookaheadMs) implements Step {

    /** Control block: 32 frames (0.67 ms at 48 kHz), far below any attack worth setting. */
    public static final int CONTROL_FRAMES = 32;
    public static final double MAX_RANGE_DB = 40;

    public DynamicEq {
        if (!(freqHz > 0) || Double.isInfinite(freqHz)) {
            throw new IllegalArgumentException("freqHz must be > 0, got " + freqHz);
        }
        UnitMistakes.hzNotKhz("freqHz", freqHz);
        StepArguments.q("q", q);
        StepArguments.inRange("thresholdDb", thresholdDb, StepArguments.MIN_THRESHOLD_DB,
                StepArguments.MAX_THRESHOLD_DB);
        if (!(Math.abs(rangeDb) <= MAX_RANGE_DB)) {
            throw new IllegalArgumentException("rangeDb must be in [-" + MAX_RANGE_DB + ", " + MAX_RANGE_DB
                    + "], got " + rangeDb);
        }
        StepArguments.ratio(ratio);
        StepArguments.inRange("kneeDb", kneeDb, 0, StepArguments.MAX_KNEE_DB);
        StepArguments.inRange("attackMs", attackMs, 0, StepArguments.MAX_ATTACK_MS);
        StepArguments.inRange("releaseMs", releaseMs, 0, StepArguments.MAX_RELEASE_MS);
        UnitMistakes.msNotSeconds("releaseMs", releaseMs);
        StepArguments.nonNegative("lookaheadMs", lookaheadMs);
        if (lookaheadMs > Compressor.MAX_LOOKAHEAD_MS) {
            throw new IllegalArgumentException("lookaheadMs must be <= " + Compressor.MAX_LOOKAHEAD_MS + ", got "
                    + lookaheadMs);
        }
    }

    /**
     * A dynamic bell with defaults: q 1, threshold -24 dB, ratio 4, knee 6 dB, attack 5 ms, release
     * 100 ms, no lookahead.
     */
    public static DynamicEq of(double freqHz, double rangeDb) {
        return new DynamicEq(freqHz, 1, -24, rangeDb, 4, 6, 5, 100, 0);
    }

    public DynamicEq freqHz(double v) {
        return new DynamicEq(v, q, thresholdDb, rangeDb, ratio, kneeDb, attackMs, releaseMs, lookaheadMs);
    }

    public DynamicEq q(double v) {
        return new DynamicEq(freqHz, v, thresholdDb, rangeDb, ratio, kneeDb, attackMs, releaseMs, lookaheadMs);
    }

    public DynamicEq thresholdDb(double v) {
        return new DynamicEq(freqHz, q, v, rangeDb, ratio, kneeDb, attackMs, releaseMs, lookaheadMs);
    }

    public DynamicEq rangeDb(double v) {
        return new DynamicEq(freqHz, q, thresholdDb, v, ratio, kneeDb, attackMs, releaseMs, lookaheadMs);
    }

    public DynamicEq ratio(double v) {
        return new DynamicEq(freqHz, q, thresholdDb, rangeDb, v, kneeDb, attackMs, releaseMs, lookaheadMs);
    }

    public DynamicEq kneeDb(double v) {
        return new DynamicEq(freqHz, q, thresholdDb, rangeDb, ratio, v, attackMs, releaseMs, lookaheadMs);
    }

    public DynamicEq attackMs(double v) {
        return new DynamicEq(freqHz, q, thresholdDb, rangeDb, ratio, kneeDb, v, releaseMs, lookaheadMs);
    }

    public DynamicEq releaseMs(double v) {
        return new DynamicEq(freqHz, q, thresholdDb, rangeDb, ratio, kneeDb, attackMs, v, lookaheadMs);
    }

    public DynamicEq lookaheadMs(double v) {
        return new DynamicEq(freqHz, q, thresholdDb, rangeDb, ratio, kneeDb, attackMs, releaseMs, v);
    }

    /** The lookahead in whole frames at a sample rate (rounded to nearest). */
    public int lookaheadFrames(int sampleRate) {
        return (int) Math.round(lookaheadMs * sampleRate / 1000.0);
    }

    @Override
    public Processor newProcessor() {
        return new DynamicEqProcessor(this);
    }
}
