package org.freshears.notebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Compiles every code cell, in order, before any runs, so a misspelt name in the last cell is reported
 * at once instead of after the cells above it have rendered (a real song takes many seconds), and with a
 * hint ({@link DslNames}).
 *
 * <p>The cells go through a scratch JShell whose execution engine loads the compiled snippets but never
 * runs them: declarations are declared (so later cells see earlier cells' variables, with the types
 * {@code var} infers, and methods and classes), and nothing a cell does happens. What passes here can
 * still fail when it runs, and is reported then.
 */
final class CellPrecheck {
    private final String hostClassPath;
    private final List<Path> extraClassPath;
    private final List<String> imports;
    private final DslNames names;

    /** Set once the check ran to its end and every cell compiled (not when the check itself failed). */
    private volatile boolean passed;

    CellPrecheck(String hostClassPath, List<Path> extraClassPath, List<String> imports) {
        this(hostClassPath, extraClassPath, imports, imports);
    }

    /**
     * @param imports what the cells are compiled with
     * @param dslImports where the hints for misspelt names come from: the run's every import, also when the
     *                   cells are compiled with only those they use ({@link ImportsInUse})
     */
    CellPrecheck(String hostClassPath, List<Path> extraClassPath, List<String> imports, List<String> dslImports) {
        this.hostClassPath = hostClassPath;
        this.extraClassPath = List.copyOf(extraClassPath);
        this.imports = List.copyOf(imports);
        this.names = DslNames.fromImports(dslImports);
    }

    /**
     * Starts {@link #firstFault} on a thread of its own, so it overlaps the evaluator's set-up. A failure
     * of the check itself counts as no fault: the cells' real run reports whatever is wrong.
     */
    CompletableFuture<Optional<CellFailure>> start(List<Cell> cells) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Optional<CellFailure> fault = firstFault(cells);
                passed = fault.isEmpty();
                return fault;
            } catch (RuntimeException checkFailed) {
                return Optional.empty();
            }
        }, task -> {
            Thread thread = new Thread(task, "notebook-precheck");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** True once {@link #start}'s check has finished and found every cell compiling. */
    boolean passed() {
        return passed;
    }

    /** The cells of a notebook stopped by a compile fault: none ran, the faulty one failed. */
    static List<CellRun> runsStoppedBy(List<Cell> cells, CellFailure failure) {
        List<CellRun> runs = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            runs.add(!cell.isCode() ? CellRun.markdown(i + 1, cell)
                    : failure.cellIndex() == i + 1 ? CellRun.failedToCompile(i + 1, cell, failure)
                    : CellRun.notRun(i + 1, cell));
        }
        return runs;
    }

    /** The first cell that does not compile (cell indices count Markdown cells, as the runner does). */
    Optional<CellFailure> firstFault(List<Cell> cells) {
        try (JShell scratch = JShell.builder()
                .executionEngine(new CompileOnly(), Map.of())
                .compilerOptions("--class-path", hostClassPath)
                .build()) {
            for (Path entry : extraClassPath) {
                scratch.addToClasspath(entry.toString());
            }
            for (String source : imports) {
                if (scratch.eval(source).stream().anyMatch(e -> e.status() == Snippet.Status.REJECTED)) {
                    return Optional.empty(); // a setup fault: the runner's own preload reports it
                }
            }
            SnippetSplitter splitter = new SnippetSplitter(scratch.sourceCodeAnalysis());
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                if (!cell.isCode()) {
                    continue;
                }
                for (SnippetSplitter.Piece piece : splitter.split(cell.source())) {
                    for (SnippetEvent event : scratch.eval(piece.source())) {
                        if (event.causeSnippet() == null && event.status() == Snippet.Status.REJECTED) {
                            return Optional.of(failure(scratch, i + 1, cell, piece, event.snippet()));
                        }
                    }
                }
            }
            return Optional.empty();
        }
    }

    private CellFailure failure(JShell scratch, int cellIndex, Cell cell, SnippetSplitter.Piece piece,
            Snippet snippet) {
        Optional<Diag> error = scratch.diagnostics(snippet).filter(Diag::isError).findFirst();
        String message = error.map(d -> names.explain(d.getMessage(Locale.ROOT))).orElse("does not compile");
        long position = error.map(Diag::getPosition).orElse(-1L); // where javac points: the misspelt name itself
        int offset = piece.offset() + (int) Math.max(0, Math.min(position, piece.source().length() - 1));
        offset = Math.min(offset, Math.max(0, cell.source().length() - 1));
        int line = cell.firstLine();
        for (int i = 0; i < offset; i++) {
            if (cell.source().charAt(i) == '\n') {
                line++;
            }
        }
        int lineStart = cell.source().lastIndexOf('\n', offset - 1) + 1;
        int lineEnd = cell.source().indexOf('\n', offset);
        List<String> traceback = new ArrayList<>();
        traceback.add("cell " + cellIndex + ", line " + line + ": " + message);
        traceback.add(cell.source().substring(lineStart, lineEnd < 0 ? cell.source().length() : lineEnd));
        traceback.add(" ".repeat(offset - lineStart) + "^");
        return CellFailure.of(cellIndex, line, "CompilationError", message, traceback, false);
    }

    /** An execution engine that loads snippet classes and runs none of them. */
    private static final class CompileOnly implements ExecutionControlProvider {
        @Override
        public String name() {
            return "compile-only";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return new DirectExecutionControl() {
                @Override
                public String invoke(String className, String methodName) {
                    return ""; // a snippet's body: never run
                }

                @Override
                public String varValue(String className, String varName) {
                    return ""; // reading a field would initialise the snippet's class
                }
            };
        }
    }
}
