package org.freshears.checklist;

import java.util.Locale;

/**
 * What a measured value must satisfy. A value that does not exist (NaN) satisfies nothing. Bounds are
 * inclusive: a loudness of exactly -14.5 is within -14 ± 0.5.
 */
public sealed interface Condition {

    boolean holds(double value);

    /** The condition as a reader would say it: {@code -14.0 ± 0.5}, {@code <= -1.0}. */
    String describe();

    /**
     * This condition with the mix's value of its metric filled in, for a condition relative to the mix
     * ({@link KeptFromMix}); any other condition is returned as it is.
     */
    default Condition againstMix(double mixValue) {
        return this;
    }

    record Within(double target, double tolerance) implements Condition {
        public Within {
            finite("target", target);
            if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
                throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
            }
        }

        @Override
        public boolean holds(double value) {
            return Math.abs(value - target) <= tolerance;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%.1f ± %.1f", target, tolerance);
        }
    }

    record AtMost(double limit) implements Condition {
        public AtMost {
            finite("limit", limit);
        }

        @Override
        public boolean holds(double value) {
            return value <= limit;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "<= %.1f", limit);
        }
    }

    record AtLeast(double limit) implements Condition {
        public AtLeast {
            finite("limit", limit);
        }

        @Override
        public boolean holds(double value) {
            return value >= limit;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, ">= %.1f", limit);
        }
    }

    record Between(double low, double high) implements Condition {
        public Between {
            finite("low", low);
            finite("high", high);
            if (high < low) {
                throw new IllegalArgumentException("between needs low <= high, got " + low + " and " + high);
            }
        }

        @Override
        public boolean holds(double value) {
            return value >= low && value <= high;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "between %.1f and %.1f", low, high);
        }
    }

    /**
     * At least the mix's value less {@code maxLoss}: "the master kept the mix's loudness range, give or take
     * 2 LU", whatever the mix's was. A check fills in the mix's value when it is added ({@link #againstMix}),
     * so the session file and the report carry the reference; until then {@code mixValue} is NaN and the
     * condition holds for nothing.
     */
    record KeptFromMix(double maxLoss, double mixValue) implements Condition {
        public KeptFromMix {
            finite("maxLoss", maxLoss);
            if (maxLoss < 0) {
                throw new IllegalArgumentException("maxLoss must be >= 0 (how much may be lost), got " + maxLoss);
            }
            if (Double.isInfinite(mixValue)) {
                throw new IllegalArgumentException("mixValue must be a finite number, got " + mixValue);
            }
        }

        @Override
        public Condition againstMix(double value) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("keptFromMix needs the mix's value, and the mix has none"
                        + " (a loudness of silence does not exist); hold this metric to a fixed value instead");
            }
            return new KeptFromMix(maxLoss, value);
        }

        /** The lowest value that holds (NaN until the mix's value is filled in). */
        public double limit() {
            return mixValue - maxLoss;
        }

        @Override
        public boolean holds(double value) {
            return value >= limit();
        }

        @Override
        public String describe() {
            return Double.isNaN(mixValue) ? String.format(Locale.ROOT, ">= the mix's value - %.1f", maxLoss)
                    : String.format(Locale.ROOT, ">= %.2f: the mix's %.2f - %.1f", limit(), mixValue, maxLoss)
                            .replace(">= -0.00", ">= 0.00");
        }
    }

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + v);
        }
    }
}
