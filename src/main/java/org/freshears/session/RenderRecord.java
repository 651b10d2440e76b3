package org.freshears.session;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import org.freshears.audio.WavOutputFormat;

/**
 * A rendered output: where it went, how it was written (format, dither kind and seed), its SHA-256, the
 * number of steps it had been through, its measured facts (measured on the written file, so a deliverable
 * converted to another rate has its own loudness and true peak) and the sample rate it was written at.
 */
public record RenderRecord(Path path, WavOutputFormat format, int afterSteps, String sha256, double integratedLufs,
        double truePeakDbtp, double loudnessRangeLu, long clippedSamples, int sampleRateHz) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "rendered %s (%s): %.1f LUFS, %.1f dBTP, LRA %.1f LU, sha256 %s%s", path,
                describe(format), integratedLufs, truePeakDbtp, loudnessRangeLu, sha256.substring(0, 16) + "...",
                clippedSamples > 0 ? ", " + clippedSamples + " samples clipped" : "");
    }

    static String describe(WavOutputFormat format) {
        String kind = format.floatingPoint() ? format.bitsPerSample() + "-bit float"
                : format.bitsPerSample() + "-bit PCM";
        if (format.sampleRateHz() != WavOutputFormat.MASTER_RATE) {
            kind += ", " + kiloHertz(format.sampleRateHz());
        }
        return format.dither().isNone() ? kind : kind + ", " + format.dither();
    }

    /** 44100 as "44.1 kHz", 48000 as "48 kHz". */
    public static String kiloHertz(int hz) {
        return BigDecimal.valueOf(hz, 3).stripTrailingZeros().toPlainString() + " kHz";
    }
}
