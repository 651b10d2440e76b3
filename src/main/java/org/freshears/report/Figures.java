package org.freshears.report;

import java.util.Locale;
import org.freshears.checklist.TimeSpan;

/**
 * Numbers as the report prints them: fixed decimals in the root locale (a report reads the same on every
 * machine), and an em dash for a value that does not exist (the loudness of silence is NaN).
 */
final class Figures {
    static final String NONE = "\u2014";

    private Figures() {
    }

    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        return noNegativeZero(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    /** With its unit: {@code -14.0 LUFS}. */
    static String fixed(double value, int decimals, String unit) {
        String number = fixed(value, decimals);
        return unit.isEmpty() || number.equals(NONE) ? number : number + " " + unit;
    }

    /** A change, always signed: {@code +1.2}, {@code -0.4}, {@code 0.0}. */
    static String signed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        String s = noNegativeZero(String.format(Locale.ROOT, "%+." + decimals + "f", value));
        return s.matches("[+]0(\\.0*)?") ? s.substring(1) : s;
    }

    /** A time as read off a player, without needless zeros: {@code 0:16}, {@code 1:05.25}. */
    static String clock(double seconds) {
        String s = TimeSpan.format(seconds);
        return s.endsWith(".000") ? s.substring(0, s.length() - 4) : s.replaceAll("0+$", "");
    }

    static String span(TimeSpan span) {
        return clock(span.fromSeconds()) + "\u2013" + clock(span.toSeconds());
    }

    private static String noNegativeZero(String s) {
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }
}
