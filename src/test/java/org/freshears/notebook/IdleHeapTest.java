package org.freshears.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** {@link IdleHeap}: once a cell is done and nothing runs, the heap is readied (touched, then collected). */
class IdleHeapTest {
    /**
     * Full collections (System.gc's kind) so far: the old generation's collector, whatever the JVM runs (G1 Old
     * Generation, MarkSweepCompact, PS MarkSweep), so a young collection of the test's own garbage does not count.
     */
    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> gc.getName().contains("Old") || gc.getName().contains("MarkSweep"))
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    @Test
    void aCellDoneLeavesTheHeapCollectedOnceIdleAndACellStartingStopsIt() throws Exception {
        try (IdleHeap heap = new IdleHeap()) {
            heap.cellStarting();
            byte[][] cellWork = new byte[8][1 << 20]; // what a cell took
            assertEquals(8, cellWork.length);
            long before = collections();
            heap.cellEnded();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (collections() == before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(collections() > before, "collected while idle");

            heap.cellStarting(); // the next cell, before the delay is up: nothing is done for the cell before
            heap.cellEnded();
            heap.cellStarting();
            Thread.sleep(IdleHeap.DELAY_MILLIS + 300);
        }
    }

    @Test
    void aCellThatEndsAfterTheNotebookClosedEndsQuietly() {
        IdleHeap heap = new IdleHeap();
        heap.cellStarting();
        heap.close(); // a kernel shutting down while the cell runs
        heap.cellEnded(); // must not throw over the cell's result
    }
}
