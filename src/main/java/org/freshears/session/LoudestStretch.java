package org.freshears.session;

import org.freshears.checklist.TimeSpan;
import org.freshears.measure.LoudnessReport;

/**
 * Finds the loudest stretch of a given length: the window of short-term (3 s) values, every 100 ms,
 * whose power mean is highest. Silent or not-yet-defined values count as no energy.
 */
final class LoudestStretch {
    private static final double HOP_SECONDS = 0.1;

    private LoudestStretch() {
    }

    static TimeSpan find(LoudnessReport loudness, double seconds, double durationSeconds) {
        if (!(seconds > 0) || seconds > durationSeconds) {
            throw new IllegalArgumentException("the loudest section must last between 0 and the mix's "
                    + TimeSpan.format(durationSeconds) + ", got " + seconds + " s");
        }
        double[] st = loudness.shortTermLufs();
        int window = Math.max(1, (int) Math.round(seconds / HOP_SECONDS));
        if (st.length < window) {
            return new TimeSpan(0, seconds);
        }
        double[] power = new double[st.length];
        for (int i = 0; i < st.length; i++) {
            power[i] = Double.isFinite(st[i]) ? Math.pow(10, st[i] / 10) : 0;
        }
        double sum = 0;
        for (int i = 0; i < window; i++) {
            sum += power[i];
        }
        double best = sum;
        int bestEnd = window - 1;
        for (int i = window; i < st.length; i++) {
            sum += power[i] - power[i - window];
            if (sum > best * (1 + 1e-12)) {
                best = sum;
                bestEnd = i;
            }
        }
        // A short-term value covers the 3 s before its end time; the stretch is where the loud values'
        // windows sit, so it ends at the last window's end and lasts the requested length.
        double end = Math.min(durationSeconds, LoudnessReport.windowEndSeconds(bestEnd));
        double start = Math.max(0, end - seconds);
        return new TimeSpan(start, start + seconds > durationSeconds ? durationSeconds : start + seconds);
    }
}
