package org.freshears.chain;

/**
 * A feed-forward downward compressor (settings). Log-domain design after Giannoulis, Massberg and
 * Reiss, "Digital Dynamic Range Compressor Design — A Tutorial and Analysis", JAES 60(6), 2012: level
 * detection, the soft-knee static curve ({@link org.freshears.dsp.GainComputer}), then the reduction
 * (dB) smoothed by their "smooth branching peak detector" placed after the gain computer in the log
 * domain ({@link org.freshears.dsp.Envelope}): the attack coefficient while the reduction grows, the
 * release coefficient while it shrinks, each {@code exp(-1 / (tau fs))}, so a step reaches 1 - 1/e of
 * its final dB value after exactly {@code attackMs} (or {@code releaseMs}). The branching variant was
 * chosen over the decoupled one because its release is not slowed by the attack stage, so both times
 * mean what they say.
 *
 * @param thresholdDb          level (dBFS of the detector) where the knee is centred
 * @param ratio                input dB over threshold per output dB over threshold, >= 1 (1 = no compression)
 * @param kneeDb               width of the quadratic soft knee, >= 0 (0 = hard knee)
 * @param attackMs             time for the reduction to grow to 1 - 1/e of a step, >= 0 (0 = instant)
 * @param releaseMs            time for the reduction to fall by 1 - 1/e, >= 0
 * @param lookaheadMs          delay of the audio against the detector, >= 0, <= 500; reported as latency.
 *                             A plain delay, not a peak hold: the smoother starts moving that much
 *                             before an onset reaches the output (a burst is caught by ~lookahead/attack
 *                             time constants), but a lone one-sample click is not held down
 * @param detection            PEAK: |x| per sample; RMS: mean square over {@link #RMS_WINDOW_MS}
 * @param stereoLinkPercent    0..100: share of the loudest channel's level in each channel's detector
 *                             (blended linearly: amplitude for PEAK, mean square for RMS);
 *                             100 = one detector (the loudest channel) and one gain for all channels
 * @param sidechainHighPassHz  0 = off, else the corner of a 2nd-order Butterworth high-pass in the
 *                             detector path only (so bass does not pump the whole mix)
 * @param makeupDb             gain added to the compressed (wet) signal
 * @param mixPercent           0..100: wet share; the dry part is delayed by the lookahead too
 */
