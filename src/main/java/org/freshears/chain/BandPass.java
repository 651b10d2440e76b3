package org.freshears.chain;

import java.util.List;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.FilterDesign;

/**
 * A band-pass (RBJ cookbook, constant 0 dB peak gain): 0 dB at freqHz, bandwidth about freqHz / q between
 * the -3 dB points, 6 dB/oct skirts.
 */
public record BandPass(double freqHz, double q, ChannelMode channelMode, FilterPhase phase) implements EqStep {

    public BandPass {
        StepArguments.positive("freqHz", freqHz);
        UnitMistakes.hzNotKhz("freqHz", freqHz);
        StepArguments.q("q", q);
        StepArguments.notNull("channelMode", channelMode);
        StepArguments.notNull("phase", phase);
    }

    public BandPass(double freqHz, double q) {
        this(freqHz, q, ChannelMode.STEREO, FilterPhase.IIR);
    }

    @Override
    public List<BiquadCoefficients> sections(double sampleRate) {
        return List.of(FilterDesign.bandPass(freqHz, q, sampleRate));
    }

    public BandPass freqHz(double value) {
        return new BandPass(value, q, channelMode, phase);
    }

    public BandPass q(double value) {
        return new BandPass(freqHz, value, channelMode, phase);
    }

    public BandPass channelMode(ChannelMode value) {
        return new BandPass(freqHz, q, value, phase);
    }

    public BandPass stereo() {
        return channelMode(ChannelMode.STEREO);
    }

    public BandPass mid() {
        return channelMode(ChannelMode.MID);
    }

    public BandPass side() {
        return channelMode(ChannelMode.SIDE);
    }

    public BandPass phase(FilterPhase value) {
        return new BandPass(freqHz, q, channelMode, value);
    }

    public BandPass linearPhase() {
        return phase(FilterPhase.LINEAR);
    }
}
