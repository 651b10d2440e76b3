package org.freshears.notebook;

/**
 * Heap held back while a cell runs, and given back when the cell exhausts the heap: the cell's data may
 * stay reachable (a list declared in an earlier snippet) until the JShell is closed, and without the reserve
 * the runner could not even build the failure that reports the cell.
 */
final class MemoryReserve {
    /** A sixteenth of the heap, at most 64 MiB: room for a report, small beside what a cell may use. */
    private static final long SIZE = Math.min(Runtime.getRuntime().maxMemory() / 16, 64L << 20);

    private byte[] held;

    private MemoryReserve(byte[] held) {
        this.held = held;
    }

    static MemoryReserve hold() {
        try {
            return new MemoryReserve(new byte[(int) SIZE]);
        } catch (OutOfMemoryError e) {
            return new MemoryReserve(null); // too full already to hold any: run without
        }
    }

    void release() {
        held = null;
    }

    boolean held() {
        return held != null;
    }
}
