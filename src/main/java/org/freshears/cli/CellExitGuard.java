package org.freshears.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.freshears.notebook.Cell;
import org.freshears.notebook.CellFailure;
import org.freshears.notebook.CellRun;
import org.freshears.notebook.CellStatus;
import org.freshears.notebook.Notebook;
import org.freshears.notebook.NotebookListener;
import org.freshears.notebook.NotebookRun;

/**
 * Keeps a cell that calls {@code System.exit} from ending a run unreported. Cells run in this JVM, and
 * the JDK no longer lets a program forbid exit (the SecurityManager is gone), so a shutdown hook does the
 * run's end instead: when the JVM shuts down while a cell is running and the exit came from notebook code,
 * the hook finishes the run as if that cell had failed (the notebook, report and session of the cells before
 * it, one line on stderr naming the cell) and halts with that status. A shutdown for another reason
 * (Ctrl-C, a signal) while a cell runs abandons the run instead, leaving the last run's outputs as they were.
 */
final class CellExitGuard implements NotebookListener, AutoCloseable {

    /** Finishes a run (writes its outputs, reports it) and returns its exit status. */
    @FunctionalInterface
    interface Finish {
        int finish(NotebookRun run) throws Exception;
    }

    private final Notebook notebook;
    private final NotebookListener next;
    private final Finish finish;
    private final Runnable abandon;
    private final Map<Integer, CellRun> finished = new ConcurrentHashMap<>();
    private final Thread hook = new Thread(this::shuttingDown, "freshears-cell-exit-guard");
    private final long started = System.nanoTime();
    private volatile int runningIndex;

    private CellExitGuard(Notebook notebook, NotebookListener next, Finish finish, Runnable abandon) {
        this.notebook = notebook;
        this.next = next;
        this.finish = finish;
        this.abandon = abandon;
    }

    /**
     * @param next    told of every cell as well (progress)
     * @param finish  what ends a run normally, called with the cells before the exiting one and that cell failed
     * @param abandon what drops this run's unfinished outputs, on a shutdown not caused by a cell
     */
    static CellExitGuard install(Notebook notebook, NotebookListener next, Finish finish, Runnable abandon) {
        CellExitGuard guard = new CellExitGuard(notebook, next, finish, abandon);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    @Override
    public void cellStarted(int cellIndex, int cellCount, Cell cell) {
        runningIndex = cellIndex;
        next.cellStarted(cellIndex, cellCount, cell);
    }

    @Override
    public void cellFinished(CellRun run, int cellCount) {
        finished.put(run.index(), run);
        runningIndex = 0;
        next.cellFinished(run, cellCount);
    }

    @Override
    public void close() {
        runningIndex = 0;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it sees no cell running and does nothing.
        }
    }

    private void shuttingDown() {
        int index = runningIndex;
        if (index == 0) {
            return;
        }
        if (!exitCalledByNotebookCode()) {
            abandon.run();
            return;
        }
        int status = ExitStatus.BAD_INPUT;
        try {
            // ImageIO's default file cache registers a shutdown hook per stream, which fails from inside one.
            ImageIO.setUseCache(false);
            status = finish.finish(runEndedAt(index));
        } catch (Throwable t) {
            // System.err is the cell's captured stream at this point: write to the process's own.
            PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
            stderr.println("freshears: " + ErrorReporter.describe(t));
            abandon.run();
            status = ExitStatus.BAD_INPUT;
        } finally {
            Runtime.getRuntime().halt(status);
        }
    }

    /** The cells that finished, the exiting one failed, the rest not run. */
    NotebookRun runEndedAt(int exitingIndex) {
        List<Cell> cells = notebook.cells();
        List<CellRun> runs = new ArrayList<>();
        CellFailure failure = null;
        int count = 0;
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            int index = i + 1;
            CellRun done = finished.get(index);
            if (done != null) {
                runs.add(done);
                count = Math.max(count, done.executionCount());
            } else if (index == exitingIndex) {
                String what = "the cell called System.exit: a notebook cannot end the run, so it stopped here";
                failure = new CellFailure(index, cell.firstLine(), "cell " + index + ", line " + cell.firstLine()
                        + ": " + what, "Exit", what, List.of(what));
                runs.add(new CellRun(index, cell, CellStatus.FAILED, ++count, "", "", Optional.empty(), List.of(),
                        Optional.of(failure), Duration.ZERO));
            } else {
                CellStatus status = cell.isCode() ? CellStatus.NOT_RUN : CellStatus.OK;
                runs.add(new CellRun(index, cell, status, 0, "", "", Optional.empty(), List.of(), Optional.empty(),
                        Duration.ZERO));
            }
        }
        return new NotebookRun(notebook, runs, Optional.ofNullable(failure),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Whether some thread is inside Runtime.exit with notebook code below it on its stack (JShell's snippet
     * classes live in the package "REPL"); a signal's shutdown has no such thread.
     */
    private static boolean exitCalledByNotebookCode() {
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            boolean exiting = false;
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit")) {
                    exiting = true;
                } else if (exiting && frame.getClassName().startsWith("REPL.")) {
                    return true;
                }
            }
        }
        return false;
    }
}
