package org.freshears.io;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits for work started on another thread whose result the caller cannot go on without (a mix read ahead, files
 * written beside the report, a listening file): through interrupts, which are kept for the caller rather than
 * leaving the work half-seen, and with what the work threw thrown as it was.
 */
public final class TaskResult {
    private TaskResult() {
    }

    /**
     * The task's result, waited for. What it threw is thrown as it was (an {@link IOException}, a runtime
     * exception, an error); anything else as an {@link IllegalStateException} saying "{@code what} failed".
     */
    public static <T> T of(Future<T> task, String what) throws IOException {
        try {
            return await(task);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(what + " failed: " + cause, cause);
        }
    }

    /** Waits for the task likewise: null when it ended well, else what it threw. */
    public static Throwable failureOf(Future<?> task) {
        try {
            await(task);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static <T> T await(Future<T> task) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
