package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.Dither;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Bell;
import org.freshears.chain.Limiter;
import org.freshears.session.Display;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.session.file.SessionJson;
import org.freshears.session.file.SessionRecord;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code freshears replay}: its lines and its exit statuses 0 (identical), 1 (different), 2 (cannot run). */
class ReplayCommandTest {
    @TempDir
    static Path dir;
    static Path json;
    static Path mix;
    static String early;
    static String master;

    /** A small session (a bell, then a loudness target), rendered after step 1 and at the end. */
    @BeforeAll
    static void runASession() throws Exception {
        mix = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 44_100, 3 * 44_100, 0.1, 5), mix, WavOutputFormat.pcm16());
        Session s;
        {
            SessionContext ctx = new SessionContext(dir, Display.NONE, Progress.Factory.NONE);
            s = Session.open(mix, ctx);
            s.step("tone", new Bell(3_000, -2));
            early = s.render("early.wav", WavOutputFormat.pcm24().dither(Dither.tpdf(99))).sha256();
            s.step("loudness", new Limiter().targetLufs(-12));
            master = s.render("master.wav", WavOutputFormat.pcm16().dither(Dither.shaped())).sha256();
        }
        json = dir.resolve("session.json");
        SessionJson.write(SessionRecord.of(s, json, "test"), json);
    }

    record Result(int status, String out, String err) {
    }

    private static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void everyOutputIdenticalExitsZero() {
        Path out = dir.resolve("out-ok");
        Result r = run("replay", json.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of(
                "identical  early.wav  sha256 " + early,
                "identical  master.wav  sha256 " + master,
                "2 of 2 outputs identical (written to " + out.toAbsolutePath() + ")"), r.out().lines().toList());
        assertTrue(Files.isRegularFile(out.resolve("master.wav")));
    }

    @Test
    void aDifferentOutputExitsOneAndSaysWhich() throws Exception {
        String wrong = "0".repeat(64);
        Path tampered = dir.resolve("tampered.session.json");
        Files.writeString(tampered, Files.readString(json).replace(master, wrong));
        Result r = run("replay", tampered.toString(), "--out", dir.resolve("out-diff").toString());
        assertEquals(1, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("identical  early.wav  sha256 " + early, lines.get(0));
        assertEquals("DIFFERENT  master.wav  recorded " + wrong + " got " + master, lines.get(1));
        assertTrue(lines.get(2).startsWith("1 of 2 outputs identical"), lines.get(2));
    }

    @Test
    void badJsonExitsTwoWithOneLine() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"freshears-session\", \"formatVersion\": 1, ");
        Result r = run("replay", broken.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("freshears: " + broken + ": not valid JSON at line 1, column "), r.err());
        assertEquals("", r.out());

        Path reverb = dir.resolve("reverb.json");
        Files.writeString(reverb, Files.readString(json).replaceFirst("\"type\": \"bell\"", "\"type\": \"reverb\""));
        r = run("replay", reverb.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("freshears: " + reverb + ": unknown step type 'reverb' (known: bell, "), r.err());
        assertTrue(r.err().strip().endsWith(" in step 1 ('tone') processor 1"), r.err());

        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, Files.readString(json).replace("\"formatVersion\": 4,", "\"formatVersion\": 5,"));
        r = run("replay", newer.toString());
        assertEquals(2, r.status());
        assertEquals("freshears: " + newer + ": format version 5 is newer than this freshears reads (4); use a newer "
                + "freshears", r.err().strip());

        r = run("replay", dir.resolve("nothing.json").toString());
        assertEquals(2, r.status());
        assertEquals("freshears: " + dir.resolve("nothing.json") + ": no such file", r.err().strip());
    }

    @Test
    void aDifferentMixExitsTwoAndTheMovedOneWorksWithMix() throws Exception {
        Path other = dir.resolve("other.wav");
        byte[] bytes = Files.readAllBytes(mix);
        bytes[bytes.length - 1] ^= 1;
        Files.write(other, bytes);
        Result r = run("replay", json.toString(), "--mix", other.toString(), "--out", dir.resolve("out-x").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("freshears: " + other + ": SHA-256 differs from the session's (recorded "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());

        Path moved = Files.createDirectories(dir.resolve("elsewhere")).resolve("the mix.wav");
        Files.copy(mix, moved);
        r = run("replay", json.toString(), "--mix", moved.toString(), "--out", dir.resolve("out-moved").toString());
        assertEquals(0, r.status(), r.err());
    }

    /** Every file under a folder (links not followed). */
    private static List<Path> filesUnder(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }

    @Test
    void aLinkInsideTheOutputFolderDoesNotLeadAWriteOutOfIt() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("not-the-output-folder"));
        Path out = Files.createDirectories(dir.resolve("out-linked"));
        Files.createSymbolicLink(out.resolve("link"), elsewhere);
        Path tampered = dir.resolve("through-link.json");
        Files.writeString(tampered, Files.readString(json).replace("\"path\": \"early.wav\"",
                "\"path\": \"link/early.wav\""));
        Result r = run("replay", tampered.toString(), "--out", out.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals("freshears: " + out.resolve("link/early.wav") + ": would be written outside the output folder "
                + out + " (a symbolic link leads to " + elsewhere.toRealPath().resolve("early.wav")
                + "); refusing to write", r.err().strip());
        assertEquals(List.of(), filesUnder(elsewhere), "nothing written through the link");
        assertEquals(List.of(out.resolve("link")), filesUnder(out), "nothing written at all");

        // The file itself a link to a file elsewhere: refused too, and the file it points to is untouched.
        Path victim = Files.writeString(elsewhere.resolve("victim.wav"), "someone's file");
        Files.createSymbolicLink(out.resolve("early.wav"), victim);
        r = run("replay", json.toString(), "--out", out.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().startsWith("freshears: " + out.resolve("early.wav") + ": would be written outside"), r.err());
        assertEquals("someone's file", Files.readString(victim));
    }

    @Test
    void aDefaultReplayFolderThatIsALinkIsRefused() throws Exception {
        Path session = Files.createDirectories(dir.resolve("linked-replay"));
        Path copy = session.resolve("session.json");
        Files.writeString(copy, Files.readString(json).replace("\"path\": \"mix.wav\"", "\"path\": \"../mix.wav\""));
        Path elsewhere = Files.createDirectories(dir.resolve("replay-elsewhere"));
        Files.createSymbolicLink(session.resolve("replay"), elsewhere);
        Result r = run("replay", copy.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals("freshears: " + session.resolve("replay") + ": is a symbolic link (to " + elsewhere
                + "); replay writes only into a real folder beside the session: remove the link or give --out",
                r.err().strip());
        assertEquals(List.of(), filesUnder(elsewhere));
    }
}
