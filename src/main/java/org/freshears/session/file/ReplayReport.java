package org.freshears.session.file;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a replay found: for every recorded output, the SHA-256 the session recorded and the one the
 * replay wrote.
 *
 * @param outputs in the order the session rendered them
 * @param decoderChange when the mix was decoded by another decoder or version than the session recorded
 *     (ffmpeg updated, say), which may decode other samples and so render other bits; null when the same
 */
public record ReplayReport(List<OutputResult> outputs, String decoderChange) {
    public ReplayReport {
        outputs = List.copyOf(outputs);
    }

    public ReplayReport(List<OutputResult> outputs) {
        this(outputs, null);
    }

    /** True when every output has the recorded bits (and there was at least one to compare). */
    public boolean allIdentical() {
        return !outputs.isEmpty() && outputs.stream().allMatch(OutputResult::identical);
    }

    /**
     * One output.
     *
     * @param recordedPath the path as the session recorded it
     * @param writtenTo    where the replay wrote it
     * @param expectedSha256 the session's SHA-256
     * @param actualSha256   the replay's SHA-256
     */
    public record OutputResult(String recordedPath, Path writtenTo, String expectedSha256, String actualSha256) {
        public OutputResult {
            Objects.requireNonNull(recordedPath, "recordedPath");
            Objects.requireNonNull(writtenTo, "writtenTo");
            Objects.requireNonNull(expectedSha256, "expectedSha256");
            Objects.requireNonNull(actualSha256, "actualSha256");
        }

        public boolean identical() {
            return expectedSha256.equals(actualSha256);
        }
    }
}
