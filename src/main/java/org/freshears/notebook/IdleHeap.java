package org.freshears.notebook;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Readies a kernel's heap for its next cell while the user types it. A cell that renders a step takes tens of
 * megabytes per array (92 MB for 4 minutes of stereo), and the heap of a kernel grows as the result cache fills:
 * memory the process has never touched costs the first touch a page fault, which on a virtual machine like the
 * ones measured here came to about 1.6 ms per MB, 0.15-0.25 s of an edited cell's second. So once a cell is done
 * and the kernel is idle, this touches as much heap as that cell took (allocating it and letting it go) and then
 * collects the garbage: the next cell finds its room in memory that is already the process's, and no full
 * collection in its way. Nothing of what cells compute depends on it; it is skipped as soon as a cell starts.
 */
final class IdleHeap implements AutoCloseable {
    /** After a cell: time for the kernel to send its reply and start what the cell left to the background. */
    static final long DELAY_MILLIS = 200;
    private static final int CHUNK_BYTES = 16 << 20;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "freshears-idle-heap");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final AtomicInteger cellsStarted = new AtomicInteger();
    private volatile long usedAtStart;

    /** A cell starts: whatever is being readied stops. */
    void cellStarting() {
        cellsStarted.incrementAndGet();
        usedAtStart = used();
    }

    /** A cell ended: the heap is readied for one like it, once the kernel is idle. */
    void cellEnded() {
        int cell = cellsStarted.get();
        long took = Math.max(0, used() - usedAtStart);
        long headroom = Math.min(took, Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4));
        try {
            idle.schedule(() -> ready(cell, headroom), DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the notebook closed while its cell ran (a kernel shutting down): nothing to ready
        }
    }

    private void ready(int cell, long headroom) {
        List<byte[]> touched = new ArrayList<>();
        try {
            for (long n = 0; n < headroom && cellsStarted.get() == cell; n += CHUNK_BYTES) {
                touched.add(new byte[CHUNK_BYTES]); // zeroed by the JVM: every page touched
            }
        } catch (OutOfMemoryError full) {
            // as much as there was room for
        }
        touched = null;
        if (cellsStarted.get() == cell) {
            System.gc(); // the cell's garbage and the touched room, free and in the process's memory
        }
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        idle.shutdownNow();
    }
}
