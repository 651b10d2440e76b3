package org.freshears.demo;

/**
 * One section of the demo song: which kind, its number among sections of that kind (1-based), the
 * first bar (0-based) and its time span in seconds, end exclusive. The last section may end mid-bar
 * when the duration is not a whole number of bars.
 */
public record SongSection(SectionKind kind, int number, int firstBar, double startSeconds, double endSeconds) {

    /** "verse 2", "chorus 1". */
    public String name() {
        return kind.label() + " " + number;
    }

    public double durationSeconds() {
        return endSeconds - startSeconds;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%-9s %6.2f s - %6.2f s (bar %d)", name(), startSeconds,
                endSeconds, firstBar + 1);
    }
}
