package org.freshears.chain;

import java.util.List;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.FilterDesign;

/**
 * A Butterworth high-pass: -3.01 dB at freqHz, falling slopeDbPerOct below it (6 to 48 in steps of 6,
 * i.e. orders 1 to 8; default 12), maximally flat in the pass band.
 */
public record HighPass(double freqHz, int slopeDbPerOct, ChannelMode channelMode, FilterPhase phase)
        implements EqStep {
    public static final int DEFAULT_SLOPE_DB_PER_OCT = 12;

    public HighPass {
        StepArguments.positive("freqHz", freqHz);
        StepArguments.butterworthOrder(slopeDbPerOct);
        StepArguments.notNull("channelMode", channelMode);
        StepArguments.notNull("phase", phase);
    }

    public HighPass(double freqHz) {
        this(freqHz, DEFAULT_SLOPE_DB_PER_OCT, ChannelMode.STEREO, FilterPhase.IIR);
    }

    public HighPass(double freqHz, int slopeDbPerOct) {
        this(freqHz, slopeDbPerOct, ChannelMode.STEREO, FilterPhase.IIR);
    }

    /** The Butterworth order, slopeDbPerOct / 6. */
    public int order() {
        return StepArguments.butterworthOrder(slopeDbPerOct);
    }

    @Override
    public List<BiquadCoefficients> sections(double sampleRate) {
        return FilterDesign.butterworthHighPass(freqHz, order(), sampleRate);
    }

    public HighPass freqHz(double value) {
        return new HighPass(value, slopeDbPerOct, channelMode, phase);
    }

    public HighPass slope(int dbPerOct) {
        return new HighPass(freqHz, dbPerOct, channelMode, phase);
    }

    public HighPass channelMode(ChannelMode value) {
        return new HighPass(freqHz, slopeDbPerOct, value, phase);
    }

    public HighPass stereo() {
        return channelMode(ChannelMode.STEREO);
    }

    public HighPass mid() {
        return channelMode(ChannelMode.MID);
    }

    public HighPass side() {
        return channelMode(ChannelMode.SIDE);
    }

    public HighPass phase(FilterPhase value) {
        return new HighPass(freqHz, slopeDbPerOct, channelMode, value);
    }

    public HighPass linearPhase() {
        return phase(FilterPhase.LINEAR);
    }
}
