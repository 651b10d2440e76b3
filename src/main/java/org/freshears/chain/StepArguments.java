package org.freshears.chain;

/** The validation messages step records share, so they read the same everywhere. */
final class StepArguments {
    /** Beyond this an EQ or gain move is almost certainly a typo, not mastering. */
    static final double MAX_GAIN_DB = 30;

    private StepArguments() {
    }

    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + format(value));
        }
    }

    static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + format(value));
        }
    }

    static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + format(value));
        }
    }

    static void atLeast(String name, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be >= " + format(min) + ", got " + format(value));
        }
    }

    static void atMost(String name, double value, double max) {
        if (!(value <= max) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be <= " + format(max) + ", got " + format(value));
        }
    }

    /** Inside [min, max], ends included (NaN is not). */
    static void inRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    name + " must be in [" + format(min) + ", " + format(max) + "], got " + format(value));
        }
    }

    static void percent(String name, double value) {
        inRange(name, value, 0, 100);
    }

    static void gainDb(String name, double value) {
        gainDb(name, value, MAX_GAIN_DB);
    }

    static void gainDb(String name, double value, double limitDb) {
        if (!(Math.abs(value) <= limitDb)) {
            throw new IllegalArgumentException(
                    name + " must be within +-" + format(limitDb) + " dB, got " + format(value));
        }
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** A shelf's corner is shaped by Q or by the cookbook's slope S in (0, 1]: exactly one of them, the other 0. */
    static void shelfShape(double q, double slope) {
        if (q != 0) {
            q("q", q);
        }
        if (!(slope >= 0 && slope <= 1)) {
            throw new IllegalArgumentException("slope must be in (0, 1] (or 0 when q is given), got " + format(slope));
        }
        if ((q > 0) == (slope > 0)) {
            throw new IllegalArgumentException(
                    "give either q or slope (the other 0), got q " + format(q) + " and slope " + format(slope));
        }
    }

    /** Butterworth order for a slope of 6..48 dB/oct in steps of 6 (6.02 dB per pole, rounded as usual). */
    static int butterworthOrder(int slopeDbPerOct) {
        if (slopeDbPerOct < 6 || slopeDbPerOct > 48 || slopeDbPerOct % 6 != 0) {
            throw new IllegalArgumentException(
                    "slopeDbPerOct must be a multiple of 6 from 6 to 48, got " + slopeDbPerOct);
        }
        return slopeDbPerOct / 6;
    }

    /** Q above 100 is narrower than any mastering EQ goes (a 100 Hz band at 10 kHz); 0 has no width. */
    static final double MAX_Q = 100;
    /** Past 100:1 a compressor is a limiter already; larger ratios change nothing audible. */
    static final double MAX_RATIO = 100;
    /** A compressor's attack of a second is already slower than any program material needs. */
    static final double MAX_ATTACK_MS = 1_000;
    /** Ten seconds of release: slower than the slowest optical or "auto" release of mastering units. */
    static final double MAX_RELEASE_MS = 10_000;
    /** Makeup and knee beyond 48 dB are typing mistakes, not mastering. */
    static final double MAX_MAKEUP_DB = 48;
    static final double MAX_KNEE_DB = 48;
    /** A threshold is a level a detector can read: from -120 dBFS (below 24-bit noise) to +24 (float headroom). */
    static final double MIN_THRESHOLD_DB = -120;
    static final double MAX_THRESHOLD_DB = 24;

    /** A filter's quality factor, in (0, {@value #MAX_Q}]. */
    static void q(String name, double value) {
        positive(name, value);
        if (value > MAX_Q) {
            throw new IllegalArgumentException(name + " must be <= " + format(MAX_Q) + ", got " + format(value));
        }
    }

    /** A compression ratio, in [1, {@value #MAX_RATIO}]. */
    static void ratio(double value) {
        if (!(value >= 1)) {
            throw new IllegalArgumentException("ratio must be >= 1, got " + format(value));
        }
        if (value > MAX_RATIO) {
            throw new IllegalArgumentException("ratio must be <= " + format(MAX_RATIO)
                    + " (beyond that a compressor is a limiter: use limiter()), got " + format(value));
        }
    }

    /** A number as a user typed it: 0 rather than 0.0, 0.5 as 0.5. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
