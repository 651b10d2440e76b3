package org.freshears.session.file;

import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.highPass;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.tpdf;
import static org.freshears.Mastering.wav24;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.session.Comparison;
import org.freshears.session.Display;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.testing.ExternalPrograms;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mix printed to FLAC or AIFF is a mix like a WAV: the session opened on it renders the same master
 * bits as one opened on the WAV it was made from; session.json names the format and decoder (and a WAV
 * mix's record does not: its file is as before), and the session replays from the FLAC or AIFF.
 */
class EncodedMixSessionTest {
    @TempDir
    Path dir;

    @Test
    void aFlacOrAiffMixMastersToTheSameBitsAsItsWavAndReplays() throws Exception {
        ExternalPrograms.assumeInstalled("flac", "--version");
        ExternalPrograms.assumeInstalled("sox", "--version");
        AudioBuffer audio = Signals.pinkNoise(2, 48_000, 2 * 48_000, 0.1, 5);
        Path wav = dir.resolve("mix.wav");
        WavWriter.write(audio, wav, WavOutputFormat.pcm24());
        Path flac = dir.resolve("mix.flac");
        ExternalPrograms.run(dir, "flac", "--silent", "-8", "-o", flac.toString(), wav.toString());
        Path aiff = dir.resolve("mix.aiff");
        ExternalPrograms.run(dir, "sox", wav.toString(), aiff.toString());
        Path aifc = dir.resolve("mix.aifc");
        ExternalPrograms.run(dir, "sox", wav.toString(), "-e", "floating-point", "-b", "32", aifc.toString());

        SessionRecord fromWav = master(wav, "wav");
        assertNull(fromWav.mix().decodedBy());
        String wavJson = Files.readString(dir.resolve("wav/session.json"));
        assertFalse(wavJson.contains("decodedBy"), "a WAV mix's session file is as it always was");

        // compare's file side: a FLAC reference of the same audio differs by nothing at all.
        Session s = Session.open(wav, new SessionContext(dir.resolve("compare"), Display.NONE, Progress.Factory.NONE));
        Comparison c = s.compare(Session.MIX, flac.toString());
        assertEquals(0.0, c.differenceDb(20, 20_000));
        assertEquals(s.snapshot(Session.MIX).analysis().integratedLufs(), c.b().analysis().integratedLufs());

        for (Path mix : List.of(flac, aiff, aifc)) {
            String name = mix.getFileName().toString().replace('.', '-');
            SessionRecord record = master(mix, name);
            assertEquals(fromWav.renders().get(0).sha256(), record.renders().get(0).sha256(), name);
            assertEquals(fromWav.mix().format().frames(), record.mix().format().frames());
            assertEquals(fromWav.mix().facts(), record.mix().facts(), name);
            String expectedFormat = switch (name) {
                case "mix-flac" -> "FLAC";
                case "mix-aiff" -> "AIFF";
                default -> "AIFF-C";
            };
            assertEquals(expectedFormat, record.mix().decodedBy().fileFormat());
            String json = Files.readString(dir.resolve(name + "/session.json"));
            assertTrue(json.contains("\"decodedBy\" : {") || json.contains("\"decodedBy\": {"), json);
            assertEquals(record, SessionJson.read(dir.resolve(name + "/session.json")), "reads back as written");

            ReplayReport replay = Replay.run(dir.resolve(name + "/session.json"), null, null, Progress.Factory.NONE);
            assertEquals(List.of(record.renders().get(0).sha256()),
                    replay.outputs().stream().map(ReplayReport.OutputResult::actualSha256).toList());
        }
    }

    @Test
    void anMp3MixRecordsFfmpegAndItsVersionAndReplays() throws Exception {
        ExternalPrograms.assumeInstalled("ffmpeg", "-version");
        Path wav = dir.resolve("source.wav");
        WavWriter.write(Signals.pinkNoise(2, 44_100, 2 * 44_100, 0.1, 5), wav, WavOutputFormat.pcm24());
        Path mp3 = dir.resolve("mix.mp3");
        ExternalPrograms.run(dir, "ffmpeg", "-nostdin", "-v", "error", "-i", wav.toString(), "-c:a", "libmp3lame",
                "-b:a", "256k", mp3.toString());
        SessionRecord record = master(mp3, "mp3");
        SessionRecord.MixDecoder decodedBy = record.mix().decodedBy();
        assertEquals("MP3", decodedBy.fileFormat());
        assertEquals("ffmpeg", decodedBy.decoder());
        assertTrue(decodedBy.version().matches("\\S+, libavcodec [\\d.]+"), decodedBy.version());
        assertEquals(2 * 44_100, record.mix().format().frames(), "gapless: as long as the WAV it was made from");
        assertEquals(record, SessionJson.read(dir.resolve("mp3/session.json")), "reads back as written");
        ReplayReport replay = Replay.run(dir.resolve("mp3/session.json"), null, null, Progress.Factory.NONE);
        assertEquals(List.of(record.renders().get(0).sha256()),
                replay.outputs().stream().map(ReplayReport.OutputResult::actualSha256).toList());
        assertNull(replay.decoderChange(), "decoded as recorded");

        // Recorded by another ffmpeg: the replay still runs, and says the decoder changed.
        Path json = dir.resolve("mp3/session.json");
        Files.writeString(json, Files.readString(json).replace(decodedBy.version(), "4.4.2, libavcodec 58.134.100"));
        ReplayReport other = Replay.run(json, null, null, Progress.Factory.NONE);
        assertTrue(other.decoderChange().startsWith("the session recorded the mix decoded by ffmpeg 4.4.2, "
                + "libavcodec 58.134.100, it was decoded now by ffmpeg " + decodedBy.version()), other.decoderChange());
    }

    private SessionRecord master(Path mix, String name) throws IOException {
        Path out = Files.createDirectories(dir.resolve(name));
        Session session = Session.open(mix, new SessionContext(out, Display.NONE, Progress.Factory.NONE));
        session.step("eq", highPass(30), bell(2_000, -2));
        session.step("loudness", limiter().ceilingDbtp(-1.0));
        session.render("master.wav", wav24().dither(tpdf(7)));
        Path json = out.resolve("session.json");
        SessionRecord record = SessionRecord.of(session, json, "test");
        SessionJson.write(record, json);
        return record;
    }

}
