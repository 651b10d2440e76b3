package org.freshears.chain;

/**
 * The settings of one processing step: an immutable record, validated in its constructor, with units
 * in its component names, whose {@code toString()} shows every parameter. It is what a session saves;
 * it makes a fresh {@link Processor} for each render.
 */
public sealed interface Step permits EqStep, Edit, AdaptiveStep, Gain, ClipGain, StereoWidth, Compressor,
        MultibandCompressor, DynamicEq, Saturation, Limiter, MatchEqCurve {

    Processor newProcessor();

    /**
     * Whether its output is a function of its input audio and its settings alone, so a result cache may key
     * it by them. False for a step that asks something outside them (a codec-safe limiter asks ffmpeg).
     */
    default boolean dependsOnSettingsAlone() {
        return true;
    }
}
