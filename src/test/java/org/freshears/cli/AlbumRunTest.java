package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.session.file.AlbumJson;
import org.freshears.session.file.AlbumRecord;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Albums through the CLI: one output folder, one session file that replays every song, and bad input. */
class AlbumRunTest {
    @TempDir
    Path dir;

    private void mix(String name, int sampleRate, double gainDb, long seed) throws Exception {
        WavWriter.write(Signals.pinkNoise(2, sampleRate, sampleRate * 4, Signals.dbToLinear(gainDb), seed),
                dir.resolve(name), WavOutputFormat.pcm24());
    }

    private Path notebook(String... songs) throws Exception {
        StringBuilder text = new StringBuilder("// %% [markdown]\n// # Test EP\n// %%\nvar album = album(\"Test EP\");\n");
        for (int i = 0; i < songs.length; i++) {
            text.append("var s").append(i).append(" = album.song(\"").append(songs[i]).append("\");\n");
            text.append("s").append(i).append(".step(\"limit\", limiter().ceilingDbtp(-1.0).targetLufs(")
                    .append(-16 - i).append("));\n");
            text.append("s").append(i).append(".check(\"true peak\", truePeakDbtp(), atMost(-1.0));\n");
        }
        text.append("// %%\nalbum.targetLufs(-18);\nalbum.check(\"songs sit together\", loudnessSpreadLu(), atMost(1.5));\n"
                + "album.render(\"masters\", wav24().dither(tpdf()));\nalbum.checklist()\n");
        Path file = dir.resolve("ep.jsh");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void anAlbumRunWritesOneFolderAndItsSessionReplaysEverySongBitForBit() throws Exception {
        mix("one.wav", 48_000, -20, 1);
        mix("two.wav", 48_000, -26, 2);
        Path out = dir.resolve("out");
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", notebook("one.wav", "two.wav").toString(), "--out",
                out.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("Album 'Test EP': 2 of 2 songs done, 1 of 1 album checks done - the album is done"),
                r.out());
        for (String file : new String[] {"session.json", "report.html", "report-01-one.html", "report-02-two.html",
            "masters/01-one.wav", "masters/02-two.wav", "notebook.ipynb"}) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertFalse(Files.exists(out.resolve("session-2.json")), "the songs are in the album's session file");
        AlbumRecord album = AlbumJson.read(out.resolve("session.json"));
        assertEquals(2, album.songs().size());
        assertEquals(-18 - album.gain().loudnessBeforeLufs(), album.gain().gainDb(), 1e-12);
        assertEquals(-18, album.figures().integratedLufs(), 1e-3);
        String report = Files.readString(out.resolve("report.html"));
        for (String part : new String[] {"Songs side by side", "Album loudness", "Loudness spread", "Album gain",
            "href=\"report-01-one.html\"", "href=\"report-02-two.html\"", "masters/02-two.wav", "songs sit together"}) {
            assertTrue(report.contains(part), part);
        }

        AnalyzeCommandTest.Result replay = AnalyzeCommandTest.run("replay", out.resolve("session.json").toString());
        assertEquals(0, replay.status(), replay.out() + replay.err());
        assertTrue(replay.out().contains("identical  masters/01-one.wav"), replay.out());
        assertTrue(replay.out().contains("identical  masters/02-two.wav"), replay.out());
        assertTrue(replay.out().contains("2 of 2 outputs identical"), replay.out());

        // --mix names one mix; an album has one per song.
        AnalyzeCommandTest.Result withMix = AnalyzeCommandTest.run("replay", out.resolve("session.json").toString(),
                "--mix", dir.resolve("one.wav").toString());
        assertEquals(2, withMix.status());
        assertTrue(withMix.err().contains("--mix names one mix, and album 'Test EP' has 2"), withMix.err());

        // An album gain edited in the file no longer agrees with the songs' chains: refused before anything is written.
        String json = Files.readString(out.resolve("session.json"));
        String gain = String.valueOf(album.gain().gainDb());
        Path edited = out.resolve("edited.json");
        Files.writeString(edited, json.replaceFirst("\"gainDb\": " + java.util.regex.Pattern.quote(gain), "\"gainDb\": -3.0"));
        AnalyzeCommandTest.Result tampered = AnalyzeCommandTest.run("replay", edited.toString(), "--out",
                dir.resolve("tampered").toString());
        assertEquals(2, tampered.status(), tampered.out() + tampered.err());
        assertTrue(tampered.err().contains("song 1 ('one'): its chain does not end in the album gain the album records"),
                tampered.err());
        assertEquals(1, tampered.err().strip().lines().count(), tampered.err());
        assertFalse(Files.exists(dir.resolve("tampered/masters")));

        // A song's mix that has gone: named, before any song is written.
        Files.move(dir.resolve("two.wav"), dir.resolve("gone.wav"));
        AnalyzeCommandTest.Result missing = AnalyzeCommandTest.run("replay", out.resolve("session.json").toString(),
                "--out", dir.resolve("again").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("two.wav: no such file"), missing.err());
        assertFalse(Files.exists(dir.resolve("again/masters/01-one.wav")));
    }

    @Test
    void anAlbumCheckThatFailsMakesTheRunNotDone() throws Exception {
        mix("one.wav", 48_000, -20, 1);
        mix("two.wav", 48_000, -26, 2);
        Path nb = notebook("one.wav", "two.wav");
        Files.writeString(nb, Files.readString(nb).replace("atMost(1.5)", "atMost(0.5)")); // the songs are 1 LU apart
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", nb.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("[ ] songs sit together: loudness spread 1.0"), r.out());
        assertTrue(r.out().contains("- not done yet"), r.out());
    }

    /**
     * The bundled album notebook's spread check is no formality: the slower song pushed 2 LU over the opener fails
     * it (pushed under, the album gain that would bring the EP back up is refused instead: the opener peaks at its
     * ceiling).
     */
    @Test
    void theBundledAlbumNotebookFailsItsSpreadCheckWhenASongStandsOut() throws Exception {
        Path copy = dir.resolve("06-album.jsh");
        String text = Files.readString(Path.of("notebooks/06-album.jsh"));
        String rainTarget = "rain.step(\"loudness\", limiter().ceilingDbtp(-1.0).targetLufs(-14.5));";
        assertTrue(text.contains(rainTarget), "the notebook's Neon Rain limiter");
        Files.writeString(copy, text.replace(rainTarget, rainTarget.replace("-14.5", "-11.5")));
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", copy.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("[ ] songs sit together: loudness spread 2."), r.out());
        assertTrue(r.out().contains("Song 1, 'Night Drive': 5 of 5 done"), r.out()); // the opener alone is fine
    }

    @Test
    void aSongThatIsNotThereIsOneLineAndExit2() throws Exception {
        mix("one.wav", 48_000, -20, 1);
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", notebook("one.wav", "nowhere.wav").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nowhere.wav"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void songsAtTwoSampleRatesAreOneLineAndExit2() throws Exception {
        mix("one.wav", 48_000, -20, 1);
        mix("two.wav", 44_100, -20, 2);
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", notebook("one.wav", "two.wav").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("two.wav: 44.1 kHz, but the album's first song"), r.err());
        assertTrue(r.err().contains("is at 48 kHz; an album is mastered at one rate"), r.err());
    }

    @Test
    void mixIsRefusedForAnAlbumNotebook() throws Exception {
        mix("one.wav", 48_000, -20, 1);
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", notebook("one.wav").toString(), "--mix",
                dir.resolve("one.wav").toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("--mix opens one mix in place of the notebook's"), r.err());
    }
}
