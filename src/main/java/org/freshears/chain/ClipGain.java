package org.freshears.chain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gain on chosen stretches of time (a loud snare hit, a quiet verse), like a DAW's clip gain. Each span
 * is entered and left with a raised-cosine ramp of rampMs that lies INSIDE the span: the span marks
 * everything that changes, audio outside it is never touched, and the full gain holds from
 * {@code fromSeconds + rampMs} to {@code toSeconds - rampMs}. A span shorter than two ramps uses ramps of
 * half its length. The ramp moves the linear gain from 1 to g along {@code (1 - cos(pi t))/2}, so the
 * largest change between neighbouring frames is {@code |g - 1| * pi / (2 N)} for a ramp of N frames
 * (no clicks). Spans must not overlap. No spans, or only 0 dB spans, is exactly neutral.
 */
public record ClipGain(List<GainSpan> spans, double rampMs) implements Step {
    /** 10 ms: long enough to be inaudible as a click, short enough to hit a single drum hit. */
    public static final double DEFAULT_RAMP_MS = 10;

    public ClipGain {
        spans = List.copyOf(StepArguments.notNull("spans", spans));
        StepArguments.nonNegative("rampMs", rampMs);
        List<GainSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingDouble(GainSpan::fromSeconds));
        for (int i = 1; i < sorted.size(); i++) {
            GainSpan a = sorted.get(i - 1);
            GainSpan b = sorted.get(i);
            if (b.fromSeconds() < a.toSeconds()) {
                throw new IllegalArgumentException("spans must not overlap: " + a + " and " + b);
            }
        }
    }

    public ClipGain(List<GainSpan> spans) {
        this(spans, DEFAULT_RAMP_MS);
    }

    /** A copy with one more span. */
    public ClipGain span(double fromSeconds, double toSeconds, double gainDb) {
        List<GainSpan> more = new ArrayList<>(spans);
        more.add(new GainSpan(fromSeconds, toSeconds, gainDb));
        return new ClipGain(more, rampMs);
    }

    public ClipGain rampMs(double value) {
        return new ClipGain(spans, value);
    }

    @Override
    public Processor newProcessor() {
        return new ClipGainProcessor(this);
    }
}
