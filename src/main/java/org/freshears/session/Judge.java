package org.freshears.session;

import java.util.Locale;
import java.util.stream.Collectors;
import org.freshears.checklist.ProblemArea;
import org.freshears.checklist.Verdict;
import org.freshears.measure.MatchedBandLevel;

/** Turns measurements into verdicts: an item is ticked only when a measurement shows it is done. */
final class Judge {
    private Judge() {
    }

    /** A problem is fixed when some step addresses it and the master meets its expectation against the mix. */
    static ProblemVerdict problem(Problem problem, Snapshot mix, Snapshot master) {
        return new ProblemVerdict(problem, mix, master, verdict(problem, mix, master));
    }

    /** A check, measured where it says ({@link CheckItem#measuredIn}). */
    static CheckVerdict check(CheckItem check, Snapshot master) {
        Snapshot snapshot = check.measuredIn(master);
        double value = check.metric().valueOf(snapshot.analysis());
        return new CheckVerdict(check, snapshot, value, verdict(check, snapshot, value));
    }

    private static Verdict verdict(Problem problem, Snapshot mix, Snapshot master) {
        ProblemArea area = problem.area();
        MatchedBandLevel before = mix.matchedLevel(area.name());
        MatchedBandLevel after = master.matchedLevel(area.name());
        String item = area.toString();
        if (before == null || after == null) {
            return new Verdict(item, false, "not measured");
        }
        // Level-matched (MatchedBandLevel): the change splits into the band's own and the loudness's.
        double change = after.matchedDb() - before.matchedDb();
        String measured = String.format(Locale.ROOT,
                "band %.1f dB against the loudness in the mix, %.1f dB in '%s' (%+.1f dB: the band itself %+.1f dB,"
                        + " the loudness %+.1f LU)",
                before.matchedDb(), after.matchedDb(), master.name(), change, after.bandDb() - before.bandDb(),
                after.loudnessLufs() - before.loudnessLufs());
        if (problem.addressedBy().isEmpty()) {
            return new Verdict(item, false, measured + "; not addressed by any step");
        }
        boolean met = area.expectation().met(before.matchedDb(), after.matchedDb());
        String steps = problem.addressedBy().stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        return new Verdict(item, met, measured + "; expected " + area.expectation().describe() + "; addressed by "
                + steps);
    }

    private static Verdict verdict(CheckItem check, Snapshot snapshot, double value) {
        boolean holds = !Double.isNaN(value) && check.condition().holds(value);
        String evidence = check.metric().label() + " " + check.metric().format(value) + " in '" + snapshot.name()
                + "' (wanted " + check.condition().describe() + (check.metric().unit().isEmpty() ? "" : " "
                + check.metric().unit()) + ")";
        return new Verdict(check.name(), holds, evidence);
    }
}
