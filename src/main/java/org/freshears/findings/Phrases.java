package org.freshears.findings;

import java.util.Locale;

/** Number formatting for evidence and DSL lines: one locale, so a finding reads the same everywhere. */
final class Phrases {
    private Phrases() {
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** "1:05.2" style clock time, as the DSL's span() accepts it. */
    static String clock(double seconds) {
        long tenths = Math.round(seconds * 10);
        return f("%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }

    /** A frequency rounded as an engineer would dial it. */
    static double dialHz(double hz) {
        double step = hz < 100 ? 1 : hz < 1000 ? 10 : 100;
        return Math.round(hz / step) * step;
    }

    static String hz(double hz) {
        double d = dialHz(hz);
        return d >= 1000 ? f("%.1f kHz", d / 1000).replace(".0 ", " ") : f("%.0f Hz", d);
    }

    static String number(double value) {
        double d = dialHz(value);
        return d == Math.rint(d) ? f("%.0f", d) : f("%s", d);
    }
}
