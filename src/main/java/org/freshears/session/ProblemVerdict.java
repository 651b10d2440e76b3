package org.freshears.session;

import org.freshears.checklist.Verdict;

/**
 * A problem area's verdict with what it judged: the problem, its band level in the mix and in the
 * snapshot it was measured in (the master as it stood), and the outcome.
 *
 * @param problem the problem area judged
 * @param mix the mix's snapshot, the level the change is measured from
 * @param measuredIn the master as it stood when judged
 * @param verdict done or not, and the measurement that says so
 */
public record ProblemVerdict(Problem problem, Snapshot mix, Snapshot measuredIn, Verdict verdict) {

    public boolean done() {
        return verdict.done();
    }

    public String evidence() {
        return verdict.evidence();
    }

    @Override
    public String toString() {
        return verdict.toString();
    }
}
