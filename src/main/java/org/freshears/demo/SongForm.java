package org.freshears.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The song's form: 120 BPM in 4/4 (a bar is exactly 2 s, so section times are round numbers a user
 * can type), a 2-bar intro, then verse and chorus of 6 bars each in turn while a full section still
 * leaves room for a 2-bar outro, then an outro that fills the rest and fades out.
 */
final class SongForm {
    static final double TEMPO_BPM = 120;
    static final int BEATS_PER_BAR = 4;
    static final double BEAT_SECONDS = 60 / TEMPO_BPM;
    static final double BAR_SECONDS = BEATS_PER_BAR * BEAT_SECONDS;
    static final int INTRO_BARS = 2;
    static final int SECTION_BARS = 6;
    static final int MIN_OUTRO_BARS = 2;

    private SongForm() {
    }

    static List<SongSection> layout(double durationSeconds) {
        List<SongSection> sections = new ArrayList<>();
        double totalBars = durationSeconds / BAR_SECONDS;
        int introBars = (int) Math.min(INTRO_BARS, Math.ceil(totalBars));
        sections.add(section(SectionKind.INTRO, 1, 0, introBars, durationSeconds));
        int bar = introBars;
        int verses = 0;
        int choruses = 0;
        while (bar + SECTION_BARS + MIN_OUTRO_BARS <= totalBars) {
            boolean verse = verses == choruses;
            SectionKind kind = verse ? SectionKind.VERSE : SectionKind.CHORUS;
            int number = verse ? ++verses : ++choruses;
            sections.add(section(kind, number, bar, SECTION_BARS, durationSeconds));
            bar += SECTION_BARS;
        }
        if (bar < totalBars) {
            sections.add(section(SectionKind.OUTRO, 1, bar, (int) Math.ceil(totalBars) - bar, durationSeconds));
        }
        return List.copyOf(sections);
    }

    private static SongSection section(SectionKind kind, int number, int firstBar, int bars, double duration) {
        double start = firstBar * BAR_SECONDS;
        double end = Math.min(duration, (firstBar + bars) * BAR_SECONDS);
        return new SongSection(kind, number, firstBar, start, end);
    }
}
