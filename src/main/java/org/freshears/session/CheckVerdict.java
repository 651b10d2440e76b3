package org.freshears.session;

import org.freshears.checklist.Verdict;

/**
 * A check's verdict with what it judged: the check, the snapshot it was measured in ({@link
 * CheckItem#measuredIn}), the value measured there, and the outcome.
 *
 * @param check the check judged
 * @param measuredIn the output of its step, or the master
 * @param value the metric's value there (NaN when it does not exist, such as the loudness of silence)
 * @param verdict done or not, and the measurement that says so
 */
public record CheckVerdict(CheckItem check, Snapshot measuredIn, double value, Verdict verdict) {

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
