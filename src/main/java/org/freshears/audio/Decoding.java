package org.freshears.audio;

import java.util.Objects;

/**
 * What a mix was read from and by what: the file format and the decoder with its version, recorded with a
 * session so that a decode that changes is noticed.
 *
 * @param fileFormat     "WAV", "FLAC", "AIFF" or "AIFF-C"
 * @param decoder        the program or class that decoded it
 * @param decoderVersion its version (bumped whenever its output could change)
 */
public record Decoding(String fileFormat, String decoder, String decoderVersion) {
    /** The built-in WAV reader: what every session before the other formats read. */
    public static final Decoding WAV = new Decoding("WAV", "freshears WavReader", "1");

    public Decoding {
        Objects.requireNonNull(fileFormat, "fileFormat");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(decoderVersion, "decoderVersion");
    }

    /** For example "FLAC (freshears FlacReader 1)". */
    public String description() {
        return fileFormat + " (" + decoder + " " + decoderVersion + ")";
    }
}
