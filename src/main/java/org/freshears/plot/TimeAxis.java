package org.freshears.plot;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;

/** A time axis from 0 to the end of the audio, ticks in m:ss at musically round steps. */
final class TimeAxis {
    static final String LABEL = "Time (m:ss)";
    /** Tick steps in seconds: the smallest giving at most {@value #MAX_TICKS} intervals is used. */
    private static final double[] STEPS_SECONDS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200};

    /** A dozen ticks across 1200 px leaves ~90 px per label: calm, and still fine enough to find a moment. */
    static final int MAX_TICKS = 12;

    private TimeAxis() {
    }

    static NumberAxis create(double durationSeconds) {
        return create(0, durationSeconds > 0 && Double.isFinite(durationSeconds) ? durationSeconds : 1);
    }

    /** An axis over [fromSeconds, toSeconds] (a stretch of the song, zoomed in). */
    static NumberAxis create(double fromSeconds, double toSeconds) {
        NumberAxis axis = new NumberAxis(LABEL);
        TickUnits units = new TickUnits();
        for (double step : STEPS_SECONDS) {
            units.add(new NumberTickUnit(step, new ClockFormat(step < 1)));
        }
        axis.setStandardTickUnits(units);
        axis.setAutoRange(false);
        double end = toSeconds > fromSeconds && Double.isFinite(toSeconds) ? toSeconds : fromSeconds + 1;
        axis.setRange(fromSeconds, end);
        axis.setTickUnit((NumberTickUnit) units.getCeilingTickUnit((end - fromSeconds) / MAX_TICKS));
        axis.setAutoRangeIncludesZero(true);
        ChartStyle.styleAxis(axis);
        return axis;
    }
}
