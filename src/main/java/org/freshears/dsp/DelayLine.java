package org.freshears.dsp;

/**
 * A fixed delay of whole frames for one channel (a ring buffer), used for lookahead and latency
 * alignment. Allocation happens only in the constructor.
 */
public final class DelayLine {
    private float[] ring;
    /** The next ring, filled by a block's last samples while the ring's are moved out ({@link #process(float[], int, int)}). */
    private float[] spare;
    private int pos;

    public DelayLine(int delayFrames) {
        if (delayFrames < 0) {
            throw new IllegalArgumentException("delayFrames must be >= 0, got " + delayFrames);
        }
        this.ring = new float[delayFrames];
        this.spare = new float[delayFrames];
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

    /**
     * Delays {@code samples[offset, offset + frames)} in place: the same samples as {@link #process(float)} of each
     * in turn. A block at least as long as the delay is moved with array copies (a sample-by-sample ring cost a
     * limiter's render about a quarter of its time): the block's last samples become the ring, the rest move up by
     * the delay, and the ring's, oldest first, fill the start.
     */
    public void process(float[] samples, int offset, int frames) {
        int delay = ring.length;
        if (delay == 0) {
            return;
        }
        if (frames >= delay) {
            System.arraycopy(samples, offset + frames - delay, spare, 0, delay);
            System.arraycopy(samples, offset, samples, offset + delay, frames - delay);
            System.arraycopy(ring, pos, samples, offset, delay - pos);
            System.arraycopy(ring, 0, samples, offset + delay - pos, pos);
            float[] emptied = ring;
            ring = spare;
            spare = emptied;
            pos = 0;
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
