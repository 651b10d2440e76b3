package org.freshears.session.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.freshears.audio.NoiseShaping;
import org.freshears.audio.WavFormat;
import org.freshears.chain.Bell;
import org.freshears.chain.Compressor;
import org.freshears.chain.HighPass;
import org.freshears.chain.Limiter;
import org.freshears.chain.LoudnessTarget;
import org.freshears.checklist.Band;
import org.freshears.checklist.Condition;
import org.freshears.checklist.Expectation;
import org.freshears.checklist.Metric;
import org.freshears.checklist.TimeSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** session.json: exact round trip, stable bytes, and one clear line for every kind of bad file. */
class SessionJsonTest {
    private static final Path FILE = Path.of("session.json");
    private static final String SHA_A = "3f2a".repeat(16);
    private static final String SHA_B = "9b1c".repeat(16);

    @TempDir
    Path dir;

    static SessionRecord sample() {
        SessionRecord.Facts facts = SessionRecord.Facts.of(-14.02, -1.13, 5.4, 12.89);
        return new SessionRecord(SessionRecord.FORMAT, SessionRecord.FORMAT_VERSION, "test", SessionRecord.Algorithms.current(),
                new SessionRecord.Mix("../mixes/song mix.wav", SHA_A,
                        new SessionRecord.MixFormat(WavFormat.Encoding.PCM_INTEGER, 24, 24, 2, 48_000, 480_000),
                        SessionRecord.Facts.of(-19.5, -0.4, 6.1, Double.NaN)),
                List.of(new SessionRecord.Note(null, "headphones, next morning"),
                        new SessionRecord.Note(new TimeSpan(1.5, 1.501), "snare bites")),
                List.of(new SessionRecord.SectionEntry("chorus", new TimeSpan(2, 4))),
                List.of(new SessionRecord.ProblemEntry("mud", new TimeSpan(0, 5), new Band(180, 400),
                        new Expectation.ReduceBy(2), List.of("eq"), new SessionRecord.Level(-20.5, -6.25, 0.5),
                        new SessionRecord.Level(-23.0, null, null), "loudness", true, "band 2.5 dB lower ± 0.1")),
                List.of(new SessionRecord.StepEntry(1, "eq", List.of(new Bell(300, -2).q(1.2), new HighPass(25)),
                                List.of(new Bell(300, -2).q(1.2), new HighPass(25)), facts),
                        new SessionRecord.StepEntry(2, "glue", List.of(Compressor.defaults().ratio(1.5)),
                                List.of(Compressor.defaults().ratio(1.5)), facts),
                        new SessionRecord.StepEntry(3, "loudness", List.of(new Limiter().targetLufs(-14)),
                                List.of(new Limiter().inputGainDb(5.123456789012345)), facts)),
                List.of(new SessionRecord.CheckEntry("streaming", Metric.INTEGRATED_LUFS, new Condition.Within(-14, 0.5),
                                null, "loudness", -14.02, true, "integrated loudness -14.02 LUFS"),
                        new SessionRecord.CheckEntry("glue peak", Metric.TRUE_PEAK_DBTP, new Condition.AtMost(-1),
                                "glue", "glue", null, false, "none")),
                List.of(new SessionRecord.Render("masters/early.wav", 1, new SessionRecord.RenderFormat(32, true),
                                new SessionRecord.DitherSettings(false, NoiseShaping.NONE, 0), SHA_B, facts, 0),
                        new SessionRecord.Render("master.wav", 3, new SessionRecord.RenderFormat(16, false),
                                new SessionRecord.DitherSettings(true, NoiseShaping.WANNAMAKER_9, 0x4652455348454152L),
                                SHA_A, facts, 3)),
                List.of(),
                List.of(new SessionRecord.ReferenceEntry("loved", "refs/loved.flac", SHA_B, new TimeSpan(40, 70),
                        new SessionRecord.MixDecoder("FLAC", "freshears FlacReader", "1"),
                        new SessionRecord.ReferenceFacts(-9.8, 5.1, -0.3, 9.5, 8.1, -9.4, 0.71, -3.2, -3.4, null))));
    }

