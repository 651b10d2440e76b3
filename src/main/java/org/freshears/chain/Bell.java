package org.freshears.chain;

import java.util.List;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.FilterDesign;

/**
 * A peaking ("bell") EQ band: gainDb at freqHz, width set by q (RBJ cookbook peaking EQ). gainDb 0 is
 * exactly neutral.
 */
public record Bell(double freqHz, double gainDb, double q, ChannelMode channelMode, FilterPhase phase)
        implements EqStep {
    /** Q = 1 is about 1.4 octaves between the half-gain points: a broad, musical default. */
    public static final double DEFAULT_Q = 1.0;

    public Bell {
        StepArguments.positive("freqHz", freqHz);
        UnitMistakes.hzNotKhz("freqHz", freqHz);
        StepArguments.gainDb("gainDb", gainDb);
        StepArguments.q("q", q);
        StepArguments.notNull("channelMode", channelMode);
        StepArguments.notNull("phase", phase);
    }

    public Bell(double freqHz, double gainDb) {
        this(freqHz, gainDb, DEFAULT_Q, ChannelMode.STEREO, FilterPhase.IIR);
    }

    public Bell(double freqHz, double gainDb, double q) {
        this(freqHz, gainDb, q, ChannelMode.STEREO, FilterPhase.IIR);
    }

    @Override
    public List<BiquadCoefficients> sections(double sampleRate) {
        return List.of(FilterDesign.peaking(freqHz, gainDb, q, sampleRate));
    }

    public Bell freqHz(double value) {
        return new Bell(value, gainDb, q, channelMode, phase);
    }

    public Bell gainDb(double value) {
        return new Bell(freqHz, value, q, channelMode, phase);
    }

    public Bell q(double value) {
        return new Bell(freqHz, gainDb, value, channelMode, phase);
    }

    public Bell channelMode(ChannelMode value) {
        return new Bell(freqHz, gainDb, q, value, phase);
    }

    public Bell stereo() {
        return channelMode(ChannelMode.STEREO);
    }

    public Bell mid() {
        return channelMode(ChannelMode.MID);
    }

    public Bell side() {
        return channelMode(ChannelMode.SIDE);
    }

    public Bell phase(FilterPhase value) {
        return new Bell(freqHz, gainDb, q, channelMode, value);
    }

    public Bell linearPhase() {
        return phase(FilterPhase.LINEAR);
    }
}
