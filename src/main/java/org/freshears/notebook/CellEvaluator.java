package org.freshears.notebook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.execution.LocalExecutionControlProvider;

/**
 * One in-process JShell that evaluates code cells, each snippet on a dedicated thread so a cell can be
 * timed out; that thread carries the run's {@link NotebookContext}. Not thread-safe: one per run.
 *
 * <p>Local execution loads snippet classes in a class loader whose parent is the application class
 * loader, so snippets see the very classes (and static state) of the host.
 */
final class CellEvaluator implements AutoCloseable {
    /**
     * How long stop requests are repeated before a cell is given up. JShell's stop() acts only while
     * user code runs (it is a no-op during compilation), so it is asked again every 50 ms.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private static final String COMPILATION_ERROR = "CompilationError";
    private static final long INTERRUPT_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Outcome of one cell: status, the value to show, and the failure when it did not end well. */
    record Outcome(CellStatus status, Optional<String> value, Optional<CellFailure> failure) {
    }

    private record Origin(int cellIndex, int firstLine) {
    }

    private static final Object HANDLER_LOCK = new Object();
    private static int evaluating;
    private static Thread.UncaughtExceptionHandler hostHandler;

    private final JShell jshell;
    private final CellOutputs outputs;
    private final ExecutorService evalThread;
    /** Made when a cell is first split: making it starts JShell's completion index (see {@link #evaluate}). */
    private SnippetSplitter splitter;
    private final Map<String, Origin> origins = new HashMap<>();
    private final MemoryReserve memoryReserve = new MemoryReserve();
    private volatile boolean abandoned;
    /** Set by {@link #interrupt} from another thread (a Jupyter client's interrupt), read by the waiting cell. */
    private volatile boolean interruptRequested;

    CellEvaluator(String hostClassPath, List<java.nio.file.Path> extraClassPath, NotebookContext context) {
        this(newShell(hostClassPath), extraClassPath, context);
    }

    /** An evaluator on a JShell {@linkplain #newShell built} beforehand (on another thread, say), which it now owns. */
    CellEvaluator(JShell jshell, List<java.nio.file.Path> extraClassPath, NotebookContext context) {
        this.jshell = jshell;
        this.outputs = context.outputs();
        for (java.nio.file.Path entry : extraClassPath) {
            jshell.addToClasspath(entry.toString()); // compiler and snippet class loader both
        }
        this.evalThread = Executors.newSingleThreadExecutor(task -> {
            // The run's context goes with its cells: JShell runs each snippet on a thread this one starts.
            Thread thread = new Thread(() -> {
                context.bindToThisThread();
                task.run();
            }, "notebook-cell");
            thread.setDaemon(true); // a cell that cannot be stopped must not keep the JVM alive
            return thread;
        });
    }

    /** An in-process JShell whose snippets see the host's classes (the evaluators' kind), nothing evaluated yet. */
    static JShell newShell(String hostClassPath) {
        return JShell.builder()
                .executionEngine(new LocalExecutionControlProvider(), Map.of())
                .compilerOptions("--class-path", hostClassPath)
                .build();
    }

    /** Evaluates imports every cell sees; a failing one is a setup fault, not a notebook's. */
    void preload(List<String> imports) {
        for (String source : imports) {
            for (SnippetEvent event : jshell.eval(source)) {
                if (event.causeSnippet() == null && event.status() == Snippet.Status.REJECTED) {
                    String why = jshell.diagnostics(event.snippet()).filter(Diag::isError)
                            .map(d -> oneLine(d.getMessage(Locale.ROOT))).findFirst().orElse("rejected");
                    throw new IllegalStateException("preloaded import does not compile: " + source + ": " + why);
                }
            }
        }
    }

    Outcome evaluate(int cellIndex, Cell cell, Duration timeout) {
        return evaluate(cellIndex, cell, pieces(cell.source()), timeout);
    }

