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

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + v);
        }
    }
}
