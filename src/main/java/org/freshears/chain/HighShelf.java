package org.freshears.chain;

import java.util.List;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.FilterDesign;

/**
 * A high shelf (RBJ cookbook): gainDb above freqHz, gainDb/2 at freqHz (the shelf midpoint). The corner
 * is shaped either by q or by the cookbook's shelf slope S (0 < S <= 1, 1 = the steepest shelf that stays
 * monotonic); exactly one of the two is set and the other is 0. The default, q = 1/sqrt(2), is the same
 * filter as S = 1. gainDb 0 is exactly neutral.
 */
public record HighShelf(double freqHz, double gainDb, double q, double slope, ChannelMode channelMode,
        FilterPhase phase) implements EqStep {
    /** 1/sqrt(2): equal to the cookbook's S = 1 for every gain. */
    public static final double DEFAULT_Q = 0.7071067811865476;

    public HighShelf {
        StepArguments.positive("freqHz", freqHz);
        UnitMistakes.hzNotKhz("freqHz", freqHz);
        StepArguments.gainDb("gainDb", gainDb);
        StepArguments.shelfShape(q, slope);
        StepArguments.notNull("channelMode", channelMode);
        StepArguments.notNull("phase", phase);
    }

    public HighShelf(double freqHz, double gainDb) {
        this(freqHz, gainDb, DEFAULT_Q, 0, ChannelMode.STEREO, FilterPhase.IIR);
    }

    @Override
    public List<BiquadCoefficients> sections(double sampleRate) {
        return List.of(slope > 0
                ? FilterDesign.highShelfBySlope(freqHz, gainDb, slope, sampleRate)
                : FilterDesign.highShelf(freqHz, gainDb, q, sampleRate));
    }

    public HighShelf freqHz(double value) {
        return new HighShelf(value, gainDb, q, slope, channelMode, phase);
    }

    public HighShelf gainDb(double value) {
        return new HighShelf(freqHz, value, q, slope, channelMode, phase);
    }

    /** Shapes the corner by Q (clears the slope). */
    public HighShelf q(double value) {
        StepArguments.positive("q", value);
        return new HighShelf(freqHz, gainDb, value, 0, channelMode, phase);
    }

    /** Shapes the corner by the cookbook's shelf slope S (clears q). */
    public HighShelf slope(double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("slope must be in (0, 1], got " + StepArguments.format(value));
        }
        return new HighShelf(freqHz, gainDb, 0, value, channelMode, phase);
    }

    public HighShelf channelMode(ChannelMode value) {
        return new HighShelf(freqHz, gainDb, q, slope, value, phase);
    }

    public HighShelf stereo() {
        return channelMode(ChannelMode.STEREO);
    }

    public HighShelf mid() {
        return channelMode(ChannelMode.MID);
    }

    public HighShelf side() {
        return channelMode(ChannelMode.SIDE);
    }

    public HighShelf phase(FilterPhase value) {
        return new HighShelf(freqHz, gainDb, q, slope, channelMode, value);
    }

    public HighShelf linearPhase() {
        return phase(FilterPhase.LINEAR);
    }
}
