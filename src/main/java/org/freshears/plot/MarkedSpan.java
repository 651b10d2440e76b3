package org.freshears.plot;

import java.util.Objects;
import org.freshears.checklist.TimeSpan;

/** A stretch of time to shade on a loudness chart, labelled with what was found there ("3 sibilance"). */
public record MarkedSpan(String label, TimeSpan span) {
    public MarkedSpan {
        Objects.requireNonNull(span, "span");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a marked span needs a label");
        }
    }
}