    /**
     * Evaluates a cell already split into its snippets ({@link #pieces}, or as a run before split the same text):
     * an unchanged notebook's run never asks JShell for its source analysis, whose first use starts indexing every
     * class on the class path and in the JDK for completion, on a thread of its own: CPU a batch run never uses.
     */
    Outcome evaluate(int cellIndex, Cell cell, List<SnippetSplitter.Piece> pieces, Duration timeout) {
        interruptRequested = false; // an interrupt asked for while no cell ran is not this cell's
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<String> value = Optional.empty();
        for (StatementRuns.Run run : StatementRuns.of(cell.source(), pieces)) {
            List<SnippetSplitter.Piece> each = List.of(run.piece());
            if (run.joined()) {
                Step joined = evaluatePiece(cellIndex, cell, run.piece(), run.parts(), deadline, timeout);
                if (joined != null && joined.outcome() != null) {
                    return joined.outcome();
                }
                if (joined != null) {
                    value = joined.value();
                    continue;
                }
                each = run.parts(); // the block did not compile: its statements one by one, as ever
            }
            for (SnippetSplitter.Piece piece : each) {
                Step step = evaluatePiece(cellIndex, cell, piece, List.of(), deadline, timeout);
                if (step.outcome() != null) {
                    return step.outcome();
                }
                value = step.value();
            }
        }
        return new Outcome(CellStatus.OK, value, Optional.empty());
    }

    /** One snippet evaluated: how the cell ends there ({@code outcome}: it failed or stopped), else its value. */
    private record Step(Outcome outcome, Optional<String> value) {
    }

