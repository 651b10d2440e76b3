package org.freshears.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.List;
import org.freshears.translation.CodecResult;
import org.freshears.translation.NormalizedPlayback;
import org.freshears.translation.TranslationReport;

/**
 * The JSON form of {@code translate}: exactly the field names, in its order, names lower case. A
 * value that does not exist (the loudness of silence, the mono fold of a mono file) is {@code null}.
 */
final class TranslationJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TranslationJson() {
    }

    /** One translated file. */
    record Translated(Path file, TranslationReport report) {
    }

    @JsonPropertyOrder({"file", "integratedLufs", "truePeakDbtp", "platforms", "codecs", "mono"})
    record FileRow(String file, Double integratedLufs, Double truePeakDbtp, List<PlatformRow> platforms,
            List<CodecRow> codecs, MonoRow mono) {
    }

    @JsonPropertyOrder({"platform", "mode", "referenceLufs", "gainDb", "playedLufs", "playedTruePeakDbtp", "limitedBy"})
    record PlatformRow(String platform, String mode, double referenceLufs, Double gainDb, Double playedLufs,
            Double playedTruePeakDbtp, String limitedBy) {
        static PlatformRow of(NormalizedPlayback p) {
            return new PlatformRow(p.rule().platform(), p.rule().mode(), p.rule().referenceLufs(),
                    FileFactsJson.orNull(p.gainDb()), FileFactsJson.orNull(p.playedLufs()),
                    FileFactsJson.orNull(p.playedTruePeakDbtp()), p.limitedBy());
        }
    }

    @JsonPropertyOrder({"codec", "bitrateKbps", "encoder", "integratedLufs", "truePeakDbtp", "samplePeakDbfs",
        "overCeiling"})
    record CodecRow(String codec, int bitrateKbps, String encoder, Double integratedLufs, Double truePeakDbtp,
            Double samplePeakDbfs, boolean overCeiling) {
        static CodecRow of(CodecResult c) {
            return new CodecRow(c.setting().codec().key(), c.setting().bitrateKbps(), c.encoder(),
                    FileFactsJson.orNull(c.integratedLufs()), FileFactsJson.orNull(c.truePeakDbtp()),
                    FileFactsJson.orNull(c.samplePeakDbfs()), c.overCeiling());
        }
    }

    @JsonPropertyOrder({"loudnessChangeLu", "correlation"})
    record MonoRow(Double loudnessChangeLu, Double correlation) {
    }

    static String write(List<Translated> files) {
        List<FileRow> rows = files.stream().map(TranslationJson::row).toList();
        try {
            return MAPPER.writeValueAsString(rows.size() == 1 ? rows.get(0) : rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write translation JSON", e);
        }
    }

    private static FileRow row(Translated t) {
        TranslationReport r = t.report();
        return new FileRow(t.file().toString(), FileFactsJson.orNull(r.integratedLufs()),
                FileFactsJson.orNull(r.truePeakDbtp()), r.platforms().stream().map(PlatformRow::of).toList(),
                r.codecs().stream().map(CodecRow::of).toList(),
                new MonoRow(FileFactsJson.orNull(r.mono().loudnessChangeLu()), FileFactsJson.orNull(r.mono().correlation())));
    }
}
