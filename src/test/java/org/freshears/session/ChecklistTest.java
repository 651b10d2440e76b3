package org.freshears.session;

import static org.freshears.Mastering.atMost;
import static org.freshears.Mastering.truePeakDbtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.freshears.checklist.Verdict;
import org.junit.jupiter.api.Test;

/** What the checklist says about itself (issue 11.2: an empty one said "the master is done"). */
class ChecklistTest {
    @Test
    void anEmptyChecklistIsNotDoneAndSaysWhy() {
        Checklist empty = new Checklist(List.of(), List.of());
        assertFalse(empty.done());
        assertEquals("Checklist: empty - the master is not done: nothing on the checklist to prove it"
                + " (add s.check(...) or s.problem(...))\n", empty.toString());
    }

    @Test
    void aChecklistIsDoneWhenEveryItemIs() {
        CheckVerdict yes = verdict(new Verdict("true peak", true, "true peak -1.02 dBTP"));
        CheckVerdict no = verdict(new Verdict("loudness", false, "integrated loudness -16.00 LUFS"));
        Checklist done = new Checklist(List.of(), List.of(yes));
        assertTrue(done.done());
        assertTrue(done.toString().startsWith("Checklist: 1 of 1 done - the master is done\n"), done.toString());
        Checklist open = new Checklist(List.of(), List.of(yes, no));
        assertFalse(open.done());
        assertTrue(open.toString().startsWith("Checklist: 1 of 2 done - not done yet\n"), open.toString());
    }

    /** A check's verdict as the checklist holds it; where it was measured does not matter here. */
    private static CheckVerdict verdict(Verdict verdict) {
        CheckItem check = new CheckItem(verdict.item(), truePeakDbtp(), atMost(-1.0), name -> null);
        return new CheckVerdict(check, null, Double.NaN, verdict);
    }
}
