package org.freshears.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.freshears.findings.Finding;
import org.freshears.measure.Analysis;

/**
 * The draft checklist {@code listen --notebook} writes: a percent-format notebook that opens the mix, notes
 * each located finding, turns each problem finding with a band into a problem area (span × band), lists the
 * suggested steps commented out (the user decides), and adds the usual checks. It runs unedited with
 * {@code freshears run}; its checklist stays open until the user adds steps, which is the point.
 */
final class DraftChecklist {
    private DraftChecklist() {
    }

    static String write(Path mix, Analysis analysis, List<Finding> findings) {
        StringBuilder nb = new StringBuilder();
        long problems = findings.stream().filter(Finding::isProblem).count();
        nb.append("// %% [markdown]\n");
        nb.append("// # First listen: ").append(mix.getFileName()).append('\n');
        nb.append("//\n");
        nb.append(String.format(Locale.ROOT, "// Drafted by `freshears listen`: %d finding%s, %d of them problems. "
                + "Listen to each one,%n", findings.size(), findings.size() == 1 ? "" : "s", problems));
        nb.append("// keep the notes you agree with, add your own, then uncomment and tune the steps.\n");
        nb.append("// %%\n");
        nb.append("var s = session(").append(quote(mix.toString())).append(");\n");
        nb.append("s.listen(\"freshears listen: an objective first pass\");\n");
        for (Finding f : findings) {
            if (f.span() != null) {
                nb.append("s.note(span(").append(clock(f.span().fromSeconds())).append(", ")
                        .append(clock(f.span().toSeconds())).append("), ")
                        .append(quote(f.kind().jsonName() + ": " + f.evidence())).append(");\n");
            } else {
                nb.append("s.note(span(").append(clock(0)).append(", ").append(clock(analysis.durationSeconds()))
                        .append("), ").append(quote(f.kind().jsonName() + " (whole song): " + f.evidence())).append(");\n");
            }
        }
        nb.append("// %% [markdown]\n");
        nb.append("// ## Problem areas\n");
        nb.append("// Each problem finding with a band becomes a problem area: its band's level in its span, measured\n");
        nb.append("// before and after every step. The rest are notes above.\n");
        nb.append("// %%\n");
        int n = 0;
        StringBuilder steps = new StringBuilder();
        for (Finding f : findings) {
            if (!f.isProblem()) {
                if (!f.suggestedStep().isEmpty()) {
                    steps.append("// s.step(").append(quote(f.title())).append(", ").append(f.suggestedStep())
                            .append(");\n");
                }
                continue;
            }
            if (f.band() == null) {
                steps.append("// ").append(f.kind().jsonName()).append(": ").append(f.suggestion().replace('\n', ' '))
                        .append('\n');
                if (!f.suggestedStep().isEmpty()) {
                    steps.append("// s.step(").append(quote(f.title())).append(", ").append(f.suggestedStep())
                            .append(");\n");
                }
                continue;
            }
            n++;
            String name = "p" + n;
            double from = f.span() == null ? 0 : f.span().fromSeconds();
            double to = f.span() == null ? analysis.durationSeconds() : f.span().toSeconds();
            double top = analysis.sampleRate() / 2.0;
            nb.append("var ").append(name).append(" = s.problem(").append(quote(f.title())).append(", span(")
                    .append(clock(from)).append(", ").append(clock(to)).append("), band(")
                    .append(hz(f.band().lowHz())).append(", ").append(hz(Math.min(top, f.band().highHz())))
                    .append("));\n");
            if (!f.suggestedStep().isEmpty()) {
                steps.append("// s.step(").append(quote(f.title())).append(", ").append(f.suggestedStep())
                        .append(").addresses(").append(name).append(");\n");
            }
        }
        if (n == 0) {
            nb.append("// (no problem finding with a band)\n");
        }
        nb.append("// %% [markdown]\n");
        nb.append("// ## Suggested first moves (commented out: try one, listen at matched loudness, keep what helps)\n");
        nb.append("// %%\n");
        nb.append(steps);
        nb.append("// s.step(\"loudness\", limiter().ceilingDbtp(-1.0).targetLufs(-14));\n");
        nb.append("// %%\n");
        nb.append("s.check(\"streaming loudness\", integratedLufs(), within(-14, 1));\n");
        nb.append("s.check(\"true peak\", truePeakDbtp(), atMost(-1.0));\n");
        nb.append("s.check(\"kept dynamics\", plrDb(), atLeast(8));\n");
        nb.append("s.checklist()\n");
        return nb.toString();
    }

    private static String clock(double seconds) {
        long millis = Math.round(seconds * 1000);
        return quote(String.format(Locale.ROOT, "%d:%02d.%03d", millis / 60_000, millis / 1000 % 60, millis % 1000));
    }

    private static String hz(double hz) {
        return String.format(Locale.ROOT, "%.0f", Math.max(1, hz));
    }

    /** A Java string literal. */
    static String quote(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }

}
