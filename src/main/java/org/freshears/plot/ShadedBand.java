package org.freshears.plot;

import java.util.Objects;
import org.freshears.checklist.Band;

/** A frequency band to shade on a spectrum chart, labelled with the problem it stands for ("muddy low-mids"). */
public record ShadedBand(String label, Band band) {
    public ShadedBand {
        Objects.requireNonNull(band, "band");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a shaded band needs a label");
        }
    }
}