public record Compressor(double thresholdDb, double ratio, double kneeDb, double attackMs, double releaseMs,
        double lookaheadMs, Detection detection, double stereoLinkPercent, double sidechainHighPassHz,
        double makeupDb, double mixPercent) implements Step {

    /**
     * Time constant of the RMS detector's one-pole mean-square average (the "RMS detector" of
     * Giannoulis et al., section 3.1, {@code y^2[n] = a y^2[n-1] + (1 - a) x^2[n]}). 5 ms: long enough
     * that a steady 1 kHz sine reads within +-0.07 dB (the 2 kHz ripple of x^2 is attenuated ~36 dB),
     * short enough to follow transients; longer averaging is the attack/release's job.
     */
    public static final double RMS_WINDOW_MS = 5;
    /** Upper bound of the lookahead, so a typo cannot allocate minutes of delay line. */
    public static final double MAX_LOOKAHEAD_MS = 500;

    /** How the detector measures level. */
    public enum Detection {
        /** Sample peak |x|, in dB (20 log10). A steady sine is measured at its peak level. */
        PEAK,
        /** Root mean square over {@link #RMS_WINDOW_MS}, in dB (10 log10 of the mean square); a
         *  steady sine reads 3.01 dB below its peak. */
        RMS
    }

    public Compressor {
        StepArguments.notNull("detection", detection);
        StepArguments.inRange("thresholdDb", thresholdDb, StepArguments.MIN_THRESHOLD_DB,
                StepArguments.MAX_THRESHOLD_DB);
        StepArguments.ratio(ratio);
        StepArguments.inRange("kneeDb", kneeDb, 0, StepArguments.MAX_KNEE_DB);
        StepArguments.inRange("attackMs", attackMs, 0, StepArguments.MAX_ATTACK_MS);
        StepArguments.inRange("releaseMs", releaseMs, 0, StepArguments.MAX_RELEASE_MS);
        UnitMistakes.msNotSeconds("releaseMs", releaseMs);
        StepArguments.inRange("lookaheadMs", lookaheadMs, 0, MAX_LOOKAHEAD_MS);
        StepArguments.percent("stereoLinkPercent", stereoLinkPercent);
        StepArguments.nonNegative("sidechainHighPassHz", sidechainHighPassHz);
        StepArguments.gainDb("makeupDb", makeupDb, StepArguments.MAX_MAKEUP_DB);
        StepArguments.percent("mixPercent", mixPercent);
        UnitMistakes.percentNotRatio("stereoLinkPercent", stereoLinkPercent, 1);
        UnitMistakes.percentNotRatio("mixPercent", mixPercent, 1);
    }

    /** Whether it leaves the signal as it is: ratio 1 without makeup gain, or a fully dry mix. */
    public boolean changesNothing() {
        return (ratio == 1 && makeupDb == 0) || mixPercent == 0;
    }

    /**
     * Gentle mix-bus defaults: threshold -18 dB, ratio 2, knee 6 dB, attack 10 ms, release 150 ms, no
     * lookahead, PEAK detection, stereo link 100 %, no sidechain high-pass, makeup 0 dB, mix 100 %.
     */
    public static Compressor defaults() {
        return new Compressor(-18, 2, 6, 10, 150, 0, Detection.PEAK, 100, 0, 0, 100);
    }

    public Compressor thresholdDb(double v) {
        return new Compressor(v, ratio, kneeDb, attackMs, releaseMs, lookaheadMs, detection, stereoLinkPercent,
                sidechainHighPassHz, makeupDb, mixPercent);
    }

    public Compressor ratio(double v) {
        return new Compressor(thresholdDb, v, kneeDb, attackMs, releaseMs, lookaheadMs, detection, stereoLinkPercent,
                sidechainHighPassHz, makeupDb, mixPercent);
    }

    public Compressor kneeDb(double v) {
        return new Compressor(thresholdDb, ratio, v, attackMs, releaseMs, lookaheadMs, detection, stereoLinkPercent,
                sidechainHighPassHz, makeupDb, mixPercent);
    }

    public Compressor attackMs(double v) {
        return new Compressor(thresholdDb, ratio, kneeDb, v, releaseMs, lookaheadMs, detection, stereoLinkPercent,
                sidechainHighPassHz, makeupDb, mixPercent);
    }

    public Compressor releaseMs(double v) {
        return new Compressor(thresholdDb, ratio, kneeDb, attackMs, v, lookaheadMs, detection, stereoLinkPercent,
                sidechainHighPassHz, makeupDb, mixPercent);
    }

    public Compressor lookaheadMs(double v) {
        return new Compressor(thresholdDb, ratio, kneeDb, attackMs, releaseMs, v, detection, stereoLinkPercent,
                sidechainHighPassHz, makeupDb, mixPercent);
    }

    public Compressor detection(Detection v) {
        return new Compressor(thresholdDb, ratio, kneeDb, attackMs, releaseMs, lookaheadMs, v, stereoLinkPercent,
                sidechainHighPassHz, makeupDb, mixPercent);
    }

    /** Shorthand for {@code detection(Detection.RMS)}. */
    public Compressor rms() {
        return detection(Detection.RMS);
    }

    /** Shorthand for {@code detection(Detection.PEAK)}. */
    public Compressor peak() {
        return detection(Detection.PEAK);
    }

    public Compressor stereoLinkPercent(double v) {
        return new Compressor(thresholdDb, ratio, kneeDb, attackMs, releaseMs, lookaheadMs, detection, v,
                sidechainHighPassHz, makeupDb, mixPercent);
    }

    public Compressor sidechainHighPassHz(double v) {
        return new Compressor(thresholdDb, ratio, kneeDb, attackMs, releaseMs, lookaheadMs, detection,
                stereoLinkPercent, v, makeupDb, mixPercent);
    }

    public Compressor makeupDb(double v) {
        return new Compressor(thresholdDb, ratio, kneeDb, attackMs, releaseMs, lookaheadMs, detection,
                stereoLinkPercent, sidechainHighPassHz, v, mixPercent);
    }

    public Compressor mixPercent(double v) {
        return new Compressor(thresholdDb, ratio, kneeDb, attackMs, releaseMs, lookaheadMs, detection,
                stereoLinkPercent, sidechainHighPassHz, makeupDb, v);
    }

    /** The lookahead in whole frames at a sample rate (rounded to nearest). */
    public int lookaheadFrames(int sampleRate) {
        return (int) Math.round(lookaheadMs * sampleRate / 1000.0);
    }

    @Override
    public Processor newProcessor() {
        return new CompressorProcessor(this);
    }
}
