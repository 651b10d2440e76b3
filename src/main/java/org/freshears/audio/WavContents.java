package org.freshears.audio;

import java.util.List;
import java.util.Objects;

/**
 * What {@link WavReader#read} found: the audio, its format as stored, the frame count the data chunk
 * declared (which exceeds {@code audio.frames()} for a truncated file) and any warnings worth showing.
 */
public record WavContents(AudioBuffer audio, WavFormat format, long declaredFrames, List<String> warnings) {
    public WavContents {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(format, "format");
        warnings = List.copyOf(warnings);
    }
}
