package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.findings.FindingKind;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListenCommandTest {
    static final Path SAMPLE = Path.of("samples/demo-mix.wav");
    static final List<String> FILE_FIELDS = List.of("file", "durationSeconds", "findings");
    static final List<String> FINDING_FIELDS = List.of("kind", "severity", "title", "span", "band", "value", "threshold",
            "unit", "evidence", "suggestion");
    static final List<String> SEVERITIES = List.of("problem", "warning", "info");

    @TempDir
    Path dir;

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void jsonHasExactlyTheIssuesFieldsAndTheDemosPlantedProblemsMakeExitOne() throws Exception {
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("listen", "--json", SAMPLE.toString());
        assertEquals(1, r.status(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(FILE_FIELDS, names(json));
        assertEquals(32.0, json.get("durationSeconds").asDouble(), 1e-9);
        List<String> kinds = new ArrayList<>();
        int lastSeverity = 0;
        for (JsonNode f : json.get("findings")) {
            assertEquals(FINDING_FIELDS, names(f));
            FindingKind.fromJsonName(f.get("kind").asText()); // throws for a kind outside the closed list
            kinds.add(f.get("kind").asText());
            int severity = SEVERITIES.indexOf(f.get("severity").asText());
            assertTrue(severity >= lastSeverity, "most severe first: " + r.out());
            lastSeverity = severity;
            assertTrue(f.get("span").isNull() || names(f.get("span")).equals(List.of("startSeconds", "endSeconds")));
            assertTrue(f.get("band").isNull() || names(f.get("band")).equals(List.of("lowHz", "highHz")));
            assertFalse(f.get("evidence").asText().isBlank());
        }
        assertTrue(kinds.containsAll(List.of("low-mid-buildup", "harshness", "no-headroom",
                "section-loudness-spread")), kinds.toString());
        JsonNode harsh = null;
        for (JsonNode f : json.get("findings")) {
            harsh = f.get("kind").asText().equals("harshness") ? f : harsh;
        }
        // The harsh cymbals play in the chorus (16-28 s) through a bell at 7 kHz.
        assertTrue(harsh.get("span").get("startSeconds").asDouble() <= 16.5
                && harsh.get("span").get("endSeconds").asDouble() >= 27.5, harsh.toString());
        assertTrue(harsh.get("band").get("lowHz").asDouble() < 7000 && harsh.get("band").get("highHz").asDouble() > 7000);
    }

    @Test
    void aCleanMixExitsZeroAndSeveralFilesMakeAnArray() throws Exception {
        AudioBuffer clean = org.freshears.findings.PlantAccess.cleanDemo();
        Path file = dir.resolve("clean.wav");
        WavWriter.write(clean, file, WavOutputFormat.float32());
        AnalyzeCommandTest.Result one = AnalyzeCommandTest.run("listen", file.toString());
        assertEquals(0, one.status(), one.out() + one.err());
        assertTrue(one.out().contains("0 problems"), one.out());
        AnalyzeCommandTest.Result two = AnalyzeCommandTest.run("listen", "--json", file.toString(), SAMPLE.toString());
        assertEquals(1, two.status(), two.err());
        JsonNode json = new ObjectMapper().readTree(two.out());
        assertTrue(json.isArray());
        assertEquals(2, json.size());
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingIsWritten() throws Exception {
        Path bad = dir.resolve("mix.wav");
        Files.writeString(bad, "ID3 this is not a WAV file");
        Path nb = dir.resolve("draft.jsh");
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("listen", "--notebook", nb.toString(), bad.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("freshears: ") && r.err().contains("mix.wav"), r.err());
        assertFalse(Files.exists(nb));

        Path tiny = dir.resolve("tiny.wav");
        WavWriter.write(Signals.sine(2, 48_000, 0.01, 1_000, -20), tiny, WavOutputFormat.float32());
        AnalyzeCommandTest.Result shortFile = AnalyzeCommandTest.run("listen", tiny.toString());
        assertEquals(2, shortFile.status());
        assertTrue(shortFile.err().contains("tiny.wav: too short"), shortFile.err());

        AnalyzeCommandTest.Result twoForOne = AnalyzeCommandTest.run("listen", "--notebook", nb.toString(),
                SAMPLE.toString(), SAMPLE.toString());
        assertEquals(2, twoForOne.status());
        assertFalse(Files.exists(nb));
    }

    @Test
    void theDraftNotebookRunsUnedited() throws Exception {
        Path nb = dir.resolve("draft.jsh");
        AnalyzeCommandTest.Result listen = AnalyzeCommandTest.run("listen", "--notebook", nb.toString(), SAMPLE.toString());
        assertEquals(1, listen.status(), listen.err());
        String text = Files.readString(nb);
        assertTrue(text.startsWith("// %% [markdown]"));
        assertTrue(text.contains("s.problem(\"low-mid build-up (mud)\""), text);
        assertTrue(text.contains("// s.step("), text);
        AnalyzeCommandTest.Result run = AnalyzeCommandTest.run("run", nb.toString(), "--out", dir.resolve("out").toString());
        // 1, not 2: every cell ran; the checklist stays open until the user adds steps.
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("low-mid build-up (mud)"), run.out());
        assertTrue(Files.exists(dir.resolve("out/report.html")));
    }

    @Test
    void silenceIsListenedToWithoutFault() throws Exception {
        Path silent = dir.resolve("silent.wav");
        WavWriter.write(Signals.silence(2, 48_000, 3), silent, WavOutputFormat.float32());
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("listen", "--json", silent.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(3.0, new ObjectMapper().readTree(r.out()).get("durationSeconds").asDouble(), 1e-9);
    }
}
