package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Gain;
import org.freshears.chain.HighShelf;
import org.freshears.chain.Renderer;
import org.freshears.io.FileHashes;
import org.freshears.measure.Analysis;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook with a reference track, through {@code run}: the comparison's charts and findings in the cell and
 * the report, the reference in the player, recorded in session.json; the replay needs no reference file; a
 * missing reference or a span outside it stops the run in one line.
 */
class ReferenceRunTest {
    @TempDir
    Path dir;

    private void printTheFiles() throws Exception {
        AudioBuffer mix = Signals.pinkNoise(2, 48_000, 8 * 48_000, 0.05, 21);
        WavWriter.write(mix, dir.resolve("mix.wav"), WavOutputFormat.pcm24());
        AudioBuffer bright = new Renderer().render(List.of(new HighShelf(3_000, 6), new Gain(5)), mix.copy());
        Files.createDirectories(dir.resolve("refs"));
        WavWriter.write(bright, dir.resolve("refs/bright.wav"), WavOutputFormat.pcm24());
    }

    private Path notebook(String name, String referenceCall) throws Exception {
        Path nb = dir.resolve(name);
        Files.writeString(nb, "// %%\nvar s = session(\"mix.wav\");\n"
                + "var ref = " + referenceCall + ";\n"
                + "s.step(\"louder\", gain(3));\n"
                + "s.check(\"has loudness\", integratedLufs(), atLeast(-60));\n"
                + "s.render(\"master.wav\", wav24());\n"
                + "// %%\ns.compare(\"master\", ref).levelMatched()\n"
                + "// %%\ns.play(ref)\n");
        return nb;
    }

    @Test
    void theReferenceIsComparedHeardRecordedAndNotNeededToReplay() throws Exception {
        printTheFiles();
        Path out = dir.resolve("out");
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run",
                notebook("with-reference.jsh", "s.reference(\"refs/bright.wav\", span(\"0:01\", \"0:07\"))").toString(),
                "--out", out.toString());
        assertEquals(0, r.status(), r.out() + r.err());

        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<h2>References</h2>"), "the report's References section");
        assertTrue(report.contains("<h3>&#39;master&#39; against reference &#39;bright&#39;</h3>"), "the comparison");
        assertTrue(report.contains("dB less at ") && report.contains("than the reference</li>"), "the findings in words");
        assertTrue(report.contains("<th scope=\"row\">Stereo width: side against mid</th>"), "the table");
        assertTrue(report.contains("\"key\":\"reference:bright\""), "the reference in the report's player");
        for (String chart : List.of("compare-reference-bright-vs-master", "compare-reference-bright-vs-master-thirds",
                "compare-reference-bright-vs-master-loudness")) {
            assertTrue(Files.isRegularFile(out.resolve("charts/" + chart + ".png")), chart);
            int at = report.indexOf("id=\"chart-" + chart + "\"");
            assertTrue(at > report.indexOf("<h2>References</h2>") && at < report.indexOf("id=\"master\""),
                    "placed in the References section: " + chart);
        }
        assertTrue(Files.isRegularFile(out.resolve("listen/reference-bright.flac.js")), "its listening file");

        JsonNode ipynb = new ObjectMapper().readTree(out.resolve("notebook.ipynb").toFile());
        JsonNode compareCell = ipynb.get("cells").get(1);
        long images = 0;
        StringBuilder text = new StringBuilder();
        for (JsonNode output : compareCell.get("outputs")) {
            images += output.path("data").has("image/png") ? 1 : 0;
            output.path("data").path("text/plain").forEach(line -> text.append(line.asText()));
        }
        assertEquals(3, images, "the spectra, the third octaves and the loudness: " + compareCell);
        assertTrue(text.toString().contains("'master' against reference 'bright' (refs/bright.wav 0:01.000-0:07.000)"),
                text.toString());
        assertTrue(ipynb.get("cells").get(2).toString().contains("play reference 'bright'"), "s.play(ref)");

        JsonNode session = new ObjectMapper().readTree(out.resolve("session.json").toFile());
        assertEquals(4, session.get("formatVersion").asInt());
        JsonNode ref = session.get("references").get(0);
        assertEquals("bright", ref.get("name").asText());
        assertEquals("refs/bright.wav", ref.get("path").asText(), "the path as given");
        assertEquals(FileHashes.sha256(dir.resolve("refs/bright.wav")), ref.get("sha256").asText());
        assertEquals(1.0, ref.get("span").get("fromSeconds").asDouble());
        assertEquals(7.0, ref.get("span").get("toSeconds").asDouble());
        assertEquals("WAV", ref.get("decodedBy").get("fileFormat").asText());
        AudioBuffer read = org.freshears.audio.WavReader.read(dir.resolve("refs/bright.wav")).audio();
        assertEquals(Analysis.of(read.slice(48_000, 7 * 48_000)).integratedLufs(),
                ref.get("facts").get("integratedLufs").asDouble(), 0.0);

        Files.delete(dir.resolve("refs/bright.wav"));
        AnalyzeCommandTest.Result replay = AnalyzeCommandTest.run("replay", out.resolve("session.json").toString());
        assertEquals(0, replay.status(), replay.out() + replay.err());
        assertTrue(replay.out().startsWith("identical"), replay.out());
    }

    @Test
    void aMissingReferenceOrASpanOutsideItStopsTheRunInOneLine() throws Exception {
        printTheFiles();
        Files.writeString(dir.resolve("refs/notes.flac"), "these are words, not audio\n");
        List<String[]> cases = List.of(
                new String[] {"s.reference(\"refs/gone.flac\")", "refs/gone.flac: reference not found (looked in "},
                new String[] {"s.reference(\"refs/notes.flac\")", "refs/notes.flac: "},
                new String[] {"s.reference(\"refs/bright.wav\", span(\"0:05\", \"0:09\"))",
                    "refs/bright.wav: the span 0:05.000-0:09.000 reaches past the end of the file (0:08.000 long)"});
        int n = 0;
        for (String[] c : cases) {
            Path out = dir.resolve("out-" + (++n));
            AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", notebook("bad-" + n + ".jsh", c[0]).toString(),
                    "--out", out.toString());
            assertEquals(2, r.status(), c[0] + ": " + r.err());
            String err = r.err().strip();
            assertTrue(err.contains("cell 1, line 3: ") && err.contains(c[1]), c[0] + ": " + err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        }
    }
}