    @Test
    void aRecordRoundTripsToAnEqualRecordAndTheSameBytes() throws Exception {
        SessionRecord record = sample();
        Path file = dir.resolve("session.json");
        SessionJson.write(record, file);
        SessionRecord back = SessionJson.read(file);
        assertEquals(record, back);
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(bytes, SessionJson.toBytes(back), "writing what was read gives the same bytes");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), "\\n line ends on every system");
        assertTrue(text.startsWith("{\n  \"format\": \"freshears-session\",\n  \"formatVersion\": 4,\n"
                + "  \"toolVersion\": \"test\",\n  \"algorithms\": {\n"), text);
        assertTrue(text.contains("\"integratedLufs\": -19.5,"), "facts as numbers");
        assertTrue(text.contains("\"plrDb\": null"), "NaN is written as null, never as NaN");
        assertTrue(text.contains("\"seed\": 5067188754742329682"), "the dither seed, exactly");
        assertTrue(text.contains("\"inputGainDb\": 5.123456789012345"), "the resolved gain, every digit");
        assertEquals(0, Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".part")).count(),
                "no temp file left behind");
    }

    @Test
    void anUnknownStepTypeIsNamedWithItsPlace() {
        assertFault("unknown step type 'reverb' (known: bell, lowShelf, highShelf, highPass, lowPass, notch, bandPass, "
                + "gain, clipGain, stereoWidth, fades, trimSilence, compressor, multibandCompressor, dynamicEq, "
                + "saturation, limiter, loudnessTarget, codecSafeLimiter, matchEq, matchEqCurve) in step 2 ('glue') processor 1",
                root -> processor(root, 1, "processors", 0).put("type", "reverb"));
    }

    @Test
    void aProcessorWithoutATypeIsRefused() {
        assertFault("missing field 'type' in step 1 ('eq') processor 2",
                root -> processor(root, 0, "processors", 1).remove("type"));
    }

    @Test
    void anUnknownFieldIsNamedWithItsPlace() {
        assertFault("unknown field 'foo' in step 3 ('loudness') processor 1 (loudnessTarget)",
                root -> processor(root, 2, "processors", 0).put("foo", 1));
        assertFault("unknown field 'drive' in step 3 ('loudness') processor 1 (loudnessTarget) field limiter",
                root -> ((ObjectNode) processor(root, 2, "processors", 0).get("limiter")).put("drive", 1));
        assertFault("unknown field 'extra' at the top level", root -> root.put("extra", true));
        assertFault("unknown field 'date' in render 2 ('master.wav')",
                root -> ((ObjectNode) root.get("renders").get(1)).put("date", "2025-01-01"));
    }

    @Test
    void aMissingFieldIsNamedWithItsPlace() {
        assertFault("missing field 'ratio' in step 2 ('glue') processor 1 (compressor)",
                root -> processor(root, 1, "processors", 0).remove("ratio"));
        assertFault("missing field 'releaseMs' in step 3 ('loudness') processor 1 (loudnessTarget) field limiter",
                root -> ((ObjectNode) processor(root, 2, "processors", 0).get("limiter")).remove("releaseMs"));
        assertFault("missing field 'sha256' in mix", root -> ((ObjectNode) root.get("mix")).remove("sha256"));
        assertFault("missing field 'seed' in render 1 ('masters/early.wav') field dither",
                root -> ((ObjectNode) root.get("renders").get(0).get("dither")).remove("seed"));
        assertFault("missing field 'checks' at the top level", root -> root.remove("checks"));
    }

    @Test
    void aNullSettingIsRefused() {
        assertFault("field 'ratio' in step 2 ('glue') processor 1 (compressor): expected a number, got null",
                root -> processor(root, 1, "processors", 0).putNull("ratio"));
        assertFault("field 'detection' is null in step 2 ('glue') processor 1 (compressor); every field needs a value",
                root -> processor(root, 1, "processors", 0).putNull("detection"));
    }

    @Test
    void anInvalidSettingGivesTheRecordsOwnMessage() {
        assertFault("invalid step 2 ('glue') processor 1 (compressor): ratio must be >= 1, got 0.5",
                root -> processor(root, 1, "processors", 0).put("ratio", 0.5));
        assertFault("invalid step 1 ('eq') resolved processor 2 (highPass): slopeDbPerOct must be a multiple of 6 "
                + "from 6 to 48, got 25", root -> processor(root, 0, "resolved", 1).put("slopeDbPerOct", 25));
    }

    @Test
    void aWronglyTypedValueIsNamed() {
        assertFault("field 'ratio' in step 2 ('glue') processor 1 (compressor): expected a number, got \"two\"",
                root -> processor(root, 1, "processors", 0).put("ratio", "two"));
        assertFault("field 'channelMode' in step 1 ('eq') processor 1 (bell): expected one of STEREO, MID, SIDE, "
                + "got \"WIDE\"", root -> processor(root, 0, "processors", 0).put("channelMode", "WIDE"));
        assertFault("field 'slopeDbPerOct' in step 1 ('eq') processor 2 (highPass): expected a whole number, got 24.5",
                root -> processor(root, 0, "processors", 1).put("slopeDbPerOct", 24.5));
    }

    @Test
    void aResolvedChainMustBeConcreteAndMatchTheWrittenOne() {
        assertFault("step 'loudness': resolved processor 1 (loudnessTarget) still depends on its input; it must be "
                + "concrete", root -> ((ArrayNode) root.get("steps").get(2).get("resolved"))
                .set(0, root.get("steps").get(2).get("processors").get(0).deepCopy()), true);
        assertFault("step 'glue': resolved processor 1 differs from the written one", root -> processor(root, 1,
                "resolved", 0).put("ratio", 4), true);
    }

    @Test
    void aNewerFormatVersionSaysSo() {
        assertFault("format version 6 is newer than this freshears reads (4); use a newer freshears",
                root -> root.put("formatVersion", 6));
        // ...before complaining about anything that version may have added.
        assertFault("format version 5 is newer than this freshears reads (4); use a newer freshears", root -> {
            root.put("formatVersion", 5);
            root.put("somethingNew", 1);
        });
    }

    @Test
    void malformedJsonOrNotJsonOrNotASessionIsRefused() throws Exception {
        String json = new String(SessionJson.toBytes(sample()), StandardCharsets.UTF_8);
        String truncated = json.substring(0, json.length() / 2);
        String m = fault(truncated.getBytes(StandardCharsets.UTF_8));
        assertTrue(m.startsWith("session.json: not valid JSON at line "), m);

        byte[] wav = {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' '};
        m = fault(wav);
        assertTrue(m.startsWith("session.json: not valid JSON at line 1, column "), m);
        assertFalse(m.chars().anyMatch(Character::isISOControl), "no control characters from binary input");

        assertEquals("session.json: not a freshears session (no 'format' field, expected \"freshears-session\")",
                fault("{\"name\": 1}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("session.json: not a freshears session (expected a JSON object, got array)",
                fault("[1, 2]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("session.json: is empty; not a freshears session", fault(new byte[0]));
        m = fault("{\"format\": \"freshears-session\", \"format\": \"x\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(m.startsWith("session.json: not valid JSON at line 1, column ") && m.contains("Duplicate field"), m);
    }

    @Test
    void theMessageIsOneLineNamingTheFile() {
        SessionFormatException e = assertThrows(SessionFormatException.class,
                () -> SessionJson.parse(Path.of("some/dir/s.json"), "{\n\"format\": 1\n}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("some/dir/s.json: not a freshears session (format 1, expected \"freshears-session\")",
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static ObjectNode processor(ObjectNode root, int step, String list, int index) {
        return (ObjectNode) root.get("steps").get(step).get(list).get(index);
    }

    private static void assertFault(String expected, Consumer<ObjectNode> edit) {
        assertFault(expected, edit, false);
    }

    private static void assertFault(String expected, Consumer<ObjectNode> edit, boolean prefixOnly) {
        ObjectNode root = (ObjectNode) SessionJson.MAPPER.valueToTree(sample());
        edit.accept(root);
        String message = fault(root.toPrettyString().getBytes(StandardCharsets.UTF_8));
        if (prefixOnly) {
            assertTrue(message.startsWith("session.json: " + expected), message);
        } else {
            assertEquals("session.json: " + expected, message);
        }
    }

    private static String fault(byte[] bytes) {
        SessionFormatException e = assertThrows(SessionFormatException.class, () -> SessionJson.parse(FILE, bytes));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    static JsonNode tree(SessionRecord record) {
        return SessionJson.MAPPER.valueToTree(record);
    }
}
