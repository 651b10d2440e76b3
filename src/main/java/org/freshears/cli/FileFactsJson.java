package org.freshears.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import org.freshears.measure.Analysis;

/**
 * The JSON form of {@code analyze}: exactly the documented field names, in this order. A value that
 * does not exist (integrated loudness of silence) is {@code null}, never NaN (which is not JSON).
 */
final class FileFactsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FileFactsJson() {
    }

    @JsonPropertyOrder({"file", "sampleRate", "channels", "frames", "durationSeconds", "integratedLufs",
        "loudnessRangeLu", "maxMomentaryLufs", "maxShortTermLufs", "truePeakDbtp", "samplePeakDbfs", "rmsDbfs",
        "crestFactorDb", "plrDb", "psrDb", "dcOffset", "correlation", "clippedRuns", "leadingSilenceSeconds",
        "trailingSilenceSeconds", "fileFormat", "decodedBy"})
    record Row(String file, int sampleRate, int channels, long frames, double durationSeconds, Double integratedLufs,
            Double loudnessRangeLu, Double maxMomentaryLufs, Double maxShortTermLufs, Double truePeakDbtp,
            Double samplePeakDbfs, Double rmsDbfs, Double crestFactorDb, Double plrDb, Double psrDb,
            List<Double> dcOffset, Double correlation, int clippedRuns, double leadingSilenceSeconds,
            double trailingSilenceSeconds, String fileFormat, String decodedBy) {

        static Row of(FileFacts facts) {
            Analysis a = facts.analysis();
            return new Row(facts.file().toString(), a.sampleRate(), a.channels(), a.frames(), a.durationSeconds(),
                    orNull(a.integratedLufs()), orNull(a.loudnessRangeLu()), orNull(a.maxMomentaryLufs()),
                    orNull(a.maxShortTermLufs()), orNull(a.truePeakDbtp()), orNull(a.samplePeakDbfs()),
                    orNull(a.levels().rmsDbfs()), orNull(a.levels().crestFactorDb()), orNull(a.plrDb()),
                    orNull(a.psrDb()), a.levels().dcOffset().stream().map(FileFactsJson::orNull).toList(),
                    orNull(a.levels().correlation()), a.levels().clippedRuns(), a.levels().leadingSilenceSeconds(),
                    a.levels().trailingSilenceSeconds(), facts.decoding().fileFormat(),
                    facts.decoding().decoder() + " " + facts.decoding().decoderVersion());
        }
    }

    static String write(List<FileFacts> files) {
        List<Row> rows = files.stream().map(Row::of).toList();
        try {
            return MAPPER.writeValueAsString(rows.size() == 1 ? rows.get(0) : rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write analysis JSON", e);
        }
    }

    /** A measurement as JSON: NaN (a value that does not exist) becomes null, which JSON can carry. */
    static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
