package org.freshears.session;

import java.util.List;

/**
 * Every problem area and check with its verdict, each verdict carrying its item and where it was
 * measured; done when there is at least one and all are (an empty checklist proves nothing, so it is
 * not done). Prints as a ticked list.
 */
public record Checklist(List<ProblemVerdict> problems, List<CheckVerdict> checks) {
    public Checklist {
        problems = List.copyOf(problems);
        checks = List.copyOf(checks);
    }

    public boolean done() {
        return size() > 0 && problems.stream().allMatch(ProblemVerdict::done) && checks.stream().allMatch(CheckVerdict::done);
    }

    public long doneCount() {
        return problems.stream().filter(ProblemVerdict::done).count() + checks.stream().filter(CheckVerdict::done).count();
    }

    public int size() {
        return problems.size() + checks.size();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (size() == 0) {
            return "Checklist: empty - the master is not done: nothing on the checklist to prove it"
                    + " (add s.check(...) or s.problem(...))\n";
        }
        sb.append("Checklist: ").append(doneCount()).append(" of ").append(size()).append(" done")
                .append(done() ? " - the master is done" : " - not done yet").append('\n');
        if (!problems.isEmpty()) {
            sb.append("Problem areas\n");
            problems.forEach(v -> sb.append("  ").append(v).append('\n'));
        }
        if (!checks.isEmpty()) {
            sb.append("Checks\n");
            checks.forEach(v -> sb.append("  ").append(v).append('\n'));
        }
        return sb.toString();
    }
}
