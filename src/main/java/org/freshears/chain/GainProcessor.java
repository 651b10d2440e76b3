package org.freshears.chain;

/** Multiplies every sample by one linear gain (in double, rounded once); a gain of exactly 1 skips. */
final class GainProcessor implements Processor {
    private final double gain;

    GainProcessor(double gain) {
        this.gain = gain;
    }

    @Override
    public void prepare(ProcessSpec spec) {
    }

    @Override
    public void process(float[][] audio, int offset, int frames) {
        if (gain == 1) {
            return;
        }
        for (float[] channel : audio) {
            for (int i = offset, end = offset + frames; i < end; i++) {
                channel[i] = (float) (channel[i] * gain);
            }
        }
    }

    @Override
    public void reset() {
    }

    @Override
    public String toString() {
        return "GainProcessor[" + gain + "]";
    }
}
