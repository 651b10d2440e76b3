package org.freshears.translation;

import java.util.Locale;

/** What a platform does with a track quieter than its reference level. */
public enum PositiveGain {
    /** Turns loud tracks down, never quiet tracks up. */
    NONE,
    /** Turns quiet tracks up only as far as the true peak stays at or under the platform's ceiling. */
    PEAK,
    /** Turns quiet tracks up to the reference whatever their peak; a limiter at the ceiling catches the peaks. */
    LIMITER;

    /** The name in {@code platforms.tsv}: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PositiveGain parse(String key) {
        for (PositiveGain g : values()) {
            if (g.key().equals(key)) {
                return g;
            }
        }
        throw new IllegalArgumentException("positiveGain must be none, peak or limiter, got \"" + key + "\"");
    }
}
