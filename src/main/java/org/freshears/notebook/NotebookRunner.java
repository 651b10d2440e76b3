package org.freshears.notebook;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.freshears.session.CacheKeys;
import org.freshears.session.ResultCache;

/**
 * Runs a notebook's code cells in order in one in-process JShell (local execution), so the cells share
 * variables with each other and classes with the host. Each cell's {@code System.out} and
 * {@code System.err} are captured, and so are the rich outputs it attaches through its run's
 * {@link NotebookContext}, which the runner binds to the thread it runs the cells on. The first cell that does not compile, throws, or outlives the cell timeout ends
 * the run; the cells after it are NOT_RUN, and what ran is returned all the same.
 *
 * <p>Immutable: the {@code with...} methods return configured copies.
 */
public final class NotebookRunner {
    /** Long enough for a full-length render of a long mix on a slow machine. */
    public static final Duration DEFAULT_CELL_TIMEOUT = Duration.ofMinutes(10);

    /**
     * What every notebook starts with: the jshell tool's DEFAULT startup imports (so a notebook reads
     * like a {@code freshears shell} session) and the mastering DSL.
     */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            "import java.util.stream.*;",
            "import static org.freshears.Mastering.*;");

    private final List<String> imports;
    private final Duration cellTimeout;
    private final List<Path> extraClassPath;
    private final NotebookListener listener;

    public NotebookRunner() {
        this(DEFAULT_IMPORTS, DEFAULT_CELL_TIMEOUT, List.of(), NotebookListener.NONE);
    }

    private NotebookRunner(List<String> imports, Duration cellTimeout, List<Path> extraClassPath,
            NotebookListener listener) {
        this.imports = List.copyOf(imports);
        this.cellTimeout = Objects.requireNonNull(cellTimeout, "cellTimeout");
        if (cellTimeout.isNegative() || cellTimeout.isZero()) {
            throw new IllegalArgumentException("cell timeout must be > 0, got " + cellTimeout);
        }
        this.extraClassPath = List.copyOf(extraClassPath);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Replaces the imports evaluated before the first cell (each a complete import declaration). */
    public NotebookRunner withImports(List<String> newImports) {
        return new NotebookRunner(newImports, cellTimeout, extraClassPath, listener);
    }

    public NotebookRunner withCellTimeout(Duration newCellTimeout) {
        return new NotebookRunner(imports, newCellTimeout, extraClassPath, listener);
    }

    /** Adds class path entries (jars, class folders) beyond the host's own class path. */
    public NotebookRunner withClassPath(List<Path> entries) {
        return new NotebookRunner(imports, cellTimeout, entries, listener);
    }

    public NotebookRunner withListener(NotebookListener newListener) {
        return new NotebookRunner(imports, cellTimeout, extraClassPath, newListener);
    }

    public List<String> imports() {
        return imports;
    }

    public Duration cellTimeout() {
        return cellTimeout;
    }

    List<Path> extraClassPath() {
        return extraClassPath;
    }

    /** Runs the notebook with a context of its own (outputs in the working folder, nothing shown). */
    public NotebookRun run(Notebook notebook) {
        return run(notebook, NotebookContext.standalone());
    }

    /**
     * Runs the notebook, its cells seeing {@code context} (and no other run's). Several runs may go on at
     * once in one JVM. Throws only when the JShell itself cannot be set up (a preloaded import does not
     * compile); faults of the notebook's code come back in the result.
     */
    public NotebookRun run(Notebook notebook, NotebookContext context) {
        return run(notebook, context, null);
    }

    /**
     * Runs the notebook as {@link #run(Notebook, NotebookContext)} does, in the JShell {@code started} has been
     * building meanwhile (taken if nobody took it yet; else, or when null, a JShell built now).
     */
    public NotebookRun run(Notebook notebook, NotebookContext context, ShellStart started) {
        CellStreams.install();
        long start = System.nanoTime();
        List<Cell> cells = notebook.cells();
        List<CellRun> runs = new ArrayList<>();
        // Every cell is compiled first, alongside the evaluator's set-up: a cell that cannot compile is
        // found before any cell runs. Cells this build has already seen compile are not compiled twice: an
        // unchanged notebook's re-run spends its second core on its work instead (about a second of CPU).
        ResultCache cache = context.sessionContext().cache();
        List<String> codeSources = cells.stream().filter(Cell::isCode).map(Cell::source).toList();
        // Only the imports whose names the cells write: each costs JShell a compile (ImportsInUse). Another
        // class path's packages cannot be looked into here, so with one every import is kept.
        // Keyed by every import: the ones used are a function of them and the cells.
        String compilesKey = extraClassPath.isEmpty() ? CacheKeys.cellsCompile(cache.namespace(), this.imports,
                codeSources) : null;
        boolean knownToCompile = compilesKey != null && Boolean.TRUE.equals(cache.get(compilesKey, Boolean.class));
        String importsKey = extraClassPath.isEmpty() ? CacheKeys.importsInUse(cache.namespace(), javaRuntime(),
                this.imports, codeSources) : null;
        List<String> knownImports = knownToCompile ? cachedImports(cache, importsKey) : null;
        List<String> imports = knownImports != null ? knownImports : extraClassPath.isEmpty()
                ? ImportsInUse.among(this.imports, codeSources, NotebookRunner.class.getClassLoader()) : this.imports;
        CellPrecheck precheck = new CellPrecheck(System.getProperty("java.class.path", ""), extraClassPath, imports,
                this.imports);
        CompletableFuture<Optional<CellFailure>> compiled = knownToCompile
                ? CompletableFuture.completedFuture(Optional.empty()) : precheck.start(cells);
        Optional<CellFailure> failure;
        jdk.jshell.JShell shell = started == null ? null : started.take();
        try (CellEvaluator evaluator = shell != null ? new CellEvaluator(shell, extraClassPath, context)
                : new CellEvaluator(System.getProperty("java.class.path", ""), extraClassPath, context)) {
            evaluator.preload(imports);
            failure = compiled.join();
            if (!knownToCompile && compilesKey != null && precheck.passed()) {
                cache.put(compilesKey, Boolean.TRUE);
            }
            if (knownImports == null && importsKey != null && (knownToCompile || precheck.passed())) {
                cache.put(importsKey, imports);
            }
            if (failure.isPresent()) {
                runs.addAll(CellPrecheck.runsStoppedBy(cells, failure.get()));
            }
            List<List<SnippetSplitter.Piece>> pieces = failure.isPresent() ? null
                    : piecesOf(evaluator, cache, codeSources, knownToCompile || precheck.passed());
            int executionCount = 0;
            for (int i = runs.size(); i < cells.size(); i++) {
                Cell cell = cells.get(i);
                int index = i + 1;
                if (!cell.isCode()) {
                    runs.add(CellRun.markdown(index, cell));
                } else if (failure.isPresent()) {
                    runs.add(CellRun.notRun(index, cell));
                } else {
                    listener.cellStarted(index, cells.size(), cell);
                    CellRun run = runCell(evaluator, context.outputs(), index, cell, pieces.get(executionCount),
                            ++executionCount);
                    runs.add(run);
                    failure = run.failure();
                    listener.cellFinished(run, cells.size());
                }
            }
        }
        return new NotebookRun(notebook, runs, failure, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The imports in use ({@link ImportsInUse}) found for these very imports and cells by this build on this Java
     * runtime, or null. Looking every word of the cells up in every imported package took about 0.3 s of an
     * unchanged notebook's run. Only a list kept once the cells were seen to compile with it is read, so a list
     * that once left out an import the cells need is never kept.
     */
    private List<String> cachedImports(ResultCache cache, String key) {
        List<?> kept = cache.get(key, List.class);
        if (kept == null || !kept.stream().allMatch(line -> line instanceof String && imports.contains(line))) {
            return null;
        }
        return kept.stream().map(String.class::cast).toList();
    }

    /**
     * Every code cell cut into its snippets: as a run of these very cells on this build and Java runtime cut them
     * (kept in the cache once the cells were seen to compile), else cut now ({@link SnippetSplitter}) and kept when
     * {@code compiles}. Cutting needs JShell's source analysis, whose first use sets a thread indexing every class
     * of the class path and the JDK for completion: an unchanged notebook's run now never starts it.
     */
    private static List<List<SnippetSplitter.Piece>> piecesOf(CellEvaluator evaluator, ResultCache cache,
            List<String> codeSources, boolean compiles) {
        String key = CacheKeys.cellSnippets(cache.namespace(), javaRuntime(), codeSources);
        List<List<SnippetSplitter.Piece>> kept = compiles ? keptPieces(cache.get(key, List.class), codeSources)
                : null;
        if (kept != null) {
            return kept;
        }
        List<List<SnippetSplitter.Piece>> cut = codeSources.stream().map(evaluator::pieces).toList();
        if (compiles) {
            // Each cell as a list of strings: the offset of a snippet, then its source, for each snippet in turn.
            cache.put(key, cut.stream().map(cell -> cell.stream()
                    .flatMap(piece -> java.util.stream.Stream.of(Integer.toString(piece.offset()), piece.source()))
                    .toList()).toList());
        }
        return cut;
    }

    /** The snippets kept for these cells, checked to lie within them; null when there are none or they do not fit. */
    private static List<List<SnippetSplitter.Piece>> keptPieces(List<?> kept, List<String> codeSources) {
        if (kept == null || kept.size() != codeSources.size()) {
            return null;
        }
        List<List<SnippetSplitter.Piece>> cells = new ArrayList<>();
        for (int c = 0; c < kept.size(); c++) {
            if (!(kept.get(c) instanceof List<?> strings) || strings.size() % 2 != 0) {
                return null;
            }
            List<SnippetSplitter.Piece> pieces = new ArrayList<>();
            for (int i = 0; i < strings.size(); i += 2) {
                if (!(strings.get(i) instanceof String offset) || !(strings.get(i + 1) instanceof String source)) {
                    return null;
                }
                int at;
                try {
                    at = Integer.parseInt(offset);
                } catch (NumberFormatException e) {
                    return null;
                }
                if (at < 0 || at > codeSources.get(c).length()) {
                    return null;
                }
                pieces.add(new SnippetSplitter.Piece(source, at));
            }
            cells.add(List.copyOf(pieces));
        }
        return List.copyOf(cells);
    }

    /** The Java runtime JShell compiles against (its version and home), which the kept imports and snippets depend on. */
    private static String javaRuntime() {
        return Runtime.version() + " " + System.getProperty("java.home");
    }

    /** The host's stderr (a terminal), also while cells' streams are being captured. */
    public static PrintStream terminal() {
        return CellStreams.host(System.err);
    }

    private static CellEvaluator.Outcome crashed(int index, Cell cell, Throwable crash) {
        Throwable cause = crash.getCause() != null && crash instanceof IllegalStateException ? crash.getCause() : crash;
        String what = "the evaluation failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + CellEvaluator.oneLine(cause.getMessage()));
        return new CellEvaluator.Outcome(CellStatus.FAILED, Optional.empty(), Optional.of(
                CellFailure.of(index, cell.firstLine(), cause.getClass().getSimpleName(), what, List.of(what), false)));
    }

    /** Evaluates one cell in {@code evaluator}, collecting its outputs; also how {@link LiveNotebook} runs its cells. */
    CellRun runCell(CellEvaluator evaluator, CellOutputs outputs, int index, Cell cell, int executionCount) {
        return runCell(evaluator, outputs, index, cell, evaluator.pieces(cell.source()), executionCount);
    }

    private CellRun runCell(CellEvaluator evaluator, CellOutputs outputs, int index, Cell cell,
            List<SnippetSplitter.Piece> pieces, int executionCount) {
        long start = System.nanoTime();
        CellEvaluator.Outcome outcome;
        CellOutputs.Shown shown;
        outputs.cellStarted();
        MemoryReserve reserve = evaluator.memoryReserve();
        reserve.hold();
        try {
            outcome = evaluator.evaluate(index, cell, pieces, cellTimeout);
        } catch (OutOfMemoryError crash) {
            reserve.release();
            outcome = crashed(index, cell, crash);
        } catch (RuntimeException | Error crash) {
            // JShell itself failed (out of memory while compiling, an internal error): this cell is
            // reported like any failing cell, so the cells before it keep their outputs.
            outcome = crashed(index, cell, crash);
        } finally {
            shown = outputs.cellFinished();
        }
        if (reserve.held() && outcome.failure().filter(f -> f.errorName().equals("OutOfMemoryError")).isPresent()) {
            reserve.release(); // the cell's data is freed only when the JShell closes, after this cell
        }
        reserve.cellDone();
        return new CellRun(index, cell, outcome.status(), executionCount, shown.stdout(), shown.stderr(),
                outcome.value(), shown.displays(), outcome.failure(), Duration.ofNanos(System.nanoTime() - start));
    }
}
