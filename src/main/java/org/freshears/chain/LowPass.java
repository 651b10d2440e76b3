package org.freshears.chain;

import java.util.List;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.FilterDesign;

/**
 * A Butterworth low-pass: -3.01 dB at freqHz, falling slopeDbPerOct above it (6 to 48 in steps of 6,
 * i.e. orders 1 to 8; default 12), maximally flat in the pass band.
 */
public record LowPass(double freqHz, int slopeDbPerOct, ChannelMode channelMode, FilterPhase phase)
        implements EqStep {
    public static final int DEFAULT_SLOPE_DB_PER_OCT = 12;

    public LowPass {
        StepArguments.positive("freqHz", freqHz);
        UnitMistakes.hzNotKhz("freqHz", freqHz);
        StepArguments.butterworthOrder(slopeDbPerOct);
        StepArguments.notNull("channelMode", channelMode);
        StepArguments.notNull("phase", phase);
    }

    public LowPass(double freqHz) {
        this(freqHz, DEFAULT_SLOPE_DB_PER_OCT, ChannelMode.STEREO, FilterPhase.IIR);
    }

    public LowPass(double freqHz, int slopeDbPerOct) {
        this(freqHz, slopeDbPerOct, ChannelMode.STEREO, FilterPhase.IIR);
    }

    /** The Butterworth order, slopeDbPerOct / 6. */
    public int order() {
        return StepArguments.butterworthOrder(slopeDbPerOct);
    }

    @Override
    public List<BiquadCoefficients> sections(double sampleRate) {
        return FilterDesign.butterworthLowPass(freqHz, order(), sampleRate);
    }

    public LowPass freqHz(double value) {
        return new LowPass(value, slopeDbPerOct, channelMode, phase);
    }

    public LowPass slope(int dbPerOct) {
        return new LowPass(freqHz, dbPerOct, channelMode, phase);
    }

    public LowPass channelMode(ChannelMode value) {
        return new LowPass(freqHz, slopeDbPerOct, value, phase);
    }

    public LowPass stereo() {
        return channelMode(ChannelMode.STEREO);
    }

    public LowPass mid() {
        return channelMode(ChannelMode.MID);
    }

    public LowPass side() {
        return channelMode(ChannelMode.SIDE);
    }

    public LowPass phase(FilterPhase value) {
        return new LowPass(freqHz, slopeDbPerOct, channelMode, value);
    }

    public LowPass linearPhase() {
        return phase(FilterPhase.LINEAR);
    }
}
