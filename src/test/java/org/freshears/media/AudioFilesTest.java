package org.freshears.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.WavContents;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavWriter;
import org.freshears.measure.Analysis;
import org.freshears.testing.ExternalPrograms;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MP3, AAC/M4A, Ogg Vorbis and Opus through ffmpeg: the loudness of our decode is ffmpeg's own (within
 * 0.05 LU of ffmpeg → WAV → our meter), gapless where the file says so (as long as the WAV it was made
 * from), recognised by content; a missing ffmpeg, a corrupt or a truncated file is one line naming the
 * file and the fault. The files are encoded by ffmpeg at test time from generated signals.
 */
class AudioFilesTest {
    /** Not a whole number of milliseconds, nor of any codec's frame: the length must come out exact. */
    private static final int FRAMES = 3 * 44_100 + 17;

    @TempDir
    Path dir;

    private Path source() throws Exception {
        AudioBuffer music = Signals.pinkNoise(2, 44_100, FRAMES, 0.05, 11); // about -19 LUFS
        Path wav = dir.resolve("source.wav");
        WavWriter.write(music, wav, WavOutputFormat.pcm24());
        return wav;
    }

    private Path encode(Path wav, String name, String... codec) throws Exception {
        Path out = dir.resolve(name);
        List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i",
                wav.toString()));
        command.addAll(List.of(codec));
        command.add(out.toString());
        ExternalPrograms.run(dir, command.toArray(String[]::new));
        return out;
    }

    @Test
    void lossyFilesMeasureAsFfmpegsOwnDecodeAndKeepTheirLength() throws Exception {
        ExternalPrograms.assumeInstalled("ffmpeg", "-version");
        Path wav = source();
        record Case(String file, String[] codec, String format, int rate, int frames) {
        }
        int opusFrames = (int) Math.round(FRAMES * 48_000.0 / 44_100);
        List<Case> cases = List.of(
                new Case("song.mp3", new String[] {"-c:a", "libmp3lame", "-b:a", "320k"}, "MP3", 44_100, FRAMES),
                new Case("vbr.mp3", new String[] {"-c:a", "libmp3lame", "-q:a", "0"}, "MP3", 44_100, FRAMES),
                new Case("song.m4a", new String[] {"-c:a", "aac", "-b:a", "256k"}, "AAC (M4A)", 44_100, FRAMES),
                new Case("song.ogg", new String[] {"-c:a", "libvorbis", "-q:a", "5"}, "Ogg Vorbis", 44_100, FRAMES),
                new Case("song.opus", new String[] {"-c:a", "libopus", "-b:a", "160k"}, "Ogg Opus", 48_000, opusFrames));
        for (Case c : cases) {
            Path encoded = encode(wav, c.file(), c.codec());
            WavContents ours = AudioFiles.read(encoded);
            assertEquals(c.format(), ours.decoding().fileFormat(), c.file());
            assertEquals("ffmpeg", ours.decoding().decoder());
            assertEquals(c.rate(), ours.audio().sampleRate(), c.file());
            assertEquals(2, ours.audio().channels());
            assertEquals(c.frames(), ours.audio().frames(), 1, c.file() + ": gapless, as long as the WAV");

            Path theirs = dir.resolve(c.file() + ".ffmpeg.wav");
            ExternalPrograms.run(dir, "ffmpeg", "-nostdin", "-v", "error", "-y", "-i", encoded.toString(), "-c:a",
                    "pcm_f32le", theirs.toString());
            double ffmpegLufs = Analysis.withoutSpectrum(WavReader.read(theirs).audio(), f -> { }).integratedLufs();
            double ourLufs = Analysis.withoutSpectrum(ours.audio(), f -> { }).integratedLufs();
            assertEquals(ffmpegLufs, ourLufs, 0.05, c.file());
            if (!c.file().equals("song.opus")) {
                double wavLufs = Analysis.withoutSpectrum(WavReader.read(wav).audio(), f -> { }).integratedLufs();
                // Loose: the codec's own loss on full-band noise (ffmpeg's AAC encoder takes 0.3 LU); a wrong
                // gain, alignment or channel count would be far off.
                assertEquals(wavLufs, ourLufs, 0.5, c.file() + " against the WAV it was made from");
            }
        }
    }

    @Test
    void anM4aIsCutWhereItsEditListEndsAndMonoStaysMono() throws Exception {
        ExternalPrograms.assumeInstalled("ffmpeg", "-version");
        Path wav = source();
        // ffmpeg alone decodes this to a whole number of 1024-frame AAC frames: the padding must go.
        Path m4a = encode(wav, "mono.m4a", "-ac", "1", "-c:a", "aac", "-b:a", "128k");
        WavContents decoded = AudioFiles.read(m4a);
        assertEquals(FRAMES, decoded.audio().frames());
        assertEquals(1, decoded.audio().channels());
        Path mp3 = encode(wav, "mono.mp3", "-ac", "1", "-ar", "32000", "-c:a", "libmp3lame", "-q:a", "2");
        WavContents mono = AudioFiles.read(mp3);
        assertEquals(32_000, mono.audio().sampleRate());
        assertEquals(1, mono.audio().channels());
        assertEquals(Math.round(FRAMES * 32_000.0 / 44_100), mono.audio().frames(), 1);
    }

    @Test
    void recognisedByContentNotByName() throws Exception {
        ExternalPrograms.assumeInstalled("ffmpeg", "-version");
        Path mp3 = encode(source(), "song.mp3", "-c:a", "libmp3lame", "-b:a", "192k");
        Path named = Files.copy(mp3, dir.resolve("song.wav"));
        assertEquals("MP3", AudioFiles.read(named).decoding().fileFormat());
        Path ogg = encode(dir.resolve("source.wav"), "song.ogg", "-c:a", "libvorbis");
        Path oggNamedMp3 = Files.copy(ogg, dir.resolve("ogg.mp3"));
        assertEquals("Ogg Vorbis", AudioFiles.read(oggNamedMp3).decoding().fileFormat());
    }

    @Test
    void withoutFfmpegTheFileTheFormatAndHowToGetItAreNamed() throws Exception {
        // An MPEG-1 Layer III frame header is all the sniffing needs; ffmpeg is never reached.
        Path mp3 = dir.resolve("song.mp3");
        byte[] bytes = new byte[2048];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFB;
        bytes[2] = (byte) 0x90;
        Files.write(mp3, bytes);
        Path nothing = dir.resolve("no-ffmpeg-here");
        AudioFormatException named = assertThrows(AudioFormatException.class,
                () -> AudioFiles.read(mp3, f -> { }, Map.of("FRESHEARS_FFMPEG", nothing.toString())));
        assertEquals(mp3 + ": an MP3 file, which Fresh Ears decodes with ffmpeg: FRESHEARS_FFMPEG=" + nothing
                + ": no such executable; install it (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install "
                + "ffmpeg) or set FRESHEARS_FFMPEG to its path", named.getMessage());
        Path emptyDir = Files.createDirectories(dir.resolve("bin"));
        AudioFormatException onPath = assertThrows(AudioFormatException.class,
                () -> AudioFiles.open(mp3, Map.of("PATH", emptyDir.toString())));
        assertTrue(onPath.getMessage().startsWith(mp3 + ": an MP3 file, which Fresh Ears decodes with ffmpeg: "
                + "ffmpeg not found on the PATH (needed for decoding MP3 files); install it (Debian/Ubuntu: "
                + "apt-get install ffmpeg"), onPath.getMessage());
        assertEquals(1, onPath.getMessage().lines().count());
    }

    @Test
    void truncatedAndCorruptFilesAreRefusedNamingTheFault() throws Exception {
        ExternalPrograms.assumeInstalled("ffmpeg", "-version");
        Path wav = source();
        Path mp3 = encode(wav, "song.mp3", "-c:a", "libmp3lame", "-b:a", "320k");
        Path ogg = encode(wav, "song.ogg", "-c:a", "libvorbis");
        Path opus = encode(wav, "song.opus", "-c:a", "libopus");
        Path m4a = encode(wav, "song.m4a", "-c:a", "aac");
        for (Path file : List.of(mp3, ogg, opus, m4a)) {
            byte[] whole = Files.readAllBytes(file);
            Path cut = dir.resolve("cut-" + file.getFileName());
            Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
            AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioFiles.read(cut));
            assertTrue(e.getMessage().startsWith(cut + ": "), e.getMessage());
            assertTrue(e.fault().contains("truncated"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
        // Cut where a page starts: every page whole, but the stream never ends (ffmpeg alone says nothing).
        byte[] oggBytes = Files.readAllBytes(ogg);
        int pageStart = oggBytes.length / 2;
        while (!new String(oggBytes, pageStart, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("OggS")) {
            pageStart++;
        }
        Path atPage = dir.resolve("at-page.ogg");
        Files.write(atPage, Arrays.copyOf(oggBytes, pageStart));
        AudioFormatException noEnd = assertThrows(AudioFormatException.class, () -> AudioFiles.read(atPage));
        assertEquals("truncated: the last Ogg page does not end the stream (no end-of-stream flag)", noEnd.fault());

        for (Path file : List.of(mp3, ogg, opus, m4a)) {
            byte[] bytes = Files.readAllBytes(file);
            for (int i = bytes.length / 3; i < bytes.length / 3 + 1024; i += 3) {
                bytes[i] = (byte) (bytes[i] ^ 0x5A);
            }
            Path corrupt = dir.resolve("corrupt-" + file.getFileName());
            Files.write(corrupt, bytes);
            AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioFiles.read(corrupt));
            assertTrue(e.fault().startsWith("corrupt ") || e.fault().startsWith("truncated or corrupt: "), e.getMessage());
            assertTrue(e.fault().contains("ffmpeg reports \""), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Test
    void ffmpegsLogLinesLoseTheirTags() {
        assertEquals("mp3float: Header missing", Ffmpeg.untagged("[mp3float @ 0x55d0c1a2b3c0] [error] Header missing"));
        assertEquals("mov,mp4,m4a,3gp,3g2,mj2: moov atom not found",
                Ffmpeg.untagged("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5609308dd980] [error] moov atom not found"));
        assertEquals("Error while decoding stream #0:0: Invalid data found when processing input",
                Ffmpeg.untagged("[error] Error while decoding stream #0:0: Invalid data found when processing input"));
        assertEquals("plain", Ffmpeg.untagged("  plain "));
    }

    @Test
    void nativeFormatsStillGoToTheNativeReaders() throws Exception {
        Path wav = source();
        WavContents contents = AudioFiles.read(wav, f -> { }, Map.of("FRESHEARS_FFMPEG", "/nowhere"));
        assertEquals("WAV", contents.decoding().fileFormat());
        assertEquals(FRAMES, contents.audio().frames());
    }
}
