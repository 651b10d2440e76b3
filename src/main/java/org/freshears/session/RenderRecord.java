package org.freshears.session;

import java.nio.file.Path;
import java.util.Locale;
import org.freshears.audio.WavOutputFormat;

/**
 * A rendered output: where it went, how it was written (format, dither kind and seed), its SHA-256, the
 * number of steps it had been through, and its measured facts (measured on the written file).
 */
public record RenderRecord(Path path, WavOutputFormat format, int afterSteps, String sha256, double integratedLufs,
        double truePeakDbtp, double loudnessRangeLu, long clippedSamples) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "rendered %s (%s): %.1f LUFS, %.1f dBTP, LRA %.1f LU, sha256 %s%s", path,
                describe(format), integratedLufs, truePeakDbtp, loudnessRangeLu, sha256.substring(0, 16) + "...",
                clippedSamples > 0 ? ", " + clippedSamples + " samples clipped" : "");
    }

    static String describe(WavOutputFormat format) {
        String kind = format.floatingPoint() ? format.bitsPerSample() + "-bit float"
                : format.bitsPerSample() + "-bit PCM";
        return format.dither().isNone() ? kind : kind + ", " + format.dither();
    }
}
