package org.freshears.session;

import java.util.Objects;
import java.util.function.Function;
import org.freshears.checklist.Condition;
import org.freshears.checklist.CheckMetric;
import org.freshears.checklist.TranslatedMetric;

/**
 * A check as a notebook handles it: a metric held to a condition, on the master or {@code .after(step)}. A
 * translated metric (through a codec, on a platform, in mono) needs the audio, and a session keeps only the
 * master's: it is judged on the master alone, never {@code .after(step)} or {@code .throughout()}.
 */
public final class CheckItem {
    private final String name;
    private final CheckMetric metric;
    private final Condition condition;
    private final Function<String, StepRun> stepNamed;
    private StepRun after;
    private boolean throughout;

    /** stepNamed finds a step of the session by its name, or throws saying which names there are. */
    CheckItem(String name, CheckMetric metric, Condition condition, Function<String, StepRun> stepNamed) {
        this.name = name;
        this.stepNamed = Objects.requireNonNull(stepNamed, "stepNamed");
        this.metric = Objects.requireNonNull(metric, "metric");
        this.condition = Objects.requireNonNull(condition, "condition");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a check needs a name");
        }
    }

    /** Measures this check on the output of the given step instead of the final master. */
    public CheckItem after(StepRun step) {
        Objects.requireNonNull(step, "step");
        refuseForTranslated(".after('" + step.name() + "')");
        this.after = step;
        return this;
    }

    /**
     * Measures this check in the mix and after every step up to where it is measured, and holds only when
     * it holds in all of them: a crushed master is not done whoever crushed it, the mixer or a step whose
     * damage a later EQ hides from the peak meters.
     */
    public CheckItem throughout() {
        refuseForTranslated(".throughout()");
        this.throughout = true;
        return this;
    }

    /** Whether it is measured in the mix and after every step, not only at the end. */
    public boolean isThroughout() {
        return throughout;
    }

    /** The same, naming the step as it was named in {@code step("mono bass", ...)}. */
    public CheckItem after(String stepName) {
        return after(stepNamed.apply(stepName));
    }

    public String name() {
        return name;
    }

    public CheckMetric metric() {
        return metric;
    }

    public Condition condition() {
        return condition;
    }

    /** The step it is measured after, or null for the master. */
    public StepRun afterStep() {
        return after;
    }

    /**
     * Where this check ends: the output of its step if it names one, else the master (a check {@code
     * throughout} is measured in every snapshot from the mix to there).
     */
    public Snapshot measuredIn(Snapshot master) {
        return after == null ? master : after.after();
    }

    private void refuseForTranslated(String where) {
        if (metric instanceof TranslatedMetric) {
            throw new IllegalArgumentException("check '" + name + "': " + metric.label() + " is judged on the master"
                    + " only (it needs the audio, and the session keeps only the master's), so " + where
                    + " does not apply; render the version you mean and run freshears translate on it");
        }
    }

    @Override
    public String toString() {
        return "check '" + name + "': " + metric.label() + " " + condition.describe()
                + (after == null ? "" : " after '" + after.name() + "'") + (throughout ? ", throughout" : "");
    }
}
