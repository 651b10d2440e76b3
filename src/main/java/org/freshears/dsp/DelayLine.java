package org.freshears.dsp;

/**
 * A fixed delay of whole frames for one channel (a ring buffer), used for lookahead and latency
 * alignment. Allocation happens only in the constructor.
 */
public final class DelayLine {
    private final float[] ring;
    private int pos;

    public DelayLine(int delayFrames) {
        if (delayFrames < 0) {
            throw new IllegalArgumentException("delayFrames must be >= 0, got " + delayFrames);
        }
        this.ring = new float[delayFrames];
    }

    public int delayFrames() {
        return ring.length;
    }

    /** Pushes one sample in and returns the one that went in {@code delayFrames} samples ago. */
    public float process(float x) {
        if (ring.length == 0) {
            return x;
        }
        float y = ring[pos];
        ring[pos] = x;
        pos = pos + 1 == ring.length ? 0 : pos + 1;
        return y;
    }

    /** Delays {@code samples[offset, offset + frames)} in place. */
    public void process(float[] samples, int offset, int frames) {
        if (ring.length == 0) {
            return;
        }
        for (int i = offset, end = offset + frames; i < end; i++) {
            float y = ring[pos];
            ring[pos] = samples[i];
            samples[i] = y;
            pos = pos + 1 == ring.length ? 0 : pos + 1;
        }
    }

    public void reset() {
        java.util.Arrays.fill(ring, 0f);
        pos = 0;
    }
}
