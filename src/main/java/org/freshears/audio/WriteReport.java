package org.freshears.audio;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link WavWriter#write} wrote.
 *
 * @param file           the written file
 * @param frames         frames per channel
 * @param clippedSamples samples clamped to the integer range (over all channels); never silently
 *                       zero: callers warn when it is not
 * @param sha256         lowercase hex SHA-256 of the file's bytes, header included
 */
public record WriteReport(Path file, long frames, long clippedSamples, String sha256) {
    public WriteReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
    }
}
