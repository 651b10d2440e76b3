package org.freshears.notebook;

import java.util.concurrent.FutureTask;
import jdk.jshell.JShell;
import org.freshears.io.TaskResult;

/**
 * A JShell being built on a thread of its own while a run gets ready: {@code run} starts one before it sets up
 * the notebook's context and works out its imports, and its runner takes it ({@link NotebookRunner#run(Notebook,
 * NotebookContext, ShellStart)}). Building one starts javac and loads a few thousand classes: a tenth to a fifth
 * of a second that the run's other preparations now overlap. Nothing is evaluated in it: it is the JShell the
 * runner would have built itself. Taken once; one never taken is closed by {@link #close}.
 */
public final class ShellStart implements AutoCloseable {
    private final FutureTask<JShell> building;
    private boolean taken;
    private boolean closed;

    private ShellStart(String hostClassPath) {
        this.building = new FutureTask<>(() -> {
            JShell shell = CellEvaluator.newShell(hostClassPath);
            synchronized (this) {
                if (closed && !taken) {
                    shell.close(); // given up while it was being built
                    return null;
                }
            }
            return shell;
        });
    }

    /** Starts building a JShell on this JVM's class path, on a daemon thread. */
    public static ShellStart begin() {
        CellStreams.install(); // as the runner does before it builds one: the JShell is built seeing the same streams
        ShellStart start = new ShellStart(System.getProperty("java.class.path", ""));
        Thread thread = new Thread(start.building, "freshears-jshell-start");
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    /**
     * The JShell, once built (the caller owns it from now on), its failure thrown as building it threw; null when
     * it was taken or closed before.
     */
    JShell take() {
        synchronized (this) {
            if (taken || closed) {
                return null;
            }
            taken = true;
        }
        try {
            return TaskResult.of(building, "JShell's start");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // building a JShell does no I/O of its own
        }
    }

    /** Closes the JShell unless a runner took it (when it is still being built, as soon as it is). */
    @Override
    public void close() {
        synchronized (this) {
            if (taken || closed) {
                return;
            }
            closed = true;
            if (!building.isDone()) {
                return; // the building thread closes it
            }
        }
        try {
            JShell shell = building.get();
            if (shell != null) {
                shell.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // It never started: nothing to close.
        }
    }
}
