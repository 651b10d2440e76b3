package org.freshears.chain;

/**
 * A stereo-linked brickwall true-peak limiter: the settings.
 *
 * @param ceilingDbtp  the most the output's true peak (BS.1770 style, oversampled reconstruction) may
 *                     reach, dBTP; in [-30, 0], default -1.0
 * @param releaseMs    time constant of the exponential gain recovery (to 1 - 1/e of the way), ms; in
 *                     [1, 5000], default 100
 * @param lookaheadMs  length of the attack ramp that brings the gain down before a peak arrives, ms; in
 *                     [0.5, 20], default 5. The latency is this plus the detector's and a small guard
 *                     (see {@link LimiterProcessor})
 * @param oversampling factor of the true-peak detector: 4 or 8, default 4 (BS.1770-4 Annex 2 asks for
 *                     at least 4x below 96 kHz)
 * @param inputGainDb  gain applied before limiting, dB; in [-40, 40], default 0. The loudness-target
 *                     search sets it (drive into the limiter)
 */
public record Limiter(double ceilingDbtp, double releaseMs, double lookaheadMs, int oversampling, double inputGainDb)
        implements Step {

    public static final double DEFAULT_CEILING_DBTP = -1.0;
    public static final double DEFAULT_RELEASE_MS = 100;
    public static final double DEFAULT_LOOKAHEAD_MS = 5;
    public static final int DEFAULT_OVERSAMPLING = 4;

    public Limiter {
        StepArguments.inRange("ceilingDbtp", ceilingDbtp, -30, 0);
        UnitMistakes.msNotSeconds("releaseMs", releaseMs);
        StepArguments.inRange("releaseMs", releaseMs, 1, 5000);
        StepArguments.inRange("lookaheadMs", lookaheadMs, 0.5, 20);
        if (oversampling != 4 && oversampling != 8) {
            throw new IllegalArgumentException("oversampling must be 4 or 8 (true-peak detection), got "
                    + oversampling);
        }
        StepArguments.inRange("inputGainDb", inputGainDb, -40, 40);
    }

    /** The defaults: ceiling -1 dBTP, release 100 ms, lookahead 5 ms, 4x detection, no input gain. */
    public Limiter() {
        this(DEFAULT_CEILING_DBTP, DEFAULT_RELEASE_MS, DEFAULT_LOOKAHEAD_MS, DEFAULT_OVERSAMPLING, 0);
    }

    public Limiter ceilingDbtp(double dbtp) {
        return new Limiter(dbtp, releaseMs, lookaheadMs, oversampling, inputGainDb);
    }

    public Limiter releaseMs(double ms) {
        return new Limiter(ceilingDbtp, ms, lookaheadMs, oversampling, inputGainDb);
    }

    public Limiter lookaheadMs(double ms) {
        return new Limiter(ceilingDbtp, releaseMs, ms, oversampling, inputGainDb);
    }

    public Limiter oversampling(int factor) {
        return new Limiter(ceilingDbtp, releaseMs, lookaheadMs, factor, inputGainDb);
    }

    public Limiter inputGainDb(double db) {
        return new Limiter(ceilingDbtp, releaseMs, lookaheadMs, oversampling, db);
    }

    /** This limiter driven to a target integrated loudness: see {@link LoudnessTarget}. */
    public LoudnessTarget targetLufs(double lufs) {
        return new LoudnessTarget(lufs, this);
    }

    /**
     * This limiter with its ceiling lowered until the master stays at or under {@code ceilingDbtp} after each
     * codec's round trip: see {@link CodecSafeLimiter}.
     */
    public CodecSafeLimiter codecSafe(LossyCodec... codecs) {
        return new CodecSafeLimiter(this, null, java.util.List.of(codecs));
    }

    @Override
    public Processor newProcessor() {
        return new LimiterProcessor(this);
    }
}
