package org.freshears.audio;

import java.util.List;

/**
 * The parsed header: where the samples start and how many whole frames are really there.
 *
 * @param dataOffset     byte position of the first sample
 * @param frames         min(declared, present) whole frames
 * @param declaredFrames frames the data chunk (or ds64) declares
 */
record WavHeader(WavFormat format, long dataOffset, long frames, long declaredFrames, List<String> warnings) {
    WavHeader {
        warnings = List.copyOf(warnings);
    }
}
