package org.freshears.measure;

/**
 * A band's level in a span as a listener hears it when versions are played at matched loudness: the
 * band's level (dBFS) minus the integrated loudness of the whole version (LUFS, ITU-R BS.1770-4).
 *
 * <p><b>Why the version's integrated loudness.</b> A listener comparing a mix and a master, or a streaming
 * service playing them, matches them by integrated loudness; what is left is how loud the band sounds
 * against the song. The alternatives fail a mastering engineer's question "did this step move the band?":
 * <ul>
 * <li>relative to the whole spectrum of the span (unweighted power, the measure before v2): the lows hold
 * most of a song's power, so a step that only cut the lows moved a cymbal problem by a dB it never heard;
 * <li>relative to the loudness of the span alone: a step that turned the span down against the rest of
 * the song (a clip-gain on the chorus) would read as no change, yet at matched levels the chorus, cymbals
 * and all, is quieter.
 * </ul>
 * Loudness is K-weighted, so a low cut moves it, and the figure, only by what the ear loses (the RLB
 * high-pass discounts the lows as hearing does), and a plain gain moves band and loudness alike and the
 * figure not at all. It is a pure measurement: two numbers every snapshot already holds.
 *
 * @param level the band's level in the span (dBFS) and its share of the whole spectrum there
 * @param loudnessLufs integrated loudness of the whole version, LUFS (NaN for silence)
 */
public record MatchedBandLevel(BandLevel level, double loudnessLufs) {
    /** Names this measure in a session file; bump it when the reading can move. */
    public static final String ALGORITHM_VERSION = "band dBFS minus the version's integrated LUFS v2";

    /** The band's level relative to the version's integrated loudness, dB (NaN for silence). */
    public double matchedDb() {
        return level.bandDb() - loudnessLufs;
    }

    public double bandDb() {
        return level.bandDb();
    }

    /** Everything outside the band over the same span, dBFS ({@link BandLevel#restDb}). */
    public double restDb() {
        return level.restDb();
    }
}
