package org.freshears.audio;

/**
 * The STREAMINFO block of a FLAC file (RFC 9639 section 8.2).
 *
 * @param minBlockSize  samples per channel in the smallest block (the last may be smaller)
 * @param maxBlockSize  samples per channel in the largest block, 16 to 65535
 * @param sampleRate    in Hz
 * @param channels      1 to 8
 * @param bitsPerSample 4 to 32
 * @param totalSamples  samples per channel, 0 when the encoder did not know
 * @param md5           the MD5 of the decoded samples, all zero when not computed
 */
record FlacStreamInfo(int minBlockSize, int maxBlockSize, int sampleRate, int channels, int bitsPerSample,
        long totalSamples, byte[] md5) {

    boolean hasMd5() {
        for (byte b : md5) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }
}
