package org.freshears.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import org.freshears.findings.Finding;

/**
 * The JSON form of {@code listen}: exactly the field names of issue 12, in this order. A span or band that
 * does not apply (a finding over the whole song or spectrum) is {@code null}; so is a value that does not
 * exist.
 */
final class FindingsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FindingsJson() {
    }

    @JsonPropertyOrder({"file", "durationSeconds", "findings"})
    record File(String file, double durationSeconds, List<Item> findings) {
    }

    @JsonPropertyOrder({"kind", "severity", "title", "span", "band", "value", "threshold", "unit", "evidence",
        "suggestion"})
    record Item(String kind, String severity, String title, Span span, Band band, Double value, Double threshold,
            String unit, String evidence, String suggestion) {

        static Item of(Finding f) {
            return new Item(f.kind().jsonName(), f.severity().jsonName(), f.title(),
                    f.span() == null ? null : new Span(f.span().fromSeconds(), f.span().toSeconds()),
                    f.band() == null ? null : new Band(f.band().lowHz(), f.band().highHz()),
                    FileFactsJson.orNull(f.value()), FileFactsJson.orNull(f.threshold()), f.unit(), f.evidence(),
                    FindingsJson.suggestion(f));
        }
    }

    @JsonPropertyOrder({"startSeconds", "endSeconds"})
    record Span(double startSeconds, double endSeconds) {
    }

    @JsonPropertyOrder({"lowHz", "highHz"})
    record Band(double lowHz, double highHz) {
    }

    /** The suggestion in words, then the DSL step to try when there is one. */
    static String suggestion(Finding f) {
        return f.suggestedStep().isEmpty() ? f.suggestion() : f.suggestion() + " Try: " + f.suggestedStep();
    }

    static String write(List<ListenCommand.Listened> results) {
        List<File> files = results.stream().map(r -> new File(r.file().toString(), r.analysis().durationSeconds(),
                r.findings().stream().map(Item::of).toList())).toList();
        try {
            return MAPPER.writeValueAsString(files.size() == 1 ? files.get(0) : files);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write findings JSON", e);
        }
    }
}
