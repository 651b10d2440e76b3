package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.freshears.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's player in a real browser: headless Chromium opens a run's report.html from disk (no flags
 * that widen file access), plays the listening files through the Web Audio API, and the tests read what
 * the page does: no script errors, switching keeps the position, the gains are the session's measurements,
 * a loop stays in its span, mono is a true downmix, and ABX scores and saves the contract's JSON.
 */
class PlayerBrowserTest {
    @TempDir
    static Path dir;
    static Path out;
    static JsonNode session;
    static Chromium chromium;

    @BeforeAll
    static void runANotebookAndOpenItsReport() throws Exception {
        Path notebook = dir.resolve("two-steps.jsh");
        Files.writeString(notebook, """
                // %% [markdown]
                // # Two steps
                // %%
                var s = session("samples/demo-mix.wav");
                s.note("0:06", "a note");
                s.section("chorus", "0:16", "0:28");
                var harsh = s.problem("harsh", span("0:16", "0:20"), band(5_000, 9_000));
                s.step("tilt", highShelf(6_000, -3)).addresses(harsh);
                s.step("louder", gain(4));
                s.play("master")
                // %%
                s.compare("mix", "louder").levelMatched()
                """);
        out = dir.resolve("out");
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", notebook.toString(), "--out", out.toString());
        assertTrue(r.status() <= 1, r.out() + r.err());
        session = new ObjectMapper().readTree(out.resolve("session.json").toFile());
        chromium = Chromium.start(dir.resolve("downloads"));
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openTheReport() throws Exception {
        chromium.open(out.resolve("report.html"));
    }

    @Test
    void theReportLoadsAndDecodesEveryVersionWithoutAScriptError() throws Exception {
        JsonNode decoded = chromium.asyncScript("const done = arguments[0]; const fe = document.querySelector('.player').freshEars;"
                + "fe.loadAll().then(b => done(b.map(x => [x.numberOfChannels, x.sampleRate, x.duration])), e => done('error ' + e));");
        assertTrue(decoded.isArray(), decoded.toString());
        assertEquals(4, decoded.size(), "mix, two steps, master: " + decoded);
        for (JsonNode b : decoded) {
            assertEquals(2, b.get(0).asInt());
            assertEquals(48_000, b.get(1).asInt());
            assertEquals(32.0, b.get(2).asDouble(), 0.01);
        }
        assertEquals(List.of(), chromium.errors());
        Files.write(dir.resolve("report.png"), chromium.screenshot());
        // The page with its player and script is still well-formed XML (the script sits in CDATA).
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("report.html").toFile());
    }

    @Test
    void theLevelMatchingGainsAreTheOnesTheSessionMeasured() throws Exception {
        List<Double> lufs = new ArrayList<>(List.of(session.at("/mix/facts/integratedLufs").asDouble()));
        session.get("steps").forEach(s -> lufs.add(s.at("/facts/integratedLufs").asDouble()));
        double quietest = lufs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        JsonNode gains = chromium.script("return document.querySelector('.player').freshEars.gains()");
        assertEquals(quietest - lufs.get(0), gains.get("mix").asDouble(), 1e-9);
        assertEquals(quietest - lufs.get(1), gains.get("step:tilt").asDouble(), 1e-9);
        assertEquals(quietest - lufs.get(2), gains.get("step:louder").asDouble(), 1e-9);
        assertEquals(quietest - lufs.get(2), gains.get("master").asDouble(), 1e-9);
        assertTrue(gains.get("master").asDouble() < -3.5, "the +4 dB step is turned down: " + gains);
        JsonNode off = chromium.script("const fe = document.querySelector('.player').freshEars; fe.setMatched(false);"
                + "return fe.gains()");
        off.forEach(g -> assertEquals(0.0, g.asDouble()));
    }

    @Test
    void switchingVersionsKeepsThePlaybackPosition() throws Exception {
        JsonNode r = chromium.asyncScript("""
                const done = arguments[0]; const fe = document.querySelector('.player').freshEars;
                const wait = (ms) => new Promise(ok => setTimeout(ok, ms));
                (async () => {
                  await fe.loadAll(); fe.seek(10); await fe.play(); await wait(400);
                  const c1 = fe.state().contextTime, p1 = fe.position();
                  fe.select('step:louder');
                  await wait(300);
                  const c2 = fe.state().contextTime, p2 = fe.position();
                  fe.select('mix');
                  const c3 = fe.state().contextTime, p3 = fe.position();
                  done({ before: p1 - c1, after: p2 - c2, again: p3 - c3, p2, current: fe.state().current, running: fe.state().running });
                })().catch(e => done({ error: String(e) }));
                """);
        assertTrue(r.path("error").isMissingNode(), r.toString());
        assertEquals("mix", r.get("current").asText());
        assertTrue(r.get("running").asBoolean());
        assertTrue(r.get("p2").asDouble() > 10.3, "it played on: " + r);
        // Song time minus audio clock is unchanged by a switch: the new version starts where the old one was.
        // Within 12 ms: the audio clock moves in whole render buffers (headless Chromium's are 256 frames, 5.3 ms
        // at 48 kHz, 5.8 ms at 44.1 kHz), and it may tick between reading it and reading the position, in each of
        // the two readings compared (one tick: seen in a clean clone; 8 ms apart: seen in CI). A switch that lost
        // the place would be seconds off.
        assertEquals(r.get("before").asDouble(), r.get("after").asDouble(), 0.012, r.toString());
        assertEquals(r.get("before").asDouble(), r.get("again").asDouble(), 0.012, r.toString());
        assertEquals(List.of(), chromium.errors());
    }

