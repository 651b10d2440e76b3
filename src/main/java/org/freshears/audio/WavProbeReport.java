package org.freshears.audio;

import java.util.List;
import java.util.Objects;

/**
 * A WAV file's header, read without decoding audio ({@link WavReader#probe}).
 *
 * @param format         the sample format
 * @param frames         the frames a read would return: min(declared, present in the file)
 * @param declaredFrames the frames the data chunk's size declares
 * @param warnings       what a read would warn about
 */
public record WavProbeReport(WavFormat format, long frames, long declaredFrames, List<String> warnings) {
    public WavProbeReport {
        Objects.requireNonNull(format, "format");
        warnings = List.copyOf(warnings);
    }

    public double durationSeconds() {
        return frames / (double) format.sampleRate();
    }
}
