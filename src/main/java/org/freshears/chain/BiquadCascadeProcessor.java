package org.freshears.chain;

import java.util.List;
import org.freshears.dsp.BiquadCascade;
import org.freshears.dsp.BiquadCoefficients;

/** Runs an EQ step's biquad cascade on every channel (the IIR mode of every EQ step). */
final class BiquadCascadeProcessor implements ChannelProcessor {
    private final EqStep step;
    private BiquadCascade[] channels;
    private boolean passesThrough;

    BiquadCascadeProcessor(EqStep step) {
        this.step = step;
    }

    @Override
    public void prepare(ProcessSpec spec) {
        List<BiquadCoefficients> sections = FilterSections.active(step, spec.sampleRate());
        passesThrough = sections.isEmpty();
        channels = new BiquadCascade[spec.channels()];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = new BiquadCascade(sections);
        }
    }

    @Override
    public boolean passesThrough() {
        return passesThrough;
    }

    @Override
    public void process(float[][] audio, int offset, int frames) {
        if (passesThrough) {
            return;
        }
        int c = 0;
        for (; c + 2 <= channels.length; c += 2) { // pairs: two independent feedback chains per loop
            BiquadCascade.processPair(channels[c], audio[c], channels[c + 1], audio[c + 1], offset, frames);
        }
        if (c < channels.length) {
            channels[c].process(audio[c], offset, frames);
        }
    }

    @Override
    public void reset() {
        for (BiquadCascade channel : channels) {
            channel.reset();
        }
    }

    @Override
    public String toString() {
        return "BiquadCascadeProcessor[" + step + "]";
    }
}
