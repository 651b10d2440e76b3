package org.freshears.chain;

/**
 * Points a {@link ChannelProcessor} at the mid or the side of a stereo pair: encodes
 * {@code M = (L + R) / 2}, {@code S = (L - R) / 2} in double (exact for float inputs), filters the chosen
 * component as a one-channel stream, and decodes {@code L = M + S}, {@code R = M - S}. The other
 * component is kept in double and delayed by the filter's latency, so it comes back unchanged up to the
 * final rounding to float (and bit for bit when the filtered component is silent).
 */
final class MidSideProcessor implements Processor {
    private final ChannelMode mode;
    private final ChannelProcessor filter;
    private final float[][] component = new float[1][];
    private float[] scratch;
    private double[] otherDelay;
    private int delayPos;
    private boolean passesThrough;

    MidSideProcessor(ChannelMode mode, ChannelProcessor filter) {
        if (mode == ChannelMode.STEREO) {
            throw new IllegalArgumentException("MidSideProcessor is for MID or SIDE, got " + mode);
        }
        this.mode = mode;
        this.filter = filter;
    }

    @Override
    public void prepare(ProcessSpec spec) {
        if (spec.channels() != 2) {
            throw new IllegalArgumentException(mode + " mode needs a stereo (2-channel) signal, got "
                    + spec.channels() + " channel(s); use STEREO mode");
        }
        filter.prepare(new ProcessSpec(spec.sampleRate(), 1, spec.maxBlockFrames()));
        passesThrough = filter.passesThrough();
        scratch = new float[spec.maxBlockFrames()];
        component[0] = scratch;
        otherDelay = new double[filter.latencyFrames()];
        delayPos = 0;
    }

    @Override
    public int latencyFrames() {
        return filter.latencyFrames();
    }

    @Override
    public void process(float[][] audio, int offset, int frames) {
        if (passesThrough) {
            return;
        }
        float[] left = audio[0];
        float[] right = audio[1];
        boolean mid = mode == ChannelMode.MID;
        for (int done = 0; done < frames; done += scratch.length) {
            int n = Math.min(scratch.length, frames - done);
            int from = offset + done;
            for (int i = 0; i < n; i++) {
                double l = left[from + i];
                double r = right[from + i];
                scratch[i] = (float) (mid ? (l + r) * 0.5 : (l - r) * 0.5);
            }
            filter.process(component, 0, n);
            for (int i = 0; i < n; i++) {
                double l = left[from + i];
                double r = right[from + i];
                double other = delayed(mid ? (l - r) * 0.5 : (l + r) * 0.5);
                double filtered = scratch[i];
                double m = mid ? filtered : other;
                double s = mid ? other : filtered;
                left[from + i] = (float) (m + s);
                right[from + i] = (float) (m - s);
            }
        }
    }

    private double delayed(double x) {
        if (otherDelay.length == 0) {
            return x;
        }
        double y = otherDelay[delayPos];
        otherDelay[delayPos] = x;
        delayPos = delayPos + 1 == otherDelay.length ? 0 : delayPos + 1;
        return y;
    }

    @Override
    public void reset() {
        filter.reset();
        java.util.Arrays.fill(otherDelay, 0);
        delayPos = 0;
    }

    @Override
    public String toString() {
        return "MidSideProcessor[" + mode + ", " + filter + "]";
    }
}
