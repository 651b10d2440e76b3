package org.freshears.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.freshears.chain.GainReductionTrace;
import org.freshears.checklist.TimeSpan;

/**
 * What a step did that its settings do not say, so it is never silent: it changed the song's length
 * (trimmed silence), or a dynamics processor never acted (its threshold was never crossed, so it did
 * nothing all song). Printed under the step and shown in the report.
 */
final class StepNotices {
    /** A gain change that rounds to 0.0 dB at the one decimal every summary prints is no action. */
    static final double ACTED_DB = 0.05;

    private StepNotices() {
    }

    static List<String> of(StepRun run) {
        List<String> notices = new ArrayList<>();
        double before = run.before().analysis().durationSeconds();
        double after = run.after().analysis().durationSeconds();
        if (run.before().analysis().frames() != run.after().analysis().frames()) {
            notices.add(String.format(Locale.ROOT, "changed the length: %s -> %s (%+.3f s)", TimeSpan.format(before),
                    TimeSpan.format(after), after - before));
        }
        List<GainReductionTrace> traces = run.gainReduction();
        for (int i = 0; i < traces.size(); i++) {
            double deepest = deepestDb(traces.get(i));
            if (Math.abs(deepest) < ACTED_DB) {
                notices.add("gain reduction" + (traces.size() == 1 ? "" : " " + (i + 1)) + ": never acted; deepest "
                        + String.format(Locale.ROOT, "%.1f", Math.abs(deepest)) + " dB (its threshold was never crossed)");
            }
        }
        return notices;
    }

    /** The gain furthest from 0 dB over the whole trace, sign kept (negative for a cut). */
    static double deepestDb(GainReductionTrace trace) {
        double deepest = 0;
        for (int hop = 0; hop < trace.hops(); hop++) {
            double g = trace.gainDb(hop);
            if (Math.abs(g) > Math.abs(deepest)) {
                deepest = g;
            }
        }
        return deepest;
    }
}
