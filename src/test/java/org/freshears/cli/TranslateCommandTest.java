package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslateCommandTest {
    static final List<String> FIELDS = List.of("file", "integratedLufs", "truePeakDbtp", "platforms", "codecs", "mono");
    static final List<String> PLATFORM_FIELDS = List.of("platform", "mode", "referenceLufs", "gainDb", "playedLufs",
            "playedTruePeakDbtp", "limitedBy");
    static final List<String> CODEC_FIELDS = List.of("codec", "bitrateKbps", "encoder", "integratedLufs", "truePeakDbtp",
            "samplePeakDbfs", "overCeiling");

    @TempDir
    Path dir;

    private Path master(String name) throws Exception {
        Path f = dir.resolve(name);
        WavWriter.write(Signals.pinkNoise(2, 44_100, 44_100 * 4, 0.1, 9), f, WavOutputFormat.pcm24());
        return f;
    }

    @Test
    void jsonHasExactlyTheIssuesFieldsInOrderWithLowerCaseNames() throws Exception {
        Path f = master("master.wav");
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("translate", "--json", "--platforms", "spotify,youtube",
                "--codecs", "aac:256,opus:160", f.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(FIELDS, names(json));
        assertEquals(f.toString(), json.get("file").asText());
        assertEquals(List.of("spotify", "spotify", "spotify", "youtube"),
                json.get("platforms").findValuesAsText("platform"));
        assertEquals(List.of("normal", "loud", "quiet", "normal"), json.get("platforms").findValuesAsText("mode"));
        assertEquals(PLATFORM_FIELDS, names(json.get("platforms").get(0)));
        JsonNode spotify = json.get("platforms").get(0);
        assertEquals(-14.0, spotify.get("referenceLufs").asDouble());
        assertEquals(spotify.get("playedLufs").asDouble() - json.get("integratedLufs").asDouble(),
                spotify.get("gainDb").asDouble(), 1e-9);
        assertEquals(List.of("aac", "opus"), json.get("codecs").findValuesAsText("codec"));
        assertEquals(CODEC_FIELDS, names(json.get("codecs").get(0)));
        assertEquals(256, json.get("codecs").get(0).get("bitrateKbps").asInt());
        assertTrue(json.get("codecs").get(0).get("encoder").asText().startsWith("aac, ffmpeg "));
        assertFalse(json.get("codecs").get(0).get("overCeiling").asBoolean(), "pink noise at -20 LUFS stays under");
        assertEquals(List.of("loudnessChangeLu", "correlation"), names(json.get("mono")));
        assertEquals(-3.0, json.get("mono").get("loudnessChangeLu").asDouble(), 0.2, "uncorrelated channels");
    }

    @Test
    void severalFilesGiveAnArrayAndTheTableReadsWell() throws Exception {
        Path a = master("a.wav");
        Path b = master("b.wav");
        AnalyzeCommandTest.Result json = AnalyzeCommandTest.run("translate", "--json", "--codecs", "none", a.toString(),
                b.toString());
        assertEquals(0, json.status(), json.err());
        JsonNode array = new ObjectMapper().readTree(json.out());
        assertTrue(array.isArray());
        assertEquals(2, array.size());
        assertEquals(0, array.get(1).get("codecs").size());
        AnalyzeCommandTest.Result table = AnalyzeCommandTest.run("translate", "--codecs", "mp3:320", a.toString());
        assertEquals(0, table.status(), table.err());
        assertTrue(table.out().contains("  spotify    normal         -14.0"), table.out());
        assertTrue(table.out().contains("  mp3:320"), table.out());
        assertTrue(table.out().contains("mono: loudness -3."), table.out());
    }

    @Test
    void badPlatformOrCodecNamesAreOneLineListingTheValidOnes() throws Exception {
        Path f = master("master.wav");
        AnalyzeCommandTest.Result platform = AnalyzeCommandTest.run("translate", "--platforms", "spotify,napster",
                f.toString());
        assertEquals(2, platform.status());
        assertEquals("freshears: unknown platform \"napster\"; valid: spotify, spotify:loud, spotify:quiet, apple, "
                + "youtube, tidal, amazon, deezer\n", platform.err());
        assertEquals("", platform.out());
        AnalyzeCommandTest.Result codec = AnalyzeCommandTest.run("translate", "--codecs", "wma:128", f.toString());
        assertEquals(2, codec.status());
        assertEquals("freshears: unknown codec \"wma\"; valid: aac, mp3, opus, vorbis (as name:kbps, e.g. aac:256)\n",
                codec.err());
    }

    /** The environment variable is read by the process: the command runs in a child JVM with it set. */
    @Test
    void withoutFfmpegItSaysHowToInstallItAndEverythingElseStillWorks() throws Exception {
        Path f = master("master.wav");
        Result missing = child(List.of("/nonexistent"), "translate", f.toString());
        assertEquals(2, missing.status());
        assertEquals("freshears: FRESHEARS_FFMPEG=/nonexistent: no such executable; install it (Debian/Ubuntu: "
                + "apt-get install ffmpeg; macOS: brew install ffmpeg) or set FRESHEARS_FFMPEG to its path\n", missing.err());
        assertEquals("", missing.out());
        Result platformsOnly = child(List.of("/nonexistent"), "translate", "--codecs", "none", f.toString());
        assertEquals(0, platformsOnly.status(), platformsOnly.err());
        assertTrue(platformsOnly.out().contains("spotify"), platformsOnly.out());
        Result analyze = child(List.of("/nonexistent"), "analyze", f.toString());
        assertEquals(0, analyze.status(), analyze.err());
    }

    @Test
    void aFailingEncoderIsAClearErrorAndNothingIsWritten() throws Exception {
        Path f = master("master.wav");
        Path fake = dir.resolve("fake-ffmpeg");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = -version ]; then echo 'ffmpeg version 0-fake'; exit 0; fi\n"
                + "echo 'Error while opening encoder' >&2; exit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Path> before = listing();
        Result r = child(List.of(fake.toString()), "translate", "--codecs", "opus:160", f.toString());
        assertEquals(2, r.status());
        assertEquals("freshears: " + f + ": opus:160: encoding failed: ffmpeg failed (exit 1: Error while opening "
                + "encoder)\n", r.err());
        assertEquals("", r.out());
        assertEquals(before, listing(), "nothing written beside the master");
        Path broken = dir.resolve("exits-1");
        Files.writeString(broken, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result exits = child(List.of(broken.toString()), "translate", f.toString());
        assertEquals(2, exits.status());
        assertTrue(exits.err().startsWith("freshears: " + broken + " -version failed (exit 1); install it"), exits.err());
    }

    record Result(int status, String out, String err) {
    }

    private Result child(List<String> ffmpeg, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.freshears.cli.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir.getParent(), "child", ".out");
        Path err = Files.createTempFile(dir.getParent(), "child", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("FRESHEARS_FFMPEG", ffmpeg.get(0));
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        try {
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private List<Path> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
