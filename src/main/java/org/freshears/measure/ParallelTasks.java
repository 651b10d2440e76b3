package org.freshears.measure;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs independent tasks (one per channel, say) on up to as many threads as there are processors. Each task
 * writes only its own slots, so the results do not depend on which thread ran what or in
 * which order: the meters stay deterministic. A private pool (daemon threads, reused) keeps us off
 * the common fork-join pool, which other parts of the program may keep busy.
 */
public final class ParallelTasks {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "freshears-measure");
        thread.setDaemon(true);
        return thread;
    });

    private ParallelTasks() {
    }

    /** Calls {@code task.accept(i)} once for every i in [0, count), in parallel; returns when all are done. */
    public static void run(int count, IntConsumer task) {
        int threads = Math.min(count, Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                task.accept(i);
            }
        };
        Future<?>[] helpers = new Future<?>[threads - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = POOL.submit(worker);
        }
        Throwable failure = null;
        try {
            worker.run(); // the caller works too rather than waiting idle
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> helper : helpers) {
            while (true) {
                try {
                    helper.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // finish waiting: the tasks write into the caller's arrays
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
