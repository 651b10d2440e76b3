package org.freshears.session;

import java.util.ArrayList;
import java.util.List;
import org.freshears.checklist.Expectation;
import org.freshears.checklist.ProblemArea;

/**
 * A problem area as a notebook handles it: declared once, then addressed by steps and given an
 * expectation ({@code .expect(reduceBy(2))}).
 */
public final class Problem {
    private ProblemArea area;
    private final List<StepRun> addressedBy = new ArrayList<>();

    Problem(ProblemArea area) {
        this.area = area;
    }

    /** What counts as fixed (default: at least 1 dB less, level-matched, than in the mix). */
    public Problem expect(Expectation expectation) {
        area = new ProblemArea(area.name(), area.span(), area.band(), expectation);
        return this;
    }

    public ProblemArea area() {
        return area;
    }

    public String name() {
        return area.name();
    }

    public List<StepRun> addressedBy() {
        return List.copyOf(addressedBy);
    }

    void addressedBy(StepRun step) {
        if (!addressedBy.contains(step)) {
            addressedBy.add(step);
        }
    }

    @Override
    public String toString() {
        return "problem " + area;
    }
}
