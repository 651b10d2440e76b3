package org.freshears.translation;

/**
 * A problem area as the playback systems read it: a time span of the song × a frequency band (the
 * session's problem areas, handed down as plain values: this package sits below the checklist).
 *
 * @param name what the listener called it ("muddy low-mids")
 */
public record ProblemBand(String name, double fromSeconds, double toSeconds, double lowHz, double highHz) {
    public ProblemBand {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a problem band needs a name");
        }
        if (!(fromSeconds >= 0 && toSeconds > fromSeconds && Double.isFinite(toSeconds))) {
            throw new IllegalArgumentException("problem band '" + name + "': span must run from 0 s or later to a "
                    + "later time, got " + fromSeconds + " to " + toSeconds + " s");
        }
        if (!(lowHz >= 0 && highHz > lowHz && Double.isFinite(highHz))) {
            throw new IllegalArgumentException("problem band '" + name + "': band must run from 0 Hz or more to a "
                    + "higher frequency, got " + lowHz + " to " + highHz + " Hz");
        }
    }
}
