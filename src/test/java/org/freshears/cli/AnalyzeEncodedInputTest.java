package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.testing.ExternalPrograms;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `analyze` and `listen` take FLAC and AIFF as they take WAV; a broken FLAC is one line and exit 2. */
class AnalyzeEncodedInputTest {
    @TempDir
    Path dir;

    @Test
    void flacAndAiffMeasureExactlyAsTheirWav() throws Exception {
        ExternalPrograms.assumeInstalled("flac", "--version");
        ExternalPrograms.assumeInstalled("sox", "--version");
        Path wav = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 44_100, 4 * 44_100, 0.2, 9), wav, WavOutputFormat.pcm24());
        Path flac = dir.resolve("mix.flac");
        ExternalPrograms.run(dir, "flac", "--silent", "-o", flac.toString(), wav.toString());
        Path aiff = dir.resolve("mix.aif");
        ExternalPrograms.run(dir, "sox", wav.toString(), aiff.toString());

        AnalyzeCommandTest.Result fromWav = AnalyzeCommandTest.run("analyze", "--json", wav.toString());
        assertEquals(0, fromWav.status(), fromWav.err());
        for (Path other : new Path[] {flac, aiff}) {
            AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("analyze", "--json", other.toString());
            assertEquals(0, r.status(), r.err());
            assertEquals("", r.err());
            assertEquals(withoutDecoder(fromWav.out().replace(wav.toString(), other.toString())), withoutDecoder(r.out()),
                    "the same figures");
            String fileFormat = other == flac ? "FLAC" : "AIFF";
            assertTrue(r.out().contains("\"fileFormat\" : \"" + fileFormat + "\""), r.out());
            AnalyzeCommandTest.Result table = AnalyzeCommandTest.run("analyze", other.toString());
            assertTrue(table.out().contains("\n  " + fileFormat + ", 24-bit PCM, 44100 Hz, stereo, 0:04.000"), table.out());
            AnalyzeCommandTest.Result listen = AnalyzeCommandTest.run("listen", "--json", other.toString());
            assertTrue(listen.status() == 0 || listen.status() == 1, listen.err());
        }
    }

    @Test
    void aTruncatedFlacIsOneLineAndExitTwo() throws Exception {
        ExternalPrograms.assumeInstalled("flac", "--version");
        Path wav = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 48_000, 48_000, 0.2, 9), wav, WavOutputFormat.pcm16());
        Path flac = dir.resolve("mix.flac");
        ExternalPrograms.run(dir, "flac", "--silent", "-o", flac.toString(), wav.toString());
        byte[] bytes = Files.readAllBytes(flac);
        Files.write(flac, Arrays.copyOf(bytes, bytes.length - 100));
        for (String command : new String[] {"analyze", "listen"}) {
            AnalyzeCommandTest.Result r = AnalyzeCommandTest.run(command, flac.toString());
            assertEquals(2, r.status(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("freshears: " + flac + ": truncated: the file ends inside a frame in the "
                    + "frame at byte "), r.err());
        }
    }

    @Test
    void anMp3IsMeasuredThroughFfmpegAndABrokenOneWritesNothing() throws Exception {
        ExternalPrograms.assumeInstalled("ffmpeg", "-version");
        Path wav = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 44_100, 4 * 44_100, 0.2, 9), wav, WavOutputFormat.pcm24());
        Path mp3 = dir.resolve("mix.mp3");
        ExternalPrograms.run(dir, "ffmpeg", "-nostdin", "-v", "error", "-i", wav.toString(), "-c:a", "libmp3lame",
                "-b:a", "320k", mp3.toString());
        AnalyzeCommandTest.Result table = AnalyzeCommandTest.run("analyze", mp3.toString());
        assertEquals(0, table.status(), table.err());
        assertTrue(table.out().matches("(?s).*\n  MP3 decoded by ffmpeg \\S+ to 32-bit float, 44100 Hz, stereo, "
                + "0:04\\.000 \\(176400 frames\\)\n.*"), table.out());
        AnalyzeCommandTest.Result json = AnalyzeCommandTest.run("analyze", "--json", mp3.toString());
        assertTrue(json.out().contains("\"fileFormat\" : \"MP3\""), json.out());
        assertTrue(json.out().contains("\"decodedBy\" : \"ffmpeg "), json.out());

        byte[] bytes = Files.readAllBytes(mp3);
        Path cut = dir.resolve("cut.mp3");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        Path draft = dir.resolve("draft.jsh");
        for (String command : new String[] {"analyze", "listen"}) {
            AnalyzeCommandTest.Result r = command.equals("listen")
                    ? AnalyzeCommandTest.run(command, cut.toString(), "--notebook", draft.toString())
                    : AnalyzeCommandTest.run(command, cut.toString());
            assertEquals(2, r.status(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("freshears: " + cut + ": truncated: the MP3 data ends after "), r.err());
        }
        assertTrue(Files.notExists(draft), "nothing written for a file that cannot be read");
    }

    /** The JSON but its last two fields, which say what the file is and what decoded it. */
    private static String withoutDecoder(String json) {
        return json.replaceAll(",\\s*\"fileFormat\" : \"[^\"]*\",\\s*\"decodedBy\" : \"[^\"]*\"", "");
    }
}
