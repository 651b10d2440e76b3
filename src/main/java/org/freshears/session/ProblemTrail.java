package org.freshears.session;

import java.util.ArrayList;
import java.util.List;
import org.freshears.measure.MatchedBandLevel;

/**
 * How a problem area's level-matched figure moved step by step, and why: for each step, the band's own
 * change, the change of the rest of the spectrum in the same span, and the change of the version's
 * loudness. The figure moves by the band's change minus the loudness change, so a step that only cut the
 * lows shows a band that did not move and a loudness that fell a little; a cymbal shelf shows the band
 * itself falling. Read from the snapshots: analysis only, no audio.
 */
public final class ProblemTrail {
    private ProblemTrail() {
    }

    /**
     * One step's effect on one problem area. NaN where the step's snapshots lack the problem (it was
     * declared after the step ran: only the mix and the master as it then stood were measured).
     *
     * @param step the step
     * @param bandChangeDb the band's own level in the span, after minus before, dB
     * @param restChangeDb the rest of the spectrum in the span (everything outside the band), dB
     * @param loudnessChangeLu the version's integrated loudness, LU
     * @param matchedChangeDb the level-matched figure the checklist judges: band change minus loudness change
     */
    public record Move(StepRun step, double bandChangeDb, double restChangeDb, double loudnessChangeLu,
            double matchedChangeDb) {

        public boolean measured() {
            return !Double.isNaN(matchedChangeDb);
        }
    }

    /** One move per step of the session, in chain order. */
    public static List<Move> of(Session session, Problem problem) {
        List<Move> moves = new ArrayList<>();
        Snapshot before = session.snapshot(Session.MIX);
        for (StepRun step : session.steps()) {
            // By name: a problem declared later re-measures the snapshot held under the name, not the StepRun's.
            Snapshot after = session.snapshot(step.name());
            moves.add(move(step, before.matchedLevel(problem.name()), after.matchedLevel(problem.name())));
            before = after;
        }
        return moves;
    }

    private static Move move(StepRun step, MatchedBandLevel before, MatchedBandLevel after) {
        if (before == null || after == null) {
            return new Move(step, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Move(step, after.bandDb() - before.bandDb(), after.restDb() - before.restDb(),
                after.loudnessLufs() - before.loudnessLufs(), after.matchedDb() - before.matchedDb());
    }
}
