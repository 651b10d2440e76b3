package org.freshears.chain;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link ClipGain}: spans are turned into frame ranges at prepare(); the position in the
 * stream is the count of frames since reset(), so the output does not depend on block size.
 */
final class ClipGainProcessor implements Processor {
    private final ClipGain step;
    private long[] starts;
    private long[] ends;
    private int[] rampFrames;
    private double[] gains;
    private long position;

    ClipGainProcessor(ClipGain step) {
        this.step = step;
    }

    @Override
    public void prepare(ProcessSpec spec) {
        List<GainSpan> active = new ArrayList<>();
        for (GainSpan span : step.spans()) {
            if (span.gainDb() != 0) {
                active.add(span);
            }
        }
        int n = active.size();
        starts = new long[n];
        ends = new long[n];
        rampFrames = new int[n];
        gains = new double[n];
        for (int i = 0; i < n; i++) {
            GainSpan span = active.get(i);
            starts[i] = Math.round(span.fromSeconds() * spec.sampleRate());
            ends[i] = Math.round(span.toSeconds() * spec.sampleRate());
            long ramp = Math.round(step.rampMs() * spec.sampleRate() / 1000);
            rampFrames[i] = (int) Math.min(ramp, (ends[i] - starts[i]) / 2);
            gains[i] = StrictMath.pow(10, span.gainDb() / 20);
        }
        position = 0;
    }

    @Override
    public void process(float[][] audio, int offset, int frames) {
        long blockStart = position;
        long blockEnd = position + frames;
        for (int s = 0; s < starts.length; s++) {
            long from = Math.max(starts[s], blockStart);
            long to = Math.min(ends[s], blockEnd);
            for (long frame = from; frame < to; frame++) {
                double gain = gainAt(s, frame);
                int i = offset + (int) (frame - blockStart);
                for (float[] channel : audio) {
                    channel[i] = (float) (channel[i] * gain);
                }
            }
        }
        position = blockEnd;
    }

    /** The linear gain of span s at a frame inside it: ramps at both ends, full gain between. */
    private double gainAt(int s, long frame) {
        int ramp = rampFrames[s];
        long intoSpan = frame - starts[s];
        long beforeEnd = ends[s] - 1 - frame;
        long edge = Math.min(intoSpan, beforeEnd);
        if (edge >= ramp) {
            return gains[s];
        }
        // Frame k of an N-frame ramp sits at (k + 0.5) / N of it: the two ramps of a span are mirror images.
        double shape = 0.5 * (1 - StrictMath.cos(StrictMath.PI * (edge + 0.5) / ramp));
        return 1 + (gains[s] - 1) * shape;
    }

    @Override
    public void reset() {
        position = 0;
    }

    @Override
    public String toString() {
        return "ClipGainProcessor[" + step + "]";
    }
}
