package org.freshears.audio;

import java.util.List;
import java.util.Objects;

/**
 * What {@link AudioReader#read} (or {@link WavReader#read}) found: the audio, its format as stored (a
 * FLAC or AIFF file described as the WAV it would be), the frame count the header declared (which exceeds
 * {@code audio.frames()} for a truncated file), any warnings worth showing, and what decoded it.
 */
public record WavContents(AudioBuffer audio, WavFormat format, long declaredFrames, List<String> warnings,
        Decoding decoding) {
    public WavContents {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(decoding, "decoding");
        warnings = List.copyOf(warnings);
    }

    /** Read by the WAV reader. */
    public WavContents(AudioBuffer audio, WavFormat format, long declaredFrames, List<String> warnings) {
        this(audio, format, declaredFrames, warnings, Decoding.WAV);
    }
}
