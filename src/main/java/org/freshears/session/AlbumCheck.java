package org.freshears.session;

import java.util.Objects;
import org.freshears.checklist.AlbumMetric;
import org.freshears.checklist.Condition;

/** A check on the album as a whole: {@code album.check("songs sit together", loudnessSpreadLu(), atMost(1.5))}. */
public record AlbumCheck(String name, AlbumMetric metric, Condition condition) {
    public AlbumCheck {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an album check needs a name");
        }
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(condition, "condition");
        if (condition instanceof Condition.KeptFromMix) {
            throw new IllegalArgumentException("album check '" + name + "': keptFromMix compares a song with its own"
                    + " mix; an album check holds the album to a fixed value (atMost, atLeast, within, between)");
        }
    }
}
