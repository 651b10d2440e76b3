package org.freshears.chain;

/**
 * What a renderer knows about the input of an adaptive step besides its samples, so that resolving the step reuses
 * it instead of working it out again: the codec round trips at hand ({@link CodecSafeLimiter} reads them), the
 * input's integrated loudness if measured already (a loudness target starts its search there), and where limiter
 * peaks detected in an earlier render of this very input are kept ({@link PeakReuse}). Steps take what they need;
 * each reuse gives the same step and the same bits as working it out.
 *
 * @param codecPeaks the codec round trips ({@link CodecPeaks#NONE}: none)
 * @param integratedLufs the input's integrated loudness as {@link org.freshears.measure.LoudnessMeter#integratedLufs}
 *     gives it (or the analysis of the snapshot it is, the same to the bit); NaN: not measured
 * @param peakReuse where earlier detected limiter peaks of this input are kept ({@link PeakReuse#NONE}: nowhere)
 */
public record InputKnown(CodecPeaks codecPeaks, double integratedLufs, PeakReuse peakReuse) {
    /** Nothing known but the samples. */
    public static final InputKnown NOTHING = new InputKnown(CodecPeaks.NONE, Double.NaN, PeakReuse.NONE);

    public InputKnown {
        if (codecPeaks == null || peakReuse == null) {
            throw new IllegalArgumentException("codecPeaks and peakReuse must not be null (use NONE)");
        }
    }

    /** The codec round trips, nothing else known. */
    public static InputKnown codecPeaks(CodecPeaks peaks) {
        return new InputKnown(peaks, Double.NaN, PeakReuse.NONE);
    }

    /** The same, and the input's integrated loudness. */
    public InputKnown withIntegratedLufs(double lufs) {
        return new InputKnown(codecPeaks, lufs, peakReuse);
    }
}
