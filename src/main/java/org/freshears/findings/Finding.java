package org.freshears.findings;

import java.util.Comparator;
import java.util.Objects;
import org.freshears.checklist.Band;
import org.freshears.checklist.TimeSpan;

/**
 * One thing a first listen found: what, how bad, where (a time span, a band, both, or neither for the whole
 * song and spectrum), the measured value against the threshold it crossed, one sentence of evidence a mixer
 * understands, and what to try first, in words and as a DSL line (a step to paste into a checklist).
 *
 * @param span where in time, or null for the whole song
 * @param band where in frequency, or null for the whole spectrum
 * @param unit of value and threshold ("dB", "dBTP", "LU", "s", "runs", ...)
 * @param suggestedStep a DSL expression such as {@code bell(270, -3).q(1.4)}, or "" when no step fixes it
 *        (a problem for the mix, not the master)
 */
public record Finding(FindingKind kind, Severity severity, String title, TimeSpan span, Band band, double value,
        double threshold, String unit, String evidence, String suggestion, String suggestedStep) {

    /** Most severe first; then by kind (the list's order), then by time. */
    public static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::kind)
            .thenComparingDouble(f -> f.span == null ? -1 : f.span.fromSeconds());

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(suggestion, "suggestion");
        Objects.requireNonNull(suggestedStep, "suggestedStep");
    }

    public boolean isProblem() {
        return severity == Severity.PROBLEM;
    }

    /** Over the whole song (no span). */
    public boolean wholeSong() {
        return span == null;
    }

    /** "0:16.000-0:28.000, 5.00 kHz-10.0 kHz", "whole song", ... */
    public String where() {
        String time = span == null ? "whole song" : span.toString();
        return band == null ? time : time + ", " + band;
    }
}
