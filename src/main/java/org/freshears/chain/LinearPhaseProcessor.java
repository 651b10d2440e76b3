package org.freshears.chain;

import java.util.List;
import java.util.function.IntFunction;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.FirConvolver;
import org.freshears.dsp.LinearPhaseDesign;

/**
 * Runs the linear-phase twin of an EQ step's cascade ({@link LinearPhaseDesign}), or any other symmetric
 * FIR a step designs for the sample rate (a match EQ's curve), on every channel, by
 * partitioned FFT convolution, channels paired into one complex stream. Latency is the FIR's delay
 * {@code (taps - 1) / 2} plus the convolver's block buffering; the renderer compensates both, so an
 * impulse at frame n comes out centred on frame n.
 */
final class LinearPhaseProcessor implements ChannelProcessor {
    private final Step step;
    private final IntFunction<double[]> design;
    private FirConvolver[] pairs;
    private int latency;
    private boolean passesThrough;

    LinearPhaseProcessor(EqStep step) {
        this(step, rate -> {
            List<BiquadCoefficients> sections = FilterSections.active(step, rate);
            return sections.isEmpty() ? null : LinearPhaseDesign.design(sections);
        });
    }

    /**
     * @param design the symmetric taps (odd length) for a sample rate, or null where the step passes the
     *     audio through unchanged; it throws IllegalArgumentException for a setting that does not fit the rate
     */
    LinearPhaseProcessor(Step step, IntFunction<double[]> design) {
        this.step = step;
        this.design = design;
    }

    @Override
    public void prepare(ProcessSpec spec) {
        double[] taps = design.apply(spec.sampleRate());
        passesThrough = taps == null;
        if (passesThrough) {
            pairs = new FirConvolver[0];
            latency = 0;
            return;
        }
        // Blocks of (taps + 1) / 8 keep P = 8 partitions: fewer, larger FFTs cost less per frame than many
        // small ones, and the extra buffering latency is compensated anyway.
        int block = Integer.highestOneBit(Math.max(1024, Math.min(8192, (taps.length + 1) / 8)));
        pairs = new FirConvolver[(spec.channels() + 1) / 2];
        for (int p = 0; p < pairs.length; p++) {
            pairs[p] = new FirConvolver(taps, block);
        }
        latency = (taps.length - 1) / 2 + block;
    }

    @Override
    public boolean passesThrough() {
        return passesThrough;
    }

    @Override
    public int latencyFrames() {
        return latency;
    }

    @Override
    public void process(float[][] audio, int offset, int frames) {
        for (int p = 0; p < pairs.length; p++) {
            float[] second = 2 * p + 1 < audio.length ? audio[2 * p + 1] : null;
            pairs[p].process(audio[2 * p], second, offset, frames);
        }
    }

    @Override
    public void reset() {
        for (FirConvolver pair : pairs) {
            pair.reset();
        }
    }

    @Override
    public String toString() {
        return "LinearPhaseProcessor[" + step + "]";
    }
}
