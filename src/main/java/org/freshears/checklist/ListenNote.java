package org.freshears.checklist;

import java.util.Objects;

/**
 * What was heard: at a moment or over a span ({@code at} then holds the span), or for a whole listening
 * pass ({@code at} is null: "headphones, next morning, 3 passes").
 */
public record ListenNote(TimeSpan at, String text) {
    public ListenNote {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a note needs some text");
        }
    }

    /** A note at one moment, shown as a marker (a span of one millisecond). */
    public static ListenNote at(double seconds, String text) {
        return new ListenNote(new TimeSpan(seconds, seconds + 0.001), text);
    }

    /** A note on a whole listening pass. */
    public static ListenNote pass(String text) {
        return new ListenNote(null, text);
    }

    public boolean isPass() {
        return at == null;
    }

    @Override
    public String toString() {
        return isPass() ? "listen: " + text : TimeSpan.format(at.fromSeconds()) + " " + text;
    }
}
