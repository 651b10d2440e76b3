package org.freshears.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.freshears.checklist.ListenNote;
import org.freshears.checklist.Section;
import org.freshears.checklist.TimeSpan;
import org.freshears.findings.Finding;
import org.freshears.session.Findings;
import org.freshears.session.Problem;

/**
 * The song as a bar, in HTML and CSS only: one lane of sections, one lane per problem area, one lane of
 * timed notes (numbered pins, matching the notes table), one of what fresh ears found (numbered as in
 * its table, by severity), and a time axis. Positions are percentages of
 * the duration, so the bar fits any width.
 */
final class Timeline {
    /** Axis steps a reader expects on a clock, seconds; the first giving at most 10 ticks is used. */
    private static final double[] TICK_STEPS_SECONDS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800};
    private static final int SECTION_COLOURS = 6;
    /** Label fitting ({@link #labelFits}): the track width assumed, one character's width, the bar's padding. */
    private static final double TRACK_REM = 50;
    private static final double CHAR_REM = 0.45;
    private static final double PADDING_REM = 0.8;

    private Timeline() {
    }

    static void write(Html html, double durationSeconds, List<Section> sections, List<Problem> problems,
            List<ListenNote> timedNotes, Optional<Findings> heard) {
        html.open("div", "class", "timeline", "role", "group", "aria-label", "timeline of the song").newline();
        if (!sections.isEmpty()) {
            lane(html, "Sections");
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                bar(html, s.span(), durationSeconds, "sec" + (i % SECTION_COLOURS), s.name(),
                        s.name() + " " + Figures.span(s.span()));
            }
            html.close("div").close("div").newline();
        }
        for (Problem p : problems) {
            problemLane(html, p.name(), p.area().span(), p.area().band().toString(), durationSeconds);
        }
        if (!timedNotes.isEmpty()) {
            lane(html, "Notes");
            for (int i = 0; i < timedNotes.size(); i++) {
                ListenNote n = timedNotes.get(i);
                String number = String.valueOf(i + 1);
                if (n.at().durationSeconds() > 0.01) {
                    bar(html, n.at(), durationSeconds, "note-span", number, number + ". " + Figures.span(n.at())
                            + " " + n.text());
                }
                String[] pin = {"class", "pin", "style", "left:" + percent(n.at().fromSeconds(), durationSeconds),
                        "title", number + ". " + Figures.clock(n.at().fromSeconds()) + " " + n.text()};
                html.open("span", withLoop(pin, momentOf(n.at().fromSeconds(), durationSeconds), "note " + number))
                        .element("b", number).close("span");
            }
            html.close("div").close("div").newline();
        }
        heard.ifPresent(found -> findings(html, durationSeconds, found));
        axis(html, durationSeconds);
        html.close("div").newline();
    }

    /** A problem's own lane: its band on a bar over its span (the label beside the bar if it would be cut). */
    static void problemLane(Html html, String name, TimeSpan span, String band, double durationSeconds) {
        lane(html, name);
        labelledBar(html, span, durationSeconds, "problem", band, name + ": " + band + ", " + Figures.span(span));
        html.close("div").close("div").newline();
    }

    /** Located findings as bars; those over the whole song are in the table only (a full bar says nothing). */
    private static void findings(Html html, double durationSeconds, Findings found) {
        List<Finding> located = found.list().stream().filter(f -> f.span() != null).toList();
        if (located.isEmpty()) {
            return;
        }
        lane(html, "Fresh ears");
        for (Finding f : located) {
            String label = FindingsSection.label(found, f);
            bar(html, f.span(), durationSeconds, "finding " + f.severity().jsonName(), label, label + " ("
                    + f.severity().jsonName() + "): " + f.where() + ". " + f.evidence());
        }
        html.close("div").close("div").newline();
    }

    private static void lane(Html html, String label) {
        html.open("div", "class", "lane").element("span", label, "class", "lane-label", "title", label)
                .open("div", "class", "track");
    }

    private static void bar(Html html, TimeSpan span, double durationSeconds, String cssClass, String label,
            String title) {
        double to = Math.min(span.toSeconds(), durationSeconds);
        String[] attributes = {"class", cssClass, "title", title, "style", "left:"
                + percent(span.fromSeconds(), durationSeconds) + ";width:" + percent(to - span.fromSeconds(),
                durationSeconds)};
        html.element("span", label, withLoop(attributes, new TimeSpan(span.fromSeconds(), to), title));
    }

    /** Before a note's moment and after it: enough to hear what the note is about, in the player's loop. */
    static final double NOTE_LOOP_BEFORE_SECONDS = 2;
    static final double NOTE_LOOP_AFTER_SECONDS = 6;

    private static TimeSpan momentOf(double seconds, double durationSeconds) {
        return new TimeSpan(Math.max(0, seconds - NOTE_LOOP_BEFORE_SECONDS),
                Math.min(durationSeconds, seconds + NOTE_LOOP_AFTER_SECONDS));
    }

    /** The data attributes by which the player loops a span when its element is clicked. */
    static String[] loopAttributes(TimeSpan span, String label) {
        return new String[] {"data-loop-from", String.format(Locale.ROOT, "%.3f", span.fromSeconds()),
            "data-loop-to", String.format(Locale.ROOT, "%.3f", span.toSeconds()), "data-loop-label", label};
    }

    private static String[] withLoop(String[] attributes, TimeSpan span, String label) {
        String[] loop = loopAttributes(span, label);
        String[] all = java.util.Arrays.copyOf(attributes, attributes.length + loop.length);
        System.arraycopy(loop, 0, all, attributes.length, loop.length);
        return all;
    }

    /**
     * A bar whose label goes inside when it surely fits, else beside the bar on the side with more room,
     * so "60 Hz-160 Hz" on a 2-second span is read whole instead of cut to "60 Hz-16".
     */
    private static void labelledBar(Html html, TimeSpan span, double durationSeconds, String cssClass, String label,
            String title) {
        double from = Math.max(0, span.fromSeconds());
        double to = Math.min(span.toSeconds(), durationSeconds);
        if (labelFits(label, durationSeconds > 0 ? (to - from) / durationSeconds : 1)) {
            bar(html, span, durationSeconds, cssClass, label, title);
            return;
        }
        bar(html, span, durationSeconds, cssClass, "", title);
        boolean right = durationSeconds - to >= from;
        html.element("span", label, "class", "beside " + (right ? "right" : "left"), "title", title, "style",
                right ? "left:" + percent(to, durationSeconds) : "right:" + percent(durationSeconds - from,
                        durationSeconds));
    }

    /**
     * Whether a label fits in a bar of this fraction of the track, judged on the narrowest track a desktop
     * report has (the 68rem column less its padding and the lane label: {@value #TRACK_REM} rem) with a
     * generous {@value #CHAR_REM} rem per character of the .75rem label font, plus the bar's padding.
     */
    static boolean labelFits(String label, double fractionOfTrack) {
        return fractionOfTrack * TRACK_REM >= label.length() * CHAR_REM + PADDING_REM;
    }


    private static void axis(Html html, double durationSeconds) {
        double step = TICK_STEPS_SECONDS[TICK_STEPS_SECONDS.length - 1];
        for (double candidate : TICK_STEPS_SECONDS) {
            if (durationSeconds / candidate <= 10) {
                step = candidate;
                break;
            }
        }
        html.open("div", "class", "axis", "aria-hidden", "true");
        for (int i = 0; i * step <= durationSeconds + 1e-9; i++) {
            double t = i * step;
            // The last tick would hang off the right edge when it lands near the end; the first is left-aligned.
            if (i > 0 && durationSeconds - t < step * 0.3) {
                break;
            }
            html.element("span", Figures.clock(t), "class", i == 0 ? "first" : null, "style",
                    "left:" + percent(t, durationSeconds));
        }
        html.close("div").newline();
    }

    static String percent(double seconds, double durationSeconds) {
        double p = durationSeconds > 0 ? 100 * seconds / durationSeconds : 0;
        return String.format(Locale.ROOT, "%.3f%%", Math.max(0, Math.min(100, p)));
    }
}
