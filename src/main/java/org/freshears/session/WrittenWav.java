package org.freshears.session;

/**
 * A rendered master as the result cache keeps it, under the key of the master's audio and the format: the
 * file's bytes and what writing it reported. A run whose steps are all cached writes its master from here,
 * without reading the last step's samples or dithering them again.
 */
public record WrittenWav(byte[] bytes, long frames, long clippedSamples, String sha256) {
}
