package org.freshears.session;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.freshears.findings.Finding;
import org.freshears.findings.FindingKind;
import org.freshears.findings.FindingThresholds;
import org.freshears.findings.Severity;

/**
 * What a first listen to the mix found ({@code s.findings()}), most severe first, with the thresholds it
 * listened with. Prints as a table: one line per finding with where it is, its value against its threshold
 * and its evidence, then what to try first. Turn one into a problem area with {@code s.problem(finding)}
 * or into a note with {@code s.note(finding)}; it never changes the mix on its own.
 */
public final class Findings implements Iterable<Finding> {
    private final List<Finding> list;
    private final FindingThresholds thresholds;

    Findings(List<Finding> list, FindingThresholds thresholds) {
        this.list = List.copyOf(list);
        this.thresholds = thresholds;
    }

    public List<Finding> list() {
        return list;
    }

    public FindingThresholds thresholds() {
        return thresholds;
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** The n-th finding (0-based), in the table's order. */
    public Finding get(int index) {
        if (index < 0 || index >= list.size()) {
            throw new IllegalArgumentException("there " + (list.size() == 1 ? "is 1 finding" : "are " + list.size()
                    + " findings") + "; no finding " + index + " (the first is 0)");
        }
        return list.get(index);
    }

    /** The findings of severity {@code problem}. */
    public List<Finding> problems() {
        return list.stream().filter(Finding::isProblem).toList();
    }

    /** The findings of one kind, by its name in the JSON format ({@code "harshness"}, {@code "mono-bass"}). */
    public List<Finding> of(String kind) {
        FindingKind k = FindingKind.fromJsonName(kind);
        return list.stream().filter(f -> f.kind() == k).toList();
    }

    /** The most severe finding of one kind ({@code "sibilance"}); an error naming what was found if none. */
    public Finding first(String kind) {
        List<Finding> found = of(kind);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no '" + kind + "' finding (found: " + (list.isEmpty() ? "nothing"
                    : list.stream().map(f -> f.kind().jsonName()).distinct().collect(Collectors.joining(", "))) + ")");
        }
        return found.get(0);
    }

    @Override
    public Iterator<Finding> iterator() {
        return list.iterator();
    }

    /** The value against its threshold, as the table prints it: {@code -1.2 dBTP (threshold -1.0)}. */
    public static String valueVsThreshold(Finding f) {
        return String.format(Locale.ROOT, "%s %s (threshold %s)", number(f.value()), f.unit(), number(f.threshold()));
    }

    /** What to try first: the words, then the step to paste, if there is one. */
    public static String suggestion(Finding f) {
        return f.suggestedStep().isEmpty() ? f.suggestion() : f.suggestion() + " Try: " + f.suggestedStep();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.2f", v)
                .replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "") : "\u2014";
    }

    @Override
    public String toString() {
        long problems = problems().size();
        long warnings = list.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long notes = list.size() - problems - warnings;
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "fresh ears: %d problem%s, %d warning%s, %d note%s%n", problems, problems == 1 ? "" : "s", warnings,
                warnings == 1 ? "" : "s", notes, notes == 1 ? "" : "s"));
        if (list.isEmpty()) {
            text.append("  nothing found: the mix passes every check of a first listen\n");
        }
        for (int i = 0; i < list.size(); i++) {
            Finding f = list.get(i);
            text.append(String.format(Locale.ROOT, "%3d %-7s %-23s %-36s %-30s %s%n", i, f.severity().jsonName(),
                    f.kind().jsonName(), f.where(), valueVsThreshold(f), f.evidence()));
            text.append(String.format(Locale.ROOT, "    %-7s %-23s -> %s%n", "", "", suggestion(f)));
        }
        return text.toString();
    }
}
