package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.HighShelf;
import org.freshears.chain.LowShelf;
import org.freshears.chain.MatchEq;
import org.freshears.chain.MatchEqCurve;
import org.freshears.chain.Renderer;
import org.freshears.session.file.SessionJson;
import org.freshears.session.file.SessionRecord;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code matchEq(ref)} in a notebook (issue 16 item 3): the step resolves on the mix against a reference read
 * with {@code s.reference(...)}, its cell shows the curve's chart and extremes, the report draws the curve, the
 * session saves it, and {@code replay} renders the same bits after the reference file is gone.
 */
class MatchEqRunTest {
    @TempDir
    Path dir;

    @Test
    void aNotebookMatchesAReferenceAndItsSessionReplaysWithoutTheReferenceFile() throws Exception {
        WavWriter.write(Signals.pinkNoise(2, 44_100, 8 * 44_100, 0.1, 5), dir.resolve("mix.wav"),
                WavOutputFormat.pcm24());
        Files.createDirectories(dir.resolve("refs"));
        Path ref = dir.resolve("refs/loved.wav");
        // The reference: other noise, 3 dB darker in the lows and 3 dB brighter in the highs than the mix.
        WavWriter.write(new Renderer().render(List.of(new LowShelf(150, -3), new HighShelf(4_000, 3)),
                Signals.pinkNoise(2, 44_100, 10 * 44_100, 0.1, 6)), ref, WavOutputFormat.pcm24());
        Path notebook = dir.resolve("match.jsh");
        Files.writeString(notebook, """
                // %%
                var s = session("mix.wav");
                var ref = s.reference("refs/loved.wav");
                // %%
                s.step("match", matchEq(ref).amount(1).maxBoostDb(6).maxCutDb(6));
                // %%
                s.render("master.wav", wav24());
                """);
        Path out = dir.resolve("out");
        AnalyzeCommandTest.Result run = AnalyzeCommandTest.run("run", notebook.toString(), "--out", out.toString());
        assertTrue(run.status() < 2, run.out() + run.err());

        SessionRecord record = SessionJson.read(out.resolve("session.json"));
        SessionRecord.StepEntry step = record.steps().get(0);
        MatchEq written = assertInstanceOf(MatchEq.class, step.processors().get(0));
        assertEquals("loved", written.target().name());
        MatchEqCurve curve = assertInstanceOf(MatchEqCurve.class, step.resolved().get(0));
        double tilt = curve.gainDbAt(8_000) - curve.gainDbAt(60);
        assertEquals(6, tilt, 1.0, "the reference's 6 dB tilt, found on other noise: " + curve);

        String ipynb = Files.readString(out.resolve("notebook.ipynb"), StandardCharsets.UTF_8);
        assertTrue(ipynb.contains("largest boost +"), "the step's printed value names its extremes");
        com.fasterxml.jackson.databind.JsonNode stepCell = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(ipynb).get("cells").get(1);
        long charts = 0;
        for (com.fasterxml.jackson.databind.JsonNode output : stepCell.get("outputs")) {
            charts += output.path("data").has("image/png") ? 1 : 0;
        }
        assertEquals(3, charts, "the step's cell shows its spectrum, loudness and match EQ curve: " + stepCell);
        assertTrue(Files.isRegularFile(out.resolve("charts/step-1-match-match-eq.svg")), "the chart's file");
        String report = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(report.contains("match EQ toward &#39;loved&#39;") || report.contains("match EQ toward 'loved'"),
                "the report draws the curve");

        Files.delete(ref);
        AnalyzeCommandTest.Result replay = AnalyzeCommandTest.run("replay", out.resolve("session.json").toString(),
                "--out", dir.resolve("replayed").toString());
        assertEquals(0, replay.status(), replay.out() + replay.err());
        assertTrue(replay.out().startsWith("identical"), replay.out());
    }
}
