package org.freshears.notebook;

import java.lang.ref.SoftReference;

/**
 * Heap held back while a cell runs, and given back when the cell exhausts the heap: the cell's data may
 * stay reachable (a list declared in an earlier snippet) until the JShell is closed, and without the reserve
 * the runner could not even build the failure that reports the cell.
 *
 * <p>One per JShell, for all its cells: between cells the reserve is kept only softly, so the collector may
 * take it when the heap is needed, and otherwise the next cell holds the same array again. Allocating it
 * afresh for every cell cost each cell 64 MiB to zero and, on a machine that hands a process new memory
 * slowly, up to 0.1 s to fault in.
 */
final class MemoryReserve {
    /** A sixteenth of the heap, at most 64 MiB: room for a report, small beside what a cell may use. */
    private static final long SIZE = Math.min(Runtime.getRuntime().maxMemory() / 16, 64L << 20);

    private byte[] held;
    private SoftReference<byte[]> between = new SoftReference<>(null);

    /** Holds the reserve for a cell: the one the cell before held, unless the collector took it since. */
    void hold() {
        if (held != null) {
            return;
        }
        held = between.get();
        between.clear();
        if (held == null) {
            try {
                held = new byte[(int) SIZE];
            } catch (OutOfMemoryError e) {
                held = null; // too full already to hold any: the cell runs without
            }
        }
    }

    /** The cell is done: the reserve is kept for the next only as long as the heap can spare it. */
    void cellDone() {
        if (held != null) {
            between = new SoftReference<>(held);
            held = null;
        }
    }

    /** Gives the reserve back now: the cell ran out of memory. */
    void release() {
        held = null;
        between.clear();
    }

    boolean held() {
        return held != null;
    }
}
