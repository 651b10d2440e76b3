package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The main job, through the CLI: every bundled notebook runs and finishes its checklist. */
class RunCommandTest {
    @TempDir
    Path dir;

    static Stream<Path> notebooks() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".jsh")).sorted().toList();
            assertTrue(list.size() >= 4, "the bundled notebooks: " + list);
            assertTrue(list.contains(Path.of("notebooks/04-fresh-ears.jsh")), "the fresh-ears workflow: " + list);
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void everyBundledNotebookRunsAndItsChecklistIsDone(Path notebook) throws Exception {
        Path out = dir.resolve("out");
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", notebook.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("the master is done"), r.out());
        for (String file : List.of("notebook.ipynb", "session.json", "report.html")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertTrue(Files.list(out.resolve("charts")).count() >= 8, "charts");
        JsonNode session = new ObjectMapper().readTree(out.resolve("session.json").toFile());
        // An album's session file holds every song's session; each of their renders is written and listed.
        List<JsonNode> renders = new java.util.ArrayList<>();
        (session.has("songs") ? session.findValues("renders") : List.of(session.get("renders")))
                .forEach(list -> list.forEach(renders::add));
        assertFalse(renders.isEmpty(), "renders");
        for (JsonNode render : renders) {
            Path audio = out.resolve(render.get("path").asText());
            assertTrue(Files.isRegularFile(audio), audio.toString());
            assertTrue(r.out().contains("wrote " + audio + System.lineSeparator()), "lists the audio: " + r.out());
        }
        JsonNode ipynb = new ObjectMapper().readTree(out.resolve("notebook.ipynb").toFile());
        assertEquals(4, ipynb.get("nbformat").asInt());

        // The saved session reproduces every rendered master bit for bit, with no notebook code.
        AnalyzeCommandTest.Result replay = AnalyzeCommandTest.run("replay", out.resolve("session.json").toString(),
                "--out", dir.resolve("replayed").toString());
        assertEquals(0, replay.status(), replay.out() + replay.err());
        assertTrue(replay.out().startsWith("identical"), replay.out());
    }

    @Test
    void theFreshEarsNotebookListensFirstAndItsFindingsBecomeTheChecklist() throws Exception {
        Path out = dir.resolve("out");
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", "notebooks/04-fresh-ears.jsh", "--out",
                out.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<h2>What fresh ears found</h2>"), "the report's findings section");
        assertTrue(report.contains("<div class=\"kind\">harshness</div>"), "the planted harsh cymbals");
        JsonNode session = new ObjectMapper().readTree(out.resolve("session.json").toFile());
        // The two tonal findings became problem areas, each addressed and done.
        List<String> problems = new java.util.ArrayList<>();
        for (JsonNode p : session.get("problems")) {
            problems.add(p.get("name").asText());
            assertTrue(p.get("done").asBoolean(), p.toString());
            assertFalse(p.get("addressedBy").isEmpty(), p.toString());
        }
        assertEquals(List.of("low-mid build-up (mud)", "harsh upper mids"), problems);
        // The findings table is the first cell's output.
        JsonNode ipynb = new ObjectMapper().readTree(out.resolve("notebook.ipynb").toFile());
        String cells = ipynb.get("cells").toString();
        assertTrue(cells.contains("fresh ears: 4 problems"), cells.substring(0, Math.min(2000, cells.length())));
        assertTrue(session.get("notes").size() >= 4, "findings as notes, and the listener's own");
    }

    @Test
    void theReadmeExampleIsARealNotebookThatRuns() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```java\n") + "```java\n".length();
        String example = readme.substring(start, readme.indexOf("```", start));
        assertTrue(example.contains("session(\"samples/demo-mix.wav\")"), example);
        Path nb = dir.resolve("readme.jsh");
        Files.writeString(nb, example);
        Path out = dir.resolve("out");
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", nb.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.out() + r.err());
    }

    private Path notebook(String text) throws Exception {
        Path mix = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 48_000, 8 * 48_000, 0.1, 1), mix, WavOutputFormat.pcm24());
        Path nb = dir.resolve("check.jsh");
        Files.writeString(nb, text.replace("MIX", mix.toString().replace("\\", "\\\\")));
        return nb;
    }

    @Test
    void aChecklistThatIsNotDoneExitsWith1AndStillWritesEverything() throws Exception {
        Path nb = notebook("""
                // %%
                var s = session("MIX");
                s.check("very loud", integratedLufs(), atLeast(-3));
                """);
        Path out = dir.resolve("out");
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", nb.toString(), "--out", out.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("[ ] very loud"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
    }

    @Test
    void aFailingCellExitsWith2NamesCellAndLineAndKeepsWhatRan() throws Exception {
        Path nb = notebook("""
                // %%
                var s = session("MIX");
                // %%
                s.step("glue",
                    compressor().ratio(0.5));
                // %%
                s.check("never reached", integratedLufs(), atLeast(-30));
                """);
        Path out = dir.resolve("out");
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", nb.toString(), "--out", out.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("cell 2, line 5: ratio must be >= 1, got 0.5"), r.err());
        assertFalse(r.err().contains("Exception"), r.err()); // no Java class names reach the user
        assertTrue(Files.isRegularFile(out.resolve("notebook.ipynb")));
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertTrue(Files.readString(out.resolve("report.html")).contains("ratio must be &gt;= 1"));
    }

    @Test
    void mixReplacesTheNotebooksMix() throws Exception {
        Path nb = notebook("""
                // %%
                var s = session("no-such-mix.wav");
                s.check("measured", integratedLufs(), atMost(0));
                """);
        Path out = dir.resolve("out");
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", nb.toString(), "--mix",
                dir.resolve("mix.wav").toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(Files.readString(out.resolve("session.json")).contains("\"../mix.wav\""));
    }

    @Test
    void badInputIsStatus2AndWritesNothing() throws Exception {
        Path out = dir.resolve("out");
        AnalyzeCommandTest.Result missing = AnalyzeCommandTest.run("run", dir.resolve("nope.jsh").toString(), "--out",
                out.toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("freshears: " + dir.resolve("nope.jsh")), missing.err());
        Path nb = notebook("// %%\nvar s = session(\"MIX\");\n");
        AnalyzeCommandTest.Result badMix = AnalyzeCommandTest.run("run", nb.toString(), "--mix",
                dir.resolve("missing.wav").toString(), "--out", out.toString());
        assertEquals(2, badMix.status());
        assertFalse(Files.exists(out), "nothing written for input that cannot run");
    }
}
