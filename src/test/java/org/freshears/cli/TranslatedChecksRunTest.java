package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.session.file.SessionJson;
import org.freshears.session.file.SessionRecord;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook with checks through a codec, run where ffmpeg is missing (a child JVM with FRESHEARS_FFMPEG set to
 * nothing that exists): the codec check is not done and says why in one line, the rest is judged and written,
 * and the replay of its session.json needs no ffmpeg.
 */
class TranslatedChecksRunTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    @Test
    void withoutFfmpegACodecCheckFailsInOneLineAndTheReplayNeedsNoFfmpeg() throws Exception {
        Path mix = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 44_100, 44_100 * 3, 0.1, 3), mix, WavOutputFormat.pcm24());
        Path nb = dir.resolve("translated.jsh");
        Files.writeString(nb, "// %%\nvar s = session(\"" + mix.toString().replace("\\", "\\\\") + "\");\n"
                + "s.step(\"loudness\", limiter().ceilingDbtp(-1).targetLufs(-14));\n"
                + "s.check(\"survives AAC\", truePeakDbtp().through(aac(256)), atMost(-1.0));\n"
                + "s.check(\"Spotify plays it unchanged\", playbackGainDb(spotify()), within(0, 1));\n"
                + "s.render(\"master.wav\", wav24());\n");
        Path out = dir.resolve("out");
        Result run = freshears("run", nb.toString(), "--out", out.toString());
        assertEquals(1, run.status(), "ran, but the codec check is not done: " + run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err());
        SessionRecord record = SessionJson.read(out.resolve("session.json"));
        SessionRecord.CheckEntry aac = record.checks().get(0);
        assertFalse(aac.done());
        assertEquals("true peak through aac:256 not measured in 'loudness': FRESHEARS_FFMPEG=/nonexistent: no such "
                + "executable; install it (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg) or set "
                + "FRESHEARS_FFMPEG to its path", aac.evidence());
        assertEquals(null, aac.value());
        assertTrue(record.checks().get(1).done(), "the platform check needs no ffmpeg: " + record.checks().get(1));
        Result replay = freshears("replay", out.resolve("session.json").toString());
        assertEquals(0, replay.status(), replay.out() + replay.err());
        assertTrue(replay.out().contains("identical"), replay.out());
    }

    private Result freshears(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.freshears.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile());
        pb.environment().put("FRESHEARS_FFMPEG", "/nonexistent");
        Process child = pb.start();
        if (!child.waitFor(300, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("freshears " + String.join(" ", args) + " took more than 300 s");
        }
        return new Result(child.exitValue(), Files.readString(dir.resolve("child.out")),
                Files.readString(dir.resolve("child.err")));
    }
}
