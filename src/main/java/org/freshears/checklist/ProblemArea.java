package org.freshears.checklist;

import java.util.Objects;

/** Something heard that needs fixing: a time span × a frequency band, and what counts as fixed. */
public record ProblemArea(String name, TimeSpan span, Band band, Expectation expectation) {
    public ProblemArea {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(expectation, "expectation");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a problem area needs a name");
        }
    }

    public ProblemArea(String name, TimeSpan span, Band band) {
        this(name, span, band, Expectation.DEFAULT);
    }

    @Override
    public String toString() {
        return name + " (" + span + ", " + band + ")";
    }
}
