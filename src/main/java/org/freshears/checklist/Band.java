package org.freshears.checklist;

import java.util.Locale;

/** A frequency band in Hz, low edge below high edge. */
public record Band(double lowHz, double highHz) {

    public Band {
        if (!(lowHz > 0) || !Double.isFinite(lowHz)) {
            throw new IllegalArgumentException("a band's low edge must be > 0 Hz, got " + lowHz);
        }
        if (!(highHz > lowHz) || !Double.isFinite(highHz)) {
            throw new IllegalArgumentException("a band's high edge must be above its low edge (" + lowHz + " Hz), got "
                    + highHz);
        }
    }

    /** The geometric centre, where the band sits on a log-frequency axis. */
    public double centreHz() {
        return Math.sqrt(lowHz * highHz);
    }

    public double octaves() {
        return Math.log(highHz / lowHz) / Math.log(2);
    }

    @Override
    public String toString() {
        return hz(lowHz) + "-" + hz(highHz);
    }

    static String hz(double hz) {
        return hz >= 1000 ? String.format(Locale.ROOT, "%.3g kHz", hz / 1000).replace(".00 ", " ")
                : String.format(Locale.ROOT, "%.0f Hz", hz);
    }
}
