package org.freshears.cli;

import java.util.Locale;
import org.freshears.findings.Finding;
import org.freshears.findings.Severity;

/** The table of {@code listen}: a header per file, then one line per finding, most severe first. */
final class FindingsTable {
    private FindingsTable() {
    }

    static String format(ListenCommand.Listened listened) {
        StringBuilder text = new StringBuilder();
        long problems = listened.findings().stream().filter(Finding::isProblem).count();
        long warnings = listened.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        text.append(String.format(Locale.ROOT, "%s  (%.1f s): %d problem%s, %d warning%s, %d note%s%n",
                listened.file(), listened.analysis().durationSeconds(), problems, problems == 1 ? "" : "s", warnings,
                warnings == 1 ? "" : "s", listened.findings().size() - problems - warnings,
                listened.findings().size() - problems - warnings == 1 ? "" : "s"));
        if (listened.findings().isEmpty()) {
            text.append("  nothing found: the mix passes every check of a first listen\n");
        }
        for (Finding f : listened.findings()) {
            text.append(String.format(Locale.ROOT, "  %-7s %-23s %-36s %s%n", f.severity().jsonName(),
                    f.kind().jsonName(), f.where(), f.evidence()));
            text.append(String.format(Locale.ROOT, "  %-7s %-23s %-36s -> %s%n", "", "", "",
                    FindingsJson.suggestion(f)));
        }
        return text.toString();
    }
}
