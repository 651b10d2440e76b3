package org.freshears.translation;

/**
 * A band's level through a playback system, as a listener hears it with everything played at matched
 * loudness ({@link org.freshears.measure.MatchedBandLevel}): the band's level in its span (dBFS) minus the
 * integrated loudness of the whole song through the system (LUFS).
 *
 * @param name      "low", "mid", "high", or a problem area's name
 * @param matchedDb band dBFS minus the song's integrated LUFS, through the system (NaN for silence)
 * @param changeDb  {@code matchedDb} through the system minus the same figure heard directly: how much
 *                  louder (+) or quieter (-) the band sounds there against the song
 */
public record BandReading(String name, double lowHz, double highHz, double matchedDb, double changeDb) {
}
