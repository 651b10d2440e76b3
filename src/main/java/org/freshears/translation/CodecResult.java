package org.freshears.translation;

/**
 * A master after one codec round trip (encoded, decoded to float, aligned to the frame), measured with the
 * same meters as the master.
 *
 * @param setting           the codec and bit rate
 * @param encoder           the encoder and its version as ffmpeg ran it
 * @param delayFrames       the delay the decoded version had against the master, frames (removed before
 *                          measuring)
 * @param integratedLufs    integrated loudness of the decoded version, LUFS
 * @param truePeakDbtp      its true peak, dBTP
 * @param samplePeakDbfs    its sample peak, dBFS (above 0: a 16-bit or fixed-point decoder clips)
 * @param clippedSamples16  samples a 16-bit output would have to clip (beyond −32768..32767), all channels
 * @param loudnessChangeLu  decoded minus master integrated loudness, LU
 * @param ceilingDbtp       the true-peak ceiling the decoded version is judged against, dBTP
 * @param spectrum          what the codec took away, per third-octave band
 */
public record CodecResult(CodecSetting setting, String encoder, int delayFrames, double integratedLufs,
        double truePeakDbtp, double samplePeakDbfs, long clippedSamples16, double loudnessChangeLu, double ceilingDbtp,
        SpectrumDifference spectrum) {

    /** The decoded version's true peak is above the ceiling. */
    public boolean overCeiling() {
        return truePeakDbtp > ceilingDbtp;
    }
}
