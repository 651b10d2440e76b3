package org.freshears.chain;

/**
 * The settings of one processing step: an immutable record, validated in its constructor, with units
 * in its component names, whose {@code toString()} shows every parameter. It is what a session saves;
 * it makes a fresh {@link Processor} for each render.
 */
public sealed interface Step permits EqStep, Edit, AdaptiveStep, Gain, ClipGain, StereoWidth, Compressor,
        MultibandCompressor, DynamicEq, Saturation, Limiter, MatchEqCurve {

    Processor newProcessor();
}
