package org.freshears.session;

import java.util.List;
import org.freshears.checklist.Verdict;

/**
 * Every problem area and check with its verdict; done when there is at least one and all are (an empty
 * checklist proves nothing, so it is not done). Prints as a ticked list.
 */
public record Checklist(List<Verdict> problems, List<Verdict> checks) {
    public Checklist {
        problems = List.copyOf(problems);
        checks = List.copyOf(checks);
    }

    public boolean done() {
        return size() > 0 && problems.stream().allMatch(Verdict::done) && checks.stream().allMatch(Verdict::done);
    }

    public long doneCount() {
        return problems.stream().filter(Verdict::done).count() + checks.stream().filter(Verdict::done).count();
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
