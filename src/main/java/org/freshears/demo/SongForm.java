package org.freshears.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The song's form in 4/4: a 2-bar intro, then verse and chorus of the tune's section length in turn
 * while a full section still leaves room for a 2-bar outro, then an outro that fills the rest and fades
 * out. The bundled sample's tune is 120 BPM (a bar is exactly 2 s, so section times are round numbers a
 * user can type) with 6-bar sections ({@link DemoTune}).
 */
final class SongForm {
    static final int BEATS_PER_BAR = 4;
    static final int INTRO_BARS = 2;
    static final int MIN_OUTRO_BARS = 2;

    private SongForm() {
    }

    static List<SongSection> layout(double durationSeconds) {
        return layout(durationSeconds, DemoTune.NIGHT_DRIVE);
    }

    /** The form of a tune: its bar length and section length ({@link DemoTune}). */
    static List<SongSection> layout(double durationSeconds, DemoTune tune) {
        List<SongSection> sections = new ArrayList<>();
        double barSeconds = tune.barSeconds();
        int sectionBars = tune.sectionBars();
        double totalBars = durationSeconds / barSeconds;
        int introBars = (int) Math.min(INTRO_BARS, Math.ceil(totalBars));
        sections.add(section(SectionKind.INTRO, 1, 0, introBars, durationSeconds, barSeconds));
        int bar = introBars;
        int verses = 0;
        int choruses = 0;
        while (bar + sectionBars + MIN_OUTRO_BARS <= totalBars) {
            boolean verse = verses == choruses;
            SectionKind kind = verse ? SectionKind.VERSE : SectionKind.CHORUS;
            int number = verse ? ++verses : ++choruses;
            sections.add(section(kind, number, bar, sectionBars, durationSeconds, barSeconds));
            bar += sectionBars;
        }
        if (bar < totalBars) {
            sections.add(section(SectionKind.OUTRO, 1, bar, (int) Math.ceil(totalBars) - bar, durationSeconds,
                    barSeconds));
        }
        return List.copyOf(sections);
    }

    private static SongSection section(SectionKind kind, int number, int firstBar, int bars, double duration,
            double barSeconds) {
        double start = firstBar * barSeconds;
        double end = Math.min(duration, (firstBar + bars) * barSeconds);
        return new SongSection(kind, number, firstBar, start, end);
    }
}
