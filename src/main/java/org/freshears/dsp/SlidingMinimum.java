package org.freshears.dsp;

/**
 * The minimum of the last {@code window} values pushed, in O(1) amortised time per value: a monotonic
 * deque (ascending from front to back) held in preallocated ring arrays. Each value enters and leaves
 * the deque once. Before {@code window} values have been pushed, the window is padded with an initial
 * value given at reset, as if the stream had been preceded by it.
 */
public final class SlidingMinimum {
    private final int window;
    private final double[] values;
    private final long[] indices;
    private int head;
    private int size;
    private long count;
    private double initial;

    public SlidingMinimum(int window, double initial) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        this.window = window;
        this.values = new double[window];
        this.indices = new long[window];
        reset(initial);
    }

    public int window() {
        return window;
    }

    /** Pushes a value and returns the minimum of the last {@code window} values (padding included). */
    public double push(double v) {
        long index = count++;
        // Drop the front if it fell out of the window.
        if (size > 0 && indices[head] <= index - window) {
            head = head + 1 == window ? 0 : head + 1;
            size--;
        }
        // Drop from the back everything not smaller than the new value: it can never be the minimum again.
        while (size > 0) {
            int back = head + size - 1;
            if (back >= window) {
                back -= window;
            }
            if (values[back] < v) {
                break;
            }
            size--;
        }
        int slot = head + size;
        if (slot >= window) {
            slot -= window;
        }
        values[slot] = v;
        indices[slot] = index;
        size++;
        double min = values[head];
        return count < window && initial < min ? initial : min;
    }

    public void reset(double initialValue) {
        head = 0;
        size = 0;
        count = 0;
        initial = initialValue;
    }
}
