package org.freshears.chain;

import java.util.List;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.FilterDesign;

/**
 * A notch (RBJ cookbook): a null at freqHz, unity gain away from it; q sets the width (bandwidth about
 * freqHz / q between the -3 dB points).
 */
public record Notch(double freqHz, double q, ChannelMode channelMode, FilterPhase phase) implements EqStep {

    public Notch {
        StepArguments.positive("freqHz", freqHz);
        UnitMistakes.hzNotKhz("freqHz", freqHz);
        StepArguments.q("q", q);
        StepArguments.notNull("channelMode", channelMode);
        StepArguments.notNull("phase", phase);
    }

    public Notch(double freqHz, double q) {
        this(freqHz, q, ChannelMode.STEREO, FilterPhase.IIR);
    }

    @Override
    public List<BiquadCoefficients> sections(double sampleRate) {
        return List.of(FilterDesign.notch(freqHz, q, sampleRate));
    }

    public Notch freqHz(double value) {
        return new Notch(value, q, channelMode, phase);
    }

    public Notch q(double value) {
        return new Notch(freqHz, value, channelMode, phase);
    }

    public Notch channelMode(ChannelMode value) {
        return new Notch(freqHz, q, value, phase);
    }

    public Notch stereo() {
        return channelMode(ChannelMode.STEREO);
    }

    public Notch mid() {
        return channelMode(ChannelMode.MID);
    }

    public Notch side() {
        return channelMode(ChannelMode.SIDE);
    }

    public Notch phase(FilterPhase value) {
        return new Notch(freqHz, q, channelMode, value);
    }

    public Notch linearPhase() {
        return phase(FilterPhase.LINEAR);
    }
}
