package org.freshears.session;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
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

    /**
     * A check over the snapshots it is measured in, in chain order (its end point alone, or from the mix
     * to there for a check {@code throughout}): done when it holds in every one. The verdict speaks of the
     * first snapshot it fails in, else the last ({@link #measuredIn}). {@code valueIn} reads the check's metric
     * in a snapshot.
     */
    static CheckVerdict check(CheckItem check, List<Snapshot> snapshots, ToDoubleFunction<Snapshot> valueIn) {
        Snapshot snapshot = measuredIn(check, snapshots, valueIn);
        double value = valueIn.applyAsDouble(snapshot);
        boolean holds = snapshots.stream().allMatch(s -> holds(check, valueIn.applyAsDouble(s)));
        String unit = check.metric().unit().isEmpty() ? "" : " " + check.metric().unit();
        String evidence = check.metric().label() + " " + check.metric().format(value) + " in '" + snapshot.name()
                + "' (wanted " + check.condition().describe() + unit + (snapshots.size() > 1
                ? where(check, snapshots, valueIn) : "") + ")";
        return new CheckVerdict(check, snapshot, value, new Verdict(check.name(), holds, evidence));
    }

    /** A check that could not be measured (a codec round trip without ffmpeg): not done, saying why. */
    static CheckVerdict unmeasured(CheckItem check, Snapshot snapshot, String reason) {
        return new CheckVerdict(check, snapshot, Double.NaN, new Verdict(check.name(), false,
                check.metric().label() + " not measured in '" + snapshot.name() + "': " + reason));
    }

    /** The snapshot a check's verdict speaks of: the first it fails in, or the last when it holds in all. */
    static Snapshot measuredIn(CheckItem check, List<Snapshot> snapshots, ToDoubleFunction<Snapshot> valueIn) {
        return snapshots.stream().filter(s -> !holds(check, valueIn.applyAsDouble(s))).findFirst()
                .orElse(snapshots.get(snapshots.size() - 1));
    }

    private static boolean holds(CheckItem check, double value) {
        return !Double.isNaN(value) && check.condition().holds(value);
    }

    private static String where(CheckItem check, List<Snapshot> snapshots, ToDoubleFunction<Snapshot> valueIn) {
        List<String> failing = snapshots.stream().filter(s -> !holds(check, valueIn.applyAsDouble(s)))
                .map(s -> "'" + s.name() + "'").toList();
        String arrived = snapshots.get(0).name().equals(Session.MIX) && !holds(check, valueIn.applyAsDouble(snapshots.get(0)))
                ? " (the mix arrived that way, so no chain can tick it)" : "";
        return " in the mix and after every step" + (failing.isEmpty() ? ""
                : "; fails in " + String.join(", ", failing) + arrived);
    }
}
