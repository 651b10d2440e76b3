package org.freshears.demo;

import java.util.List;

/**
 * Which song the demo generator plays: its tempo, key (a transposition of the written parts), how many bars a
 * verse or chorus lasts and how much of the tune each plays. The same notes and instruments, so two tunes sound
 * like two songs of one record, not of two bands.
 *
 * @param name the song's title
 * @param tempoBpm beats per minute (4/4)
 * @param transposeSemitones added to every pitched note (bass, chords, lead) of the written parts in A minor
 * @param key the key it is in, as a reader names it
 * @param progression the chord loop's names in that key
 * @param sectionBars bars per verse or chorus
 * @param melodyBars bars of the 8-bar tune a section plays (8: the whole tune, past the end of a shorter section)
 */
public record DemoTune(String name, double tempoBpm, int transposeSemitones, String key, List<String> progression,
        int sectionBars, int melodyBars) {

    /** The bundled sample's song: 120 BPM, A minor, 6-bar sections. */
    public static final DemoTune NIGHT_DRIVE = new DemoTune("Night Drive", 120, 0, "A minor",
            List.of("Am", "F", "C", "G"), 6, 8);
    /**
     * The album example's second song (samples/neon-rain.flac): slower (96 BPM, a bar is 2.5 s), three
     * semitones up in C minor, 4-bar verse and chorus that play the first half of the tune.
     */
    public static final DemoTune NEON_RAIN = new DemoTune("Neon Rain", 96, 3, "C minor",
            List.of("Cm", "Ab", "Eb", "Bb"), 4, 4);

    public DemoTune {
        progression = List.copyOf(progression);
        if (!(tempoBpm >= 40 && tempoBpm <= 240)) {
            throw new IllegalArgumentException("tempoBpm must be within [40, 240], got " + tempoBpm);
        }
        if (Math.abs(transposeSemitones) > 12) {
            throw new IllegalArgumentException("transposeSemitones must be within [-12, 12], got " + transposeSemitones);
        }
        if (sectionBars < 1 || melodyBars < 1 || melodyBars > 8) {
            throw new IllegalArgumentException("sectionBars must be >= 1 and melodyBars within [1, 8], got "
                    + sectionBars + " and " + melodyBars);
        }
    }

    public double beatSeconds() {
        return 60 / tempoBpm;
    }

    public double barSeconds() {
        return SongForm.BEATS_PER_BAR * beatSeconds();
    }
}
