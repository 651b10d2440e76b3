package org.freshears.audio;

import java.util.Objects;

/**
 * The sample format of a WAV file as read from its fmt chunk.
 *
 * @param encoding           integer PCM or IEEE float
 * @param bitsPerSample      the container size of one sample (8, 16, 24, 32 or 64)
 * @param validBitsPerSample the bits that carry signal (WAVE_FORMAT_EXTENSIBLE's wValidBitsPerSample;
 *                           equal to the container otherwise). Samples are left-justified, so they
 *                           are scaled by the container size either way.
 * @param channels           1 to 8
 * @param sampleRate         in Hz
 * @param layout             the speakers, from the channel mask when the file has one
 * @param extensible         whether the file used WAVE_FORMAT_EXTENSIBLE
 */
public record WavFormat(Encoding encoding, int bitsPerSample, int validBitsPerSample, int channels, int sampleRate,
        ChannelLayout layout, boolean extensible) {

    public enum Encoding {
        PCM_INTEGER, IEEE_FLOAT
    }

    public WavFormat {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(layout, "layout");
        if (bitsPerSample <= 0 || bitsPerSample % 8 != 0) {
            throw new IllegalArgumentException("bitsPerSample must be a positive multiple of 8, got " + bitsPerSample);
        }
        if (validBitsPerSample <= 0 || validBitsPerSample > bitsPerSample) {
            throw new IllegalArgumentException("validBitsPerSample must be in 1.." + bitsPerSample + ", got "
                    + validBitsPerSample);
        }
        if (layout.channels() != channels) {
            throw new IllegalArgumentException("layout has " + layout.channels() + " channels, format has " + channels);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be > 0, got " + sampleRate);
        }
    }

    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /** Bytes per frame (all channels of one sample instant). */
    public int blockAlignBytes() {
        return channels * bytesPerSample();
    }

    /** For example "24-bit PCM, 48000 Hz, stereo" or "20-bit PCM in 24-bit containers, 96000 Hz, 6 channels". */
    public String description() {
        String kind = encoding == Encoding.IEEE_FLOAT ? "float" : "PCM";
        String bits = validBitsPerSample == bitsPerSample ? bitsPerSample + "-bit " + kind
                : validBitsPerSample + "-bit " + kind + " in " + bitsPerSample + "-bit containers";
        String width = switch (channels) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> channels + " channels";
        };
        return bits + ", " + sampleRate + " Hz, " + width;
    }
}
