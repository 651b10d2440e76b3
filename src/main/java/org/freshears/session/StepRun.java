package org.freshears.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.freshears.chain.GainReductionTrace;
import org.freshears.chain.Step;

/**
 * One named step of the chain as it ran: the settings as written, as resolved against the audio (a
 * loudness target becomes a limiter with a gain), the snapshots before and after, and the gain
 * reduction of its dynamics processors.
 */
public final class StepRun {
    private final int index;
    private final String name;
    private final List<Step> written;
    private final List<Step> resolved;
    private final Snapshot before;
    private final Snapshot after;
    private final List<GainReductionTrace> gainReduction;
    private final List<Problem> addresses = new ArrayList<>();

    StepRun(int index, String name, List<Step> written, List<Step> resolved, Snapshot before, Snapshot after,
            List<GainReductionTrace> gainReduction) {
        this.index = index;
        this.name = name;
        this.written = List.copyOf(written);
        this.resolved = List.copyOf(resolved);
        this.before = before;
        this.after = after;
        this.gainReduction = List.copyOf(gainReduction);
    }

    /** Says which problem areas this step is meant to fix; the checklist then measures whether it did. */
    public StepRun addresses(Problem... problems) {
        for (Problem p : problems) {
            if (!addresses.contains(p)) {
                addresses.add(p);
            }
            p.addressedBy(this);
        }
        return this;
    }

    /** 1-based position in the chain. */
    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public List<Step> written() {
        return written;
    }

    public List<Step> resolved() {
        return resolved;
    }

    public Snapshot before() {
        return before;
    }

    public Snapshot after() {
        return after;
    }

    public List<GainReductionTrace> gainReduction() {
        return gainReduction;
    }

    public List<Problem> addresses() {
        return List.copyOf(addresses);
    }

    /** What it did that its settings do not say: a changed length, a dynamics processor that never acted. */
    public List<String> notices() {
        return StepNotices.of(this);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("step ").append(index).append(" '").append(name).append("':");
        for (Step s : resolved) {
            sb.append("\n  ").append(s);
        }
        sb.append(String.format(Locale.ROOT, "%n  loudness %.1f -> %.1f LUFS, true peak %.1f -> %.1f dBTP, PLR %.1f -> %.1f dB",
                before.analysis().integratedLufs(), after.analysis().integratedLufs(),
                before.analysis().truePeakDbtp(), after.analysis().truePeakDbtp(),
                before.analysis().plrDb(), after.analysis().plrDb()));
        notices().forEach(n -> sb.append("\n  ").append(n));
        return sb.toString();
    }
}