    /**
     * Evaluates one snippet, then shows what its statements deferred (a kernel). A joined block ({@code parts}: the
     * statements it joins, else empty) that does not compile gives null and has done nothing: its statements are to
     * be run one by one; one stopped is reported at the statement it was in.
     */
    private Step evaluatePiece(int cellIndex, Cell cell, SnippetSplitter.Piece piece, List<SnippetSplitter.Piece> parts,
            long deadline, Duration timeout) {
        boolean joined = !parts.isEmpty();
        int endedBefore = outputs.statementsEnded();
        List<SnippetEvent> events = evalWithin(piece.source(), deadline);
        int pieceLine = lineAt(cell, piece.offset());
        if (events == null && joined) {
            int ended = Math.max(0, Math.min(parts.size() - 1, outputs.statementsEnded() - endedBefore));
            pieceLine = lineAt(cell, parts.get(ended).offset()); // the statement it was stopped in
        }
        if (events == null && interruptRequested) {
            String message = "cell " + cellIndex + ", line " + pieceLine + ": interrupted";
            return new Step(new Outcome(CellStatus.FAILED, Optional.empty(), Optional.of(new CellFailure(cellIndex,
                    pieceLine, message, "Interrupted", "interrupted", List.of(message)))), Optional.empty());
        }
        if (events == null) {
            String after = describe(timeout);
            String message = "cell " + cellIndex + ", line " + pieceLine + ": timed out after " + after;
            return new Step(new Outcome(CellStatus.TIMED_OUT, Optional.empty(), Optional.of(new CellFailure(cellIndex,
                    pieceLine, message, "Timeout", "timed out after " + after, List.of(message)))), Optional.empty());
        }
        if (joined && events.stream().anyMatch(e -> e.causeSnippet() == null && e.status() == Snippet.Status.REJECTED)) {
            return null;
        }
        Optional<String> value = Optional.empty();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a knock-on update of an earlier snippet
            }
            Snippet snippet = event.snippet();
            origins.put(snippet.id(), new Origin(cellIndex, pieceLine));
            if (event.status() == Snippet.Status.REJECTED) {
                return new Step(failed(compileFailure(cellIndex, cell, piece, snippet)), Optional.empty());
            }
            if (event.exception() != null) {
                return new Step(failed(runtimeFailure(cellIndex, pieceLine, snippet, event.exception())),
                        Optional.empty());
            }
            value = shownValue(event);
        }
        if (outputs.live()) {
            outputs.showDeferred(); // a kernel shows a step's charts once its statement is done
        }
        return new Step(null, value);
    }

    /**
     * Stops the running cell, as a Jupyter client's interrupt asks (callable from any thread); the cell
     * ends FAILED with the error "Interrupted". Nothing happens when no cell is running.
     */
    void interrupt() {
        interruptRequested = true;
    }

    /** The heap held back while this JShell's cells run ({@link NotebookRunner} holds and gives it back). */
    MemoryReserve memoryReserve() {
        return memoryReserve;
    }

    /** False once a cell could not be stopped: its thread may still hold JShell, which is not used again. */
    boolean usable() {
        return !abandoned;
    }

    /** The source analysis of this JShell (completion, documentation, completeness), with its declarations. */
    jdk.jshell.SourceCodeAnalysis analysis() {
        return jshell.sourceCodeAnalysis();
    }

    /** Splits a cell into the snippets JShell evaluates, as {@link #evaluate} does. */
    List<SnippetSplitter.Piece> pieces(String cellSource) {
        SnippetSplitter made;
        synchronized (this) {
            if (splitter == null) {
                splitter = new SnippetSplitter(jshell.sourceCodeAnalysis());
            }
            made = splitter;
        }
        return made.split(cellSource);
    }

    @Override
    public void close() {
        if (abandoned) {
            // The runaway thread may hold JShell's locks; close from a daemon thread and do not wait long.
            Thread closer = new Thread(jshell::close, "notebook-close");
            closer.setDaemon(true);
            closer.start();
            try {
                closer.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            jshell.close();
        }
        evalThread.shutdownNow();
    }

    /** The snippet's events, or null when it ran past the deadline (and has been stopped or abandoned). */
    private List<SnippetEvent> evalWithin(String source, long deadlineNanos) {
        Future<List<SnippetEvent>> future = evalThread.submit(() -> evalKeepingHandler(source));
        try {
            // Waits in short slices so an interrupt from another thread is heard within 50 ms.
            while (true) {
                long left = deadlineNanos - System.nanoTime();
                try {
                    return future.get(Math.max(0, Math.min(left, INTERRUPT_POLL_NANOS)), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (interruptRequested || left <= INTERRUPT_POLL_NANOS) {
                        stop(future);
                        return null;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller is being cancelled: stop the cell, keep the flag
            stop(future);
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell failed: " + e.getCause(), e.getCause());
        }
    }

    private List<SnippetEvent> evalKeepingHandler(String source) {
        // LocalExecutionControl installs a JVM-wide default uncaught-exception handler on every
        // invocation; the host's own handler is put back when the last of the runs evaluating at the
        // same time is done (runs overlap, so each cannot simply restore what it found).
        synchronized (HANDLER_LOCK) {
            if (evaluating++ == 0) {
                hostHandler = Thread.getDefaultUncaughtExceptionHandler();
            }
        }
        try {
            return jshell.eval(source);
        } finally {
            synchronized (HANDLER_LOCK) {
                if (--evaluating == 0) {
                    Thread.setDefaultUncaughtExceptionHandler(hostHandler);
                }
            }
        }
    }

    private void stop(Future<?> future) {
        long end = System.nanoTime() + STOP_GRACE.toNanos();
        boolean interrupted = Thread.interrupted();
        try {
            while (System.nanoTime() < end) {
                jshell.stop();
                try {
                    future.get(50, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException stillRunning) {
                    // ask again
                } catch (ExecutionException | java.util.concurrent.CancellationException done) {
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            // Thread.stop is gone from JDK 20 on: JShell then stops only loops in snippet code (which it
            // instruments) and blocking calls (by interrupting). A busy loop inside a library cannot be
            // stopped; its daemon thread is left running and this JShell is not used again.
            abandoned = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Outcome failed(CellFailure failure) {
        return new Outcome(CellStatus.FAILED, Optional.empty(), Optional.of(failure));
    }

    private CellFailure compileFailure(int cellIndex, Cell cell, SnippetSplitter.Piece piece, Snippet snippet) {
        Optional<Diag> error = jshell.diagnostics(snippet).filter(Diag::isError).findFirst();
        String message = error.map(d -> oneLine(d.getMessage(Locale.ROOT))).orElse("does not compile");
        long position = error.map(Diag::getStartPosition).orElse(-1L);
        int offset = piece.offset() + (int) Math.max(0, Math.min(position, piece.source().length() - 1));
        offset = Math.min(offset, Math.max(0, cell.source().length() - 1));
        int line = lineAt(cell, offset);
        List<String> traceback = new ArrayList<>();
        traceback.add("cell " + cellIndex + ", line " + line + ": " + message);
        String[] cellLines = cell.source().split("\n", -1);
        int lineStart = cell.source().lastIndexOf('\n', offset - 1) + 1;
        traceback.add(cellLines[line - cell.firstLine()]);
        traceback.add(" ".repeat(Math.max(0, offset - lineStart)) + "^");
        return CellFailure.of(cellIndex, line, COMPILATION_ERROR, message, traceback, false);
    }

    private CellFailure runtimeFailure(int cellIndex, int pieceLine, Snippet snippet, JShellException exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            Snippet declaration = unresolved.getSnippet();
            String needs = String.join(", ", jshell.unresolvedDependencies(
                    (jdk.jshell.DeclarationSnippet) declaration).toList());
            String message = "cannot use " + nameOf(declaration) + " until " + needs + " is declared";
            return CellFailure.of(cellIndex, pieceLine, "UnresolvedReference", message,
                    List.of("UnresolvedReference: " + message), false);
        }
        String className = exception instanceof EvalException e ? e.getExceptionClassName()
                : exception.getClass().getName();
        String name = className.substring(className.lastIndexOf('.') + 1);
        String value = exception.getMessage() == null ? "" : exception.getMessage();
        int line = pieceLine;
        String ownFile = "#" + snippet.id();
        for (StackTraceElement frame : exception.getStackTrace()) {
            if (ownFile.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                line = pieceLine + frame.getLineNumber() - 1;
                break;
            }
        }
        return CellFailure.of(cellIndex, line, name, value, traceback(exception));
    }

    private List<String> traceback(Throwable exception) {
        List<String> lines = new ArrayList<>();
        String prefix = "";
        for (Throwable t = exception; t != null; t = t.getCause(), prefix = "Caused by: ") {
            String className = t instanceof EvalException e ? e.getExceptionClassName() : t.getClass().getName();
            lines.add(prefix + className + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            for (StackTraceElement frame : t.getStackTrace()) {
                String cls = frame.getClassName();
                if (cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.")
                        || cls.startsWith("jdk.jshell.")) {
                    break; // below the snippet: JShell's own machinery
                }
                lines.add("    at " + frameText(frame));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return lines;
    }

    private String frameText(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            Origin origin = origins.get(file.substring(1));
            if (origin != null) {
                String where = "cell " + origin.cellIndex() + ", line "
                        + (origin.firstLine() + Math.max(1, frame.getLineNumber()) - 1);
                return frame.getMethodName().isEmpty() || "do_it$".equals(frame.getMethodName()) ? where : frame.getMethodName() + " (" + where + ")";
            }
        }
        return frame.toString();
    }

    private static Optional<String> shownValue(SnippetEvent event) {
        String value = event.value();
        if (value == null) {
            return Optional.empty();
        }
        return ShownValues.shows(event.snippet()) ? Optional.of(value) : Optional.empty();
    }

    private static String nameOf(Snippet snippet) {
        if (snippet instanceof jdk.jshell.MethodSnippet m) {
            return "method " + m.name() + "(" + m.parameterTypes() + ")";
        }
        if (snippet instanceof jdk.jshell.TypeDeclSnippet t) {
            return "class " + t.name();
        }
        if (snippet instanceof jdk.jshell.VarSnippet v) {
            return "variable " + v.name();
        }
        return snippet.source().strip();
    }

    /** "cannot find symbol\n  symbol: variable foo\n  location: ..." -> "cannot find symbol: variable foo". */
    static String oneLine(String diagnostic) {
        String[] lines = diagnostic.split("\\R");
        StringBuilder out = new StringBuilder(lines[0].strip());
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("symbol:")) {
                out.append(": ").append(line.substring("symbol:".length()).strip());
            }
        }
        return out.toString();
    }

    private static int lineAt(Cell cell, int offset) {
        String source = cell.source();
        int line = cell.firstLine();
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis >= 60_000 && millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + " s";
        }
        if (millis < 1_000) {
            return millis + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
