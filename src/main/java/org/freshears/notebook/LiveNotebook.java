package org.freshears.notebook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/**
 * A notebook whose cells arrive one at a time, as a Jupyter client sends them: one JShell kept across
 * cells (the variables of one cell are there in the next), each cell run and its outputs collected as
 * {@link NotebookRunner} runs a file's cells, plus what an editor asks between cells: completions, a
 * method's signature, whether typed code is complete. The cells see {@code context} and no other
 * notebook's, so one JVM may hold several. Cells run one at a time (not thread-safe), except
 * {@link #interrupt}, which any thread may call.
 */
public final class LiveNotebook implements AutoCloseable {
    private final NotebookRunner runner;
    private final NotebookContext context;
    private final CellEvaluator evaluator;
    private int executionCount;
    private final IdleHeap idleHeap = new IdleHeap();

    /** Starts the JShell and evaluates the runner's imports (a failing import throws: a setup fault). */
    public LiveNotebook(NotebookRunner runner, NotebookContext context) {
        CellStreams.install();
        this.runner = runner;
        this.context = context;
        this.evaluator = new CellEvaluator(System.getProperty("java.class.path", ""), runner.extraClassPath(), context);
        try {
            evaluator.preload(runner.imports());
        } catch (RuntimeException e) {
            evaluator.close();
            throw e;
        }
    }

    /**
     * Runs one cell; its index (in messages: "cell 3, line 2") is its execution count, as Jupyter's
     * {@code In [3]} shows it. A cell that cannot run because an earlier one could not be stopped says so.
     */
    public CellRun execute(String source) {
        int count = ++executionCount;
        Cell cell = Cell.code(source, 1);
        if (!evaluator.usable()) {
            String message = "cell " + count + ": an earlier cell could not be stopped; restart the kernel";
            return new CellRun(count, cell, CellStatus.FAILED, count, "", "", Optional.empty(), List.of(),
                    Optional.of(new CellFailure(count, 1, message, "KernelUnusable", message, List.of(message))),
                    java.time.Duration.ZERO);
        }
        idleHeap.cellStarting();
        try {
            return runner.runCell(evaluator, context.outputs(), count, cell, count);
        } finally {
            idleHeap.cellEnded();
        }
    }

    /** Stops the running cell (its result is the error "Interrupted"); from any thread. */
    public void interrupt() {
        evaluator.interrupt();
    }

    /** The execution count of the last cell run (0 before the first). */
    public int executionCount() {
        return executionCount;
    }

    public NotebookContext context() {
        return context;
    }

    /**
     * What may be typed at {@code cursor} (a char index into {@code code}): the names JShell's source
     * analysis offers, those that match the type first, and the range of {@code code} they replace.
     */
    public Completions complete(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        int start = snippetStart(code, at);
        String snippet = code.substring(start, at);
        int[] anchor = new int[1];
        List<Suggestion> suggestions = evaluator.analysis().completionSuggestions(snippet, snippet.length(), anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(Suggestion::matchesType).forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completions(List.copyOf(matches), start + anchor[0], at);
    }

    /** Completion candidates replacing {@code code[start, end)}. */
    public record Completions(List<String> matches, int start, int end) {
        public Completions {
            matches = List.copyOf(matches);
        }
    }

    /**
     * The signatures (with parameter names: {@code bell(double freqHz, double gainDb)}) and any
     * documentation of the method or type at {@code cursor}; empty when nothing is there.
     */
    public List<String> inspect(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        // Inside "bell(27" the call is what the user asks about: JShell documents the method whose
        // argument list the cursor is in, or the name just before it.
        int start = snippetStart(code, at);
        String snippet = code.substring(start, at);
        List<String> shown = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation doc : evaluator.analysis().documentation(snippet, snippet.length(), true)) {
            String text = doc.signature();
            if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
                text += "\n" + doc.javadoc().strip();
            }
            shown.add(text);
        }
        if (shown.isEmpty()) {
            // At the start of a name ("bel|l(") the analysis wants the cursor after it.
            int end = at;
            while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                end++;
            }
            if (end > at) {
                return inspect(code, end);
            }
        }
        return shown;
    }

    /** Whether code is ready to run as Jupyter's is_complete asks: "complete", "incomplete" or "invalid". */
    public String completeness(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = evaluator.analysis().analyzeCompletion(rest);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return "incomplete";
                }
                case UNKNOWN -> {
                    return "invalid";
                }
                case EMPTY -> {
                    return "complete";
                }
                default -> rest = info.remaining();
            }
        }
        return "complete";
    }

    /** Where the snippet that holds {@code cursor} starts in {@code code}. */
    private int snippetStart(String code, int cursor) {
        int start = 0;
        for (SnippetSplitter.Piece piece : evaluator.pieces(code.substring(0, cursor))) {
            start = piece.offset();
        }
        return start;
    }

    @Override
    public void close() {
        idleHeap.close();
        evaluator.close();
        // Nothing is written into the output folder once the notebook is closed: its last step's listening file
        // may still be encoding.
        context.sessionContext().display().finished();
    }
}
