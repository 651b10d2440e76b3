package org.freshears.session.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.freshears.chain.RateConversion;
import org.freshears.chain.Step;
import org.freshears.chain.StepFit;
import org.freshears.checklist.CheckMetric;
import org.freshears.checklist.Condition;
import org.freshears.checklist.Expectation;
import org.freshears.io.AtomicFile;

/**
 * Reads and writes {@code session.json}. Written with a fixed field order, '\n' line ends and Jackson's
 * own shortest-round-trip double formatting (the same text on every JDK), so the same session gives the
 * same bytes. An older format version is read through {@link FormatUpgrade}. Read strictly: a newer format version, an unknown step type or field, a missing field, a
 * null or a wrongly typed value is a {@link SessionFormatException} naming the place and the fault.
 * Types are never taken from the file: steps, conditions and expectations go through explicit
 * registries ({@link StepTypes}), and Jackson's default typing is off.
 */
public final class SessionJson {
    static final ObjectMapper MAPPER = mapper(true);
    static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    private SessionJson() {
    }

    /** Writes the record to a temporary file beside the target and moves it into place. */
    public static void write(SessionRecord record, Path target) throws IOException {
        AtomicFile.write(target, toBytes(record));
    }

    /** The file's bytes: UTF-8 JSON, two-space indent, '\n' line ends, a final newline. */
    public static byte[] toBytes(SessionRecord record) {
        if (record.formatVersion() != SessionRecord.FORMAT_VERSION) {
            // An older file is read in today's layout (FormatUpgrade); written out, it would be neither.
            throw new IllegalArgumentException("a format-" + record.formatVersion() + " session is read, not "
                    + "written: this freshears writes format " + SessionRecord.FORMAT_VERSION);
        }
        try {
            return (WRITER.writeValueAsString(record) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write session JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads and validates a session file. */
    public static SessionRecord read(Path file) throws IOException {
        return parse(file, Files.readAllBytes(file));
    }

    /** A file's bytes as a JSON tree; not JSON (or unreadable) is a one-line fault naming the file. */
    static JsonNode jsonTree(Path file, byte[] bytes) throws SessionFormatException {
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new SessionFormatException(file, JsonFaults.notJson(e), e);
        } catch (IOException e) {
            throw new SessionFormatException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses a session file's bytes; {@code file} names it in messages. */
    public static SessionRecord parse(Path file, byte[] bytes) throws SessionFormatException {
        JsonNode root = jsonTree(file, bytes);
        if (root == null || root.isMissingNode()) {
            throw new SessionFormatException(file, "is empty; not a freshears session");
        }
        FormatUpgrade.toCurrent(root, checkFormat(file, root));
        try {
            return checkFit(file, MAPPER.treeToValue(root, SessionRecord.class));
        } catch (JsonMappingException e) {
            throw new SessionFormatException(file, JsonFaults.describe(e, root), e);
        } catch (JsonProcessingException e) {
            throw new SessionFormatException(file, JsonFaults.notJson(e), e);
        } catch (IllegalArgumentException e) {
            throw new SessionFormatException(file, e.getMessage(), e);
        }
    }

    /**
     * Every recorded step against the recorded mix (its sample rate, channels and length), by the rules a
     * render applies ({@link StepFit}): a tampered setting is refused on loading, before anything is written.
     */
    static SessionRecord checkFit(Path file, SessionRecord record) throws SessionFormatException {
        usablePath(file, "mix.path", record.mix().path());
        for (int i = 0; i < record.renders().size(); i++) {
            usablePath(file, "render " + (i + 1) + " path", record.renders().get(i).path());
        }
        SessionRecord.MixFormat mix = record.mix().format();
        if (mix.sampleRate() <= 0 || mix.channels() <= 0 || mix.frames() < 0) {
            throw new SessionFormatException(file, "mix.format: impossible audio (" + mix.sampleRate() + " Hz, "
                    + mix.channels() + " channels, " + mix.frames() + " frames)");
        }
        for (SessionRecord.StepEntry step : record.steps()) {
            checkFit(file, step, "processor", step.processors(), mix);
            checkFit(file, step, "resolved processor", step.resolved(), mix);
        }
        for (int i = 0; i < record.renders().size(); i++) {
            SessionRecord.Render render = record.renders().get(i);
            try {
                RateConversion.check(mix.sampleRate(), render.outputFormat().sampleRateFor(mix.sampleRate()));
            } catch (IllegalArgumentException e) {
                throw new SessionFormatException(file, "render " + (i + 1) + " ('" + render.path() + "'): "
                        + e.getMessage(), e);
            }
        }
        return record;
    }

    /** A path with control characters (a NUL cannot be in any file name) is refused, shown escaped. */
    private static void usablePath(Path file, String field, String path) throws SessionFormatException {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new SessionFormatException(file, field + " holds the control character U+"
                        + String.format("%04X", (int) c) + " at position " + (i + 1) + "; not a usable file name");
            }
        }
    }

    private static void checkFit(Path file, SessionRecord.StepEntry step, String kind, List<Step> steps,
            SessionRecord.MixFormat mix) throws SessionFormatException {
        for (int i = 0; i < steps.size(); i++) {
            try {
                StepFit.check(steps.get(i), mix.sampleRate(), mix.channels(), mix.frames());
            } catch (IllegalArgumentException e) {
                throw new SessionFormatException(file, "invalid step " + step.index() + " ('" + step.name() + "') "
                        + kind + " " + (i + 1) + " (" + StepTypes.nameOf(steps.get(i)) + ") for the mix ("
                        + mix.sampleRate() + " Hz, " + mix.frames() + " frames): " + e.getMessage(), e);
            }
        }
    }

    /** Format and version first: a newer file should say so, not fail on the first field it added. */
    static int checkFormat(Path file, JsonNode root) throws SessionFormatException {
        if (!root.isObject()) {
            throw new SessionFormatException(file, "not a freshears session (expected a JSON object, got "
                    + JsonFaults.kind(root) + ")");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !SessionRecord.FORMAT.equals(format.textValue())) {
            throw new SessionFormatException(file, "not a freshears session (" + (format == null ? "no 'format' field"
                    : "format " + format) + ", expected \"" + SessionRecord.FORMAT + "\")");
        }
        JsonNode version = root.get("formatVersion");
        if (version == null) {
            throw new SessionFormatException(file, "missing field 'formatVersion'");
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new SessionFormatException(file, "formatVersion must be a whole number, got " + version);
        }
        int v = version.intValue();
        if (v > SessionRecord.FORMAT_VERSION) {
            throw new SessionFormatException(file, "format version " + v + " is newer than this freshears reads ("
                    + SessionRecord.FORMAT_VERSION + "); use a newer freshears");
        }
        if (v < 1) {
            throw new SessionFormatException(file, "format version " + v + " does not exist (versions start at 1)");
        }
        return v;
    }

    private static ObjectMapper mapper(boolean withTypes) {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Jackson's Schubfach writer: shortest round-trip digits, the same text on every JDK
                // (Double.toString changed in JDK 19).
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        if (withTypes) {
            ObjectMapper plain = mapper(false);
            // Inside a typed value every field must be present and not null: no implicit defaults.
            ObjectReader strict = plain.reader().with(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
            SimpleModule types = new SimpleModule("freshears-session-types");
            addTypes(types, Step.class, StepTypes.REGISTRY, plain, strict);
            addTypes(types, Condition.class, ChecklistTypes.CONDITIONS, plain, strict);
            addTypes(types, Expectation.class, ChecklistTypes.EXPECTATIONS, plain, strict);
            types.addSerializer(CheckMetric.class, ChecklistTypes.METRIC_SERIALIZER);
            types.addDeserializer(CheckMetric.class, ChecklistTypes.METRIC_DESERIALIZER);
            builder.addModule(types);
        }
        return builder.build();
    }

    private static <T> void addTypes(SimpleModule module, Class<T> family, TypeRegistry<T> registry,
            ObjectMapper plain, ObjectReader strict) {
        module.addSerializer(family, TypedJson.serializer(registry, plain));
        module.addDeserializer(family, TypedJson.deserializer(registry, strict));
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n"); // not the system's line separator
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
