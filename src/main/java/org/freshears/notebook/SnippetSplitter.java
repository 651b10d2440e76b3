package org.freshears.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Cuts a code cell into the snippets JShell evaluates one at a time, the way the jshell tool reads typed
 * lines, plus one rule for chains:
 * <ul>
 *   <li>The Java grammar decides where a snippet ends ({@link SourceCodeAnalysis#analyzeCompletion}), so
 *       a statement may span lines and several may share one.</li>
 *   <li>As in the jshell tool, a line that completes a statement may leave out its {@code ;}.</li>
 *   <li>A statement that is complete at the end of a line continues when the next code line (blank and
 *       {@code //} lines skipped) cannot start a statement of its own: it starts with {@code .} (a call
 *       chain; {@code .5} is a number, not a continuation), with a binary operator, {@code ,}, {@code )},
 *       {@code ?}, {@code :}, {@code ->}, {@code ::}, or with {@code else}, {@code catch}, {@code finally}.
 *       Without this rule, {@code s.step("x", a)} would run on its own and {@code .addresses(b);} fail.
 *       A line ending in {@code ;} is still a finished statement: a {@code .} line after it is an error.</li>
 * </ul>
 * Snippets keep their offset in the cell, so a compiler position maps back to a line of the file.
 */
final class SnippetSplitter {
    private static final Pattern CONTINUATION = Pattern.compile(
            "^(?:\\.(?![0-9])|->|::|&&|\\|\\||\\+(?!\\+)|-(?!-)|\\*|/(?![/*])|%|==|!=|<|>|\\^|\\||&|,|\\)|\\?|:"
                    + "|=|(?:else|catch|finally|instanceof)\\b)");

    /** A complete snippet and where it starts in the cell. source may end in a ';' JShell added. */
    record Piece(String source, int offset) {
    }

    private final SourceCodeAnalysis analysis;

    SnippetSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    List<Piece> split(String cell) {
        List<Piece> pieces = new ArrayList<>();
        int length = cell.length();
        int cursor = 0;
        while (true) {
            while (cursor < length && Character.isWhitespace(cell.charAt(cursor))) {
                cursor++;
            }
            if (cursor >= length) {
                return pieces;
            }
            int lineEnd = lineEnd(cell, cursor);
            while (true) {
                String prefix = cell.substring(cursor, lineEnd);
                CompletionInfo info = analysis.analyzeCompletion(prefix);
                boolean atEnd = lineEnd >= length;
                switch (info.completeness()) {
                    case EMPTY -> {
                        cursor = lineEnd; // only comments so far
                    }
                    case COMPLETE, COMPLETE_WITH_SEMI, UNKNOWN -> {
                        // UNKNOWN: the analyzer cannot tell (a syntax error): let eval report it.
                        String remaining = info.remaining() == null ? "" : info.remaining();
                        String source = info.source() == null ? prefix : info.source();
                        if (!remaining.isBlank()) {
                            pieces.add(new Piece(source, cursor));
                            cursor += prefix.length() - remaining.length();
                        } else if (!atEnd && continues(cell, lineEnd)) {
                            lineEnd = lineEnd(cell, lineEnd + 1);
                            continue;
                        } else {
                            pieces.add(new Piece(source, cursor));
                            cursor = lineEnd;
                        }
                    }
                    default -> { // DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE
                        if (!atEnd) {
                            lineEnd = lineEnd(cell, lineEnd + 1);
                            continue;
                        }
                        pieces.add(new Piece(prefix, cursor)); // eval reports what is missing
                        cursor = lineEnd;
                    }
                }
                break;
            }
        }
    }

    /** Whether the first code line after the line ending at lineEnd continues the statement before it. */
    static boolean continues(String cell, int lineEnd) {
        int start = lineEnd + 1;
        while (start < cell.length()) {
            int end = lineEnd(cell, start);
            String line = cell.substring(start, end).strip();
            if (!line.isEmpty() && !line.startsWith("//")) {
                return CONTINUATION.matcher(line).lookingAt();
            }
            start = end + 1;
        }
        return false;
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }
}
