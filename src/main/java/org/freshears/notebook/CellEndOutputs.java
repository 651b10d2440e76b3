package org.freshears.notebook;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes a cell's end outputs on every core, then shows them in order. A step's charts are drawn when its cell
 * ends (by then the problems it addresses are named), one after another on the notebook's thread they took
 * 1.2-1.4 s of a cold six-step run's cells; much of a chart is Java2D and PNG coding, which runs on one core,
 * so drawing the cell's charts side by side uses the other. Each output's making runs on one thread, so its
 * bytes are those it has when drawn alone; only the showing is ordered, as the cell asked.
 */
final class CellEndOutputs {
    private CellEndOutputs() {
    }

    /**
     * Runs every {@code draw} (the calling thread and up to one helper per other core take them in turn), then
     * each show action they returned, in list order. A draw or show that throws is reported to {@code failed}
     * in its place and the others go on; an {@link Error} is thrown once all draws have ended.
     */
    static void drawThenShow(List<Supplier<Runnable>> draws, Consumer<RuntimeException> failed) {
        Runnable[] shows = new Runnable[draws.size()];
        Throwable[] errors = new Throwable[1];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < shows.length; i = next.getAndIncrement()) {
                try {
                    shows[i] = draws.get(i).get();
                } catch (RuntimeException e) {
                    shows[i] = () -> {
                        throw e;
                    };
                } catch (Error e) {
                    synchronized (errors) {
                        errors[0] = e;
                    }
                    shows[i] = () -> {
                    };
                }
            }
        };
        int helpers = Math.min(shows.length, Runtime.getRuntime().availableProcessors()) - 1;
        Thread[] threads = new Thread[Math.max(0, helpers)];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(worker, "freshears-cell-outputs");
            threads[t].setDaemon(true);
            threads[t].start();
        }
        worker.run();
        joinAll(threads);
        synchronized (errors) {
            if (errors[0] instanceof Error e) {
                throw e;
            }
        }
        for (Runnable show : shows) {
            try {
                show.run();
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }
    }

    /** Waits for the helpers, also when interrupted (a kernel's interrupt): the interrupt is kept for the cell. */
    private static void joinAll(Thread[] threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
