package org.freshears.translation;

import java.util.List;

/**
 * What a master sounds like through one playback system, in numbers.
 *
 * @param loudnessLufs     integrated loudness through the system (BS.1770-4), before any volume change
 * @param loudnessChangeLu through the system minus heard directly: a phone that drops the bass is quieter
 * @param balance          the low / mid / high balance ({@link PlaybackSystems#BALANCE_BANDS}), level-matched
 * @param problems         each problem area's band in its span, level-matched
 */
public record SystemReading(PlaybackSystem system, double loudnessLufs, double loudnessChangeLu,
        List<BandReading> balance, List<BandReading> problems) {
    public SystemReading {
        balance = List.copyOf(balance);
        problems = List.copyOf(problems);
    }

    /** The balance band or problem area of this name. */
    public BandReading band(String name) {
        for (BandReading r : balance) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        for (BandReading r : problems) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no band '" + name + "' in the " + system.key() + " reading");
    }
}