    @Test
    void clickingASectionLoopsItsSpan() throws Exception {
        chromium.click(".timeline .lane .sec0");
        JsonNode loop = chromium.script("return document.querySelector('.player').freshEars.state().loop");
        assertEquals(16.0, loop.get("from").asDouble(), 1e-9);
        assertEquals(28.0, loop.get("to").asDouble(), 1e-9);
        JsonNode r = chromium.asyncScript("""
                const done = arguments[0]; const fe = document.querySelector('.player').freshEars;
                const wait = (ms) => new Promise(ok => setTimeout(ok, ms));
                (async () => {
                  await fe.loadAll(); fe.setLoop(20, 21.5, 'test'); await fe.play();
                  const seen = [];
                  for (let i = 0; i < 60; i++) { seen.push(fe.position()); await wait(50); }
                  done(seen);
                })().catch(e => done(String(e)));
                """);
        assertTrue(r.isArray(), r.toString());
        int wraps = 0;
        for (int i = 0; i < r.size(); i++) {
            double t = r.get(i).asDouble();
            assertTrue(t >= 20 && t < 21.5, "position " + t + " outside the loop: " + r);
            if (i > 0 && t < r.get(i - 1).asDouble()) {
                wraps++;
            }
        }
        assertTrue(wraps >= 1, "three seconds of a 1.5 s loop wrap at least once: " + r);
    }

    @Test
    void monoFoldsBothChannelsIntoOne() throws Exception {
        JsonNode r = chromium.asyncScript("""
                const done = arguments[0]; const fe = document.querySelector('.player').freshEars;
                const wait = (ms) => new Promise(ok => setTimeout(ok, ms));
                (async () => {
                  await fe.loadAll(); fe.seek(17); await fe.play();
                  const out = fe.output(); const split = out.context.createChannelSplitter(2);
                  out.node.connect(split);
                  const probes = [0, 1].map(c => { const a = out.context.createAnalyser(); a.fftSize = 2048; split.connect(a, c); return a; });
                  const difference = () => { const l = new Float32Array(2048), r = new Float32Array(2048);
                    probes[0].getFloatTimeDomainData(l); probes[1].getFloatTimeDomainData(r);
                    let d = 0, s = 0; for (let i = 0; i < l.length; i++) { d += (l[i] - r[i]) ** 2; s += l[i] ** 2 + r[i] ** 2; }
                    return { d, s }; };
                  await wait(300); const stereo = difference();
                  fe.setMono(true); await wait(300); const mono = difference();
                  done({ stereo, mono, matrix: fe.output().matrix, checkbox: document.querySelector('[data-part=mono]').checked });
                })().catch(e => done({ error: String(e) }));
                """);
        assertTrue(r.path("error").isMissingNode(), r.toString());
        r.get("matrix").forEach(g -> assertEquals(0.5, g.asDouble(), 1e-3));
        assertTrue(r.get("checkbox").asBoolean());
        assertTrue(r.at("/stereo/s").asDouble() > 1e-3, "it plays: " + r);
        assertTrue(r.at("/stereo/d").asDouble() > 1e-3 * r.at("/stereo/s").asDouble(), "the mix is stereo: " + r);
        assertTrue(r.at("/mono/d").asDouble() < 1e-9 * r.at("/mono/s").asDouble() + 1e-12, "mono: L = R: " + r);
    }

