package org.freshears.checklist;

import java.util.Objects;

/** A named part of the song (intro, chorus, ...): where a chain is set up, or clip-gained. */
public record Section(String name, TimeSpan span) {
    public Section {
        Objects.requireNonNull(span, "span");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a section needs a name");
        }
    }

    @Override
    public String toString() {
        return name + " (" + span + ")";
    }
}
