package org.freshears.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Gain;
import org.freshears.chain.Renderer;
import org.freshears.checklist.TimeSpan;
import org.freshears.io.FileHashes;
import org.freshears.measure.Analysis;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code s.reference(...)}: read, hashed and measured as the mix is; named uniquely; bad input in one line. */
class ReferenceTest {
    @TempDir
    static Path dir;
    static Path mixFile;
    static Path refFile;
    static AudioBuffer refAudio;

    @BeforeAll
    static void printTheFiles() throws Exception {
        AudioBuffer mix = Signals.pinkNoise(2, 48_000, 8 * 48_000, 0.05, 3);
        mixFile = dir.resolve("mix.wav");
        WavWriter.write(mix, mixFile, WavOutputFormat.float32());
        refAudio = new Renderer().render(List.of(new Gain(4)), Signals.pinkNoise(2, 48_000, 10 * 48_000, 0.05, 11));
        Files.createDirectories(dir.resolve("refs"));
        refFile = dir.resolve("refs/loved.song.wav");
        WavWriter.write(refAudio, refFile, WavOutputFormat.float32());
    }

    private static Session open() throws Exception {
        return Session.open(mixFile, new SessionContext(dir, Display.NONE, Progress.Factory.NONE, dir));
    }

    @Test
    void aReferenceIsFoundLikeTheMixHashedAndMeasuredAsTheMixIs() throws Exception {
        Session s = open();
        Reference ref = s.reference("refs/loved.song.wav");
        assertEquals("loved.song", ref.name(), "the extension goes, the other dots stay");
        assertEquals("reference:loved.song", ref.key());
        assertEquals("refs/loved.song.wav", ref.path(), "the path as given");
        assertEquals(FileHashes.sha256(refFile), ref.sha256());
        assertTrue(ref.span().isEmpty());
        assertEquals(10.0, ref.fileSeconds(), 1e-9);
        Analysis expected = Analysis.of(refAudio);
        assertEquals(expected.integratedLufs(), ref.analysis().integratedLufs(), 0.0);
        assertEquals(expected.loudnessRangeLu(), ref.analysis().loudnessRangeLu(), 0.0);
        assertEquals(expected.truePeakDbtp(), ref.analysis().truePeakDbtp(), 0.0);
        assertTrue(ref.analysis().hasSpectrum());
        assertEquals("WAV", ref.decoding().fileFormat());
        assertSame(ref, s.reference("refs/loved.song.wav"), "the same file and span is the same reference");
        assertEquals(List.of(ref), s.references());
        assertTrue(ref.toString().startsWith("reference 'loved.song' (refs/loved.song.wav, WAV): "), ref.toString());
    }

    @Test
    void aSpanIsMeasuredAloneAndASecondReadingOfTheFileGetsItsOwnName() throws Exception {
        Session s = open();
        Reference whole = s.reference("refs/loved.song.wav");
        Reference chorus = s.reference("refs/loved.song.wav", TimeSpan.of("0:02", "0:05"));
        assertEquals("loved.song 2", chorus.name());
        assertEquals(new TimeSpan(2, 5), chorus.span().orElseThrow());
        Analysis expected = Analysis.of(refAudio.slice(2 * 48_000, 5 * 48_000));
        assertEquals(expected.integratedLufs(), chorus.analysis().integratedLufs(), 0.0);
        assertEquals(3.0, chorus.analysis().durationSeconds(), 1e-9);
        assertTrue(whole.analysis().integratedLufs() != chorus.analysis().integratedLufs());
    }

    @Test
    void badReferencesAreRefusedInOneLineNamingTheFileAndTheFault() throws Exception {
        Session s = open();
        AudioFormatException missing = assertThrows(AudioFormatException.class, () -> s.reference("refs/nope.flac"));
        assertTrue(missing.getMessage().startsWith("refs/nope.flac: reference not found (looked in "),
                missing.getMessage());
        Path text = dir.resolve("refs/notes.flac");
        Files.writeString(text, "not audio at all, just words about a song\n");
        AudioFormatException notAudio = assertThrows(AudioFormatException.class, () -> s.reference("refs/notes.flac"));
        assertTrue(notAudio.getMessage().contains("notes.flac: "), notAudio.getMessage());
        AudioFormatException past = assertThrows(AudioFormatException.class,
                () -> s.reference("refs/loved.song.wav", TimeSpan.of("0:08", "0:12")));
        assertTrue(past.getMessage().endsWith("loved.song.wav: the span 0:08.000-0:12.000 reaches past the end of the"
                + " file (0:10.000 long)"), past.getMessage());
        Path silent = dir.resolve("refs/silent.wav");
        WavWriter.write(Signals.silence(2, 48_000, 2), silent, WavOutputFormat.float32());
        AudioFormatException quiet = assertThrows(AudioFormatException.class, () -> s.reference("refs/silent.wav"));
        assertTrue(quiet.getMessage().endsWith("silent.wav: is silent (no integrated loudness): nothing to compare with"),
                quiet.getMessage());
        for (AudioFormatException e : List.of(missing, notAudio, past, quiet)) {
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(s.references().isEmpty(), "nothing half-read is kept");
    }
}
