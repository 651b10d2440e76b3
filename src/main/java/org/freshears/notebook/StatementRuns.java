package org.freshears.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins a cell's consecutive call statements ({@code s.step(...).addresses(mud);}) into one block that JShell
 * compiles once. JShell compiles every snippet on its own, and an expression statement twice (once to learn
 * its type): a step cell of four calls cost four compilations where one does, 0.15-0.3 s of a kernel's edited
 * cell on 2 cores and as much of a cached run.
 *
 * <p>What a block changes, and why it does not matter here: a call's value is kept in no {@code $N} variable
 * (the DSL's calls are not read back that way), and only calls are joined, never declarations (a block's
 * variables would not outlive it), nor the cell's last snippet, whose value the cell shows. The block keeps
 * every line where it was (the opening brace shares the first line), so a runtime error names the line it
 * names today; after each call it tells the cell its statement ended ({@link #statementEnded}), where a kernel
 * shows that step's charts. A block that does not compile is run again snippet by snippet (by the caller), so
 * the calls before a compile error run and the error points where it always did.
 */
final class StatementRuns {
    /** A call chain's start: names joined by dots, then an argument list. */
    private static final Pattern CALL = Pattern.compile(
            "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                    + "(?:\\s*\\.\\s*\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*\\s*\\(");
    /** Statements that look like calls but are not ({@code if (...)}), or whose meaning a block would change. */
    private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "synchronized", "try",
            "catch", "do", "return", "throw", "assert", "yield", "this", "super", "new");
    /** What the block says after each call: the hook {@link #statementEnded}. */
    static final String STATEMENT_END = " " + CellStatements.class.getName() + ".ended();";

    private StatementRuns() {
    }

    /**
     * What JShell evaluates, in order: one snippet ({@code parts} empty), or a block of several ({@code parts}:
     * the snippets it joins, for running them one by one when it does not compile).
     */
    record Run(SnippetSplitter.Piece piece, List<SnippetSplitter.Piece> parts) {
        Run {
            parts = List.copyOf(parts);
        }

        boolean joined() {
            return !parts.isEmpty();
        }
    }

    /** The cell's snippets as runs: each run of two or more joinable calls becomes a block. */
    static List<Run> of(String cell, List<SnippetSplitter.Piece> pieces) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < pieces.size()) {
            int end = i;
            while (end < pieces.size() - 1 && joinable(pieces.get(end).source())) { // never the cell's last
                end++;
            }
            if (end - i >= 2) {
                List<SnippetSplitter.Piece> parts = pieces.subList(i, end);
                runs.add(new Run(block(cell, parts), parts));
                i = end;
            } else {
                runs.add(new Run(pieces.get(i), List.of()));
                i++;
            }
        }
        return runs;
    }

    /** A call statement ending in its own {@code ;}, nothing after it (a comment would swallow the hook). */
    static boolean joinable(String source) {
        String code = withoutLeadingComments(source);
        if (!code.endsWith(";") || code.contains("//") || code.contains("/*")) {
            return false; // a comment inside or after it: left alone
        }
        Matcher call = CALL.matcher(code);
        if (!call.lookingAt()) {
            return false;
        }
        int nameEnd = 0;
        while (nameEnd < code.length() && Character.isJavaIdentifierPart(code.charAt(nameEnd))) {
            nameEnd++;
        }
        return !KEYWORDS.contains(code.substring(0, nameEnd));
    }

    /**
     * The block: the parts as the cell has them, the cell's line ends between them kept (so every line keeps its
     * number), each followed by the statement-end hook on its last line.
     */
    private static SnippetSplitter.Piece block(String cell, List<SnippetSplitter.Piece> parts) {
        StringBuilder block = new StringBuilder("{");
        for (int p = 0; p < parts.size(); p++) {
            SnippetSplitter.Piece part = parts.get(p);
            if (p > 0) {
                SnippetSplitter.Piece before = parts.get(p - 1);
                int lineEnds = count(cell.substring(before.offset(), part.offset())) - count(before.source().strip());
                block.append("\n".repeat(Math.max(0, lineEnds)));
            }
            block.append(part.source().strip()).append(STATEMENT_END);
        }
        return new SnippetSplitter.Piece(block.append("\n}").toString(), parts.get(0).offset());
    }

    private static String withoutLeadingComments(String source) {
        String code = source.strip();
        while (code.startsWith("//") || code.startsWith("/*")) {
            int end = code.startsWith("//") ? code.indexOf('\n') : code.indexOf("*/");
            if (end < 0) {
                return "";
            }
            code = code.substring(end + (code.startsWith("//") ? 1 : 2)).strip();
        }
        return code;
    }

    private static int count(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
