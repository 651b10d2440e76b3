package org.freshears.audio;

import java.io.IOException;

/**
 * Where a {@link WavStream} gets its samples: a file's frames decoded into planar floats. A WAV file can
 * be read at any frame; a FLAC file only in order (a source that cannot seek says so).
 */
interface FrameSource {
    /** Decodes frames [first, first + frames) into {@code out[c][at ..)}. */
    void decode(long first, float[][] out, int at, int frames) throws IOException;

    /** The largest float sample magnitude decoded so far (0 for integer formats). */
    float floatPeak();
}