    @Test
    void abxScoresAScriptedRunAndSavesTheContractsJson() throws Exception {
        Path downloads = dir.resolve("downloads");
        chromium.click(".abx summary");
        chromium.script("document.querySelector('[data-part=abx-a]').value = 'mix';"
                + "document.querySelector('[data-part=abx-b]').value = 'master';"
                + "document.querySelector('[data-part=abx-trials]').value = '8'");
        chromium.click("[data-part=abx-start]");
        for (int i = 0; i < 8; i++) {
            chromium.click("[data-part=abx-play-x]");
            JsonNode state = chromium.script("return document.querySelector('.player').freshEars.state()");
            assertTrue(state.get("blind").asBoolean(), "X is not shown: " + state);
            chromium.click(i % 3 == 0 ? "[data-part=abx-is-b]" : "[data-part=abx-is-a]");
        }
        String score = chromium.script("return document.querySelector('[data-part=abx-score]').textContent").asText();
        JsonNode shown = chromium.script("const q = (p) => document.querySelector('[data-part=' + p + ']');"
                + "return { done: !q('abx-done').hidden, open: document.querySelector('.abx').open,"
                + " trial: q('abx-trial').textContent, status: q('status').textContent }");
        assertTrue(shown.get("done").asBoolean() && shown.get("open").asBoolean(), "the result is shown: " + shown
                + " " + chromium.errors());
        chromium.click("[data-part=abx-save]");
        Path saved = downloads.resolve("abx-mix-vs-master.json");
        for (int i = 0; i < 100 && !Files.isRegularFile(saved); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.isRegularFile(saved), "downloaded: " + (Files.isDirectory(downloads)
                ? Stream.of(downloads.toFile().list()).toList() : "no downloads folder"));
        JsonNode result = new ObjectMapper().readTree(saved.toFile());
        assertEquals("freshears-abx", result.get("format").asText());
        assertEquals(1, result.get("formatVersion").asInt());
        assertEquals(session.at("/mix/sha256").asText(), result.at("/session/mixSha256").asText());
        assertEquals("mix", result.at("/a/version").asText());
        assertEquals("master", result.at("/b/version").asText());
        JsonNode gains = chromium.script("return document.querySelector('.player').freshEars.gains()");
        assertEquals(gains.get("mix").asDouble(), result.at("/a/gainDb").asDouble(), 1e-12);
        assertEquals(gains.get("master").asDouble(), result.at("/b/gainDb").asDouble(), 1e-12);
        assertTrue(result.get("levelMatched").asBoolean());
        assertTrue(result.get("span").isNull());
        assertEquals(8, result.get("trials").size());
        int correct = 0;
        for (int i = 0; i < 8; i++) {
            JsonNode t = result.get("trials").get(i);
            assertTrue(List.of("a", "b").contains(t.get("x").asText()), t.toString());
            assertEquals(i % 3 == 0 ? "b" : "a", t.get("answer").asText());
            correct += t.get("x").asText().equals(t.get("answer").asText()) ? 1 : 0;
        }
        assertEquals(correct, result.get("correct").asInt());
        assertEquals(8, result.get("total").asInt());
        assertEquals(atLeastByChance(correct, 8), result.get("pGuessing").asDouble(), 1e-12);
        assertTrue(score.startsWith(correct + " of 8 right"), score);
        assertEquals(List.of(), chromium.errors());
    }

    @Test
    void playAndCompareShowAPlayerInTheNotebookThatPlaysItsFiles() throws Exception {
        JsonNode ipynb = new ObjectMapper().readTree(out.resolve("notebook.ipynb").toFile());
        List<String> players = new ArrayList<>();
        for (JsonNode cell : ipynb.get("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                JsonNode html = output.path("data").path("text/html");
                if (!html.isMissingNode()) {
                    StringBuilder text = new StringBuilder();
                    html.forEach(line -> text.append(line.asText()));
                    players.add(text.toString());
                }
            }
        }
        assertEquals(2, players.size(), "s.play(\"master\") and the comparison: " + players.size());
        assertTrue(players.get(0).contains("data-version=\"master\""), players.get(0));
        assertTrue(players.get(0).contains("listen/step-2-louder.flac.js"), "by relative path");
        assertTrue(players.get(1).contains("data-version=\"mix\"") && players.get(1).contains("data-version=\"step:louder\""));
        JsonNode value = null;
        for (JsonNode output : ipynb.at("/cells/1/outputs")) {
            if (output.path("output_type").asText().equals("execute_result")) {
                value = output.at("/data/text~1plain");
            }
        }
        assertNotNull(value, "the text/plain value of s.play");
        assertTrue(value.toString().contains("play 'master' (the output of 'louder')"), value.toString());
        // The comparison's player, as a notebook front end shows it (a page beside notebook.ipynb).
        Path page = out.resolve("cell-player.html");
        Files.writeString(page, "<!DOCTYPE html><html><body>" + players.get(1) + "</body></html>");
        chromium.open(page);
        JsonNode r = chromium.asyncScript("""
                const done = arguments[0]; const fe = document.querySelector('.player').freshEars;
                fe.loadAll().then(b => done({ n: b.length, gains: fe.gains() }), e => done({ error: String(e) }));
                """);
        assertEquals(2, r.get("n").asInt(), r.toString());
        double mix = session.at("/mix/facts/integratedLufs").asDouble();
        double louder = session.at("/steps/1/facts/integratedLufs").asDouble();
        assertEquals(Math.min(mix, louder) - louder, r.at("/gains/step:louder").asDouble(), 1e-9);
        assertEquals(List.of(), chromium.errors());
    }

    /** P(at least k of n by fair coin flips). */
    static double atLeastByChance(int k, int n) {
        double p = 0;
        for (int i = k; i <= n; i++) {
            double c = 1;
            for (int j = 0; j < i; j++) {
                c = c * (n - j) / (j + 1);
            }
            p += c / Math.pow(2, n);
        }
        return p;
    }
}
