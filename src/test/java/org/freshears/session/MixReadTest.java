package org.freshears.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.io.FileHashes;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mix read ahead ({@code run --mix} reads it while JShell starts) opens the very session a direct read opens,
 * and is never taken once the file has changed: the session then reads the file as it is.
 */
class MixReadTest {
    @TempDir
    Path dir;

    private SessionContext context() {
        return new SessionContext(dir, Display.NONE, Progress.Factory.NONE);
    }

    private static void print(AudioBuffer audio, Path file) throws Exception {
        WavWriter.write(audio, file, WavOutputFormat.pcm24());
    }

    private static AudioBuffer noise(long seed) {
        return Signals.noise(2, 48_000, 48_000, 0.25, seed);
    }

    private static void assertSameSamples(Session expected, Session actual) {
        AudioBuffer a = expected.mix().audio();
        AudioBuffer b = actual.mix().audio();
        assertEquals(a.channels(), b.channels());
        for (int c = 0; c < a.channels(); c++) {
            assertArrayEquals(a.channel(c), b.channel(c), "channel " + c);
        }
    }

    @Test
    void aMixReadAheadOpensTheSessionADirectReadOpens() throws Exception {
        Path mix = dir.resolve("mix.wav");
        print(noise(1), mix);
        Session ahead = Session.open(MixRead.start(mix), context());
        Session direct = Session.open(mix, context());
        assertEquals(FileHashes.sha256(mix), ahead.mixSha256());
        assertEquals(direct.mixSha256(), ahead.mixSha256());
        assertEquals(direct.mix().format(), ahead.mix().format());
        assertSameSamples(direct, ahead);
    }

    @Test
    void aMixReplacedAfterItWasReadAheadIsReadAgain() throws Exception {
        Path mix = dir.resolve("mix.wav");
        print(noise(1), mix);
        MixRead read = MixRead.start(mix);
        String oldHash = read.sha256(); // read and hashed to the end before the file is replaced
        read.contents(fraction -> { });
        Path other = dir.resolve("other.wav");
        print(noise(2), other); // the same size, another inode
        Files.move(other, mix, StandardCopyOption.REPLACE_EXISTING);

        Session session = Session.open(read, context());
        assertNotEquals(oldHash, session.mixSha256());
        assertEquals(FileHashes.sha256(mix), session.mixSha256());
        assertSameSamples(Session.open(mix, context()), session);
    }

    @Test
    void aMixRewrittenInPlaceAfterItWasReadAheadIsReadAgain() throws Exception {
        Path mix = dir.resolve("mix.wav");
        print(noise(1), mix);
        MixRead read = MixRead.start(mix);
        String oldHash = read.sha256();
        read.contents(fraction -> { });
        Path other = dir.resolve("other.wav");
        print(noise(3), other);
        byte[] otherBytes = Files.readAllBytes(other);
        assertEquals(Files.size(mix), otherBytes.length);
        Thread.sleep(50); // past the file system's clock tick: the rewrite's change time is a later one
        Files.write(mix, otherBytes); // the same inode and size: only the times tell

        Session session = Session.open(read, context());
        assertNotEquals(oldHash, session.mixSha256());
        assertEquals(FileHashes.sha256(mix), session.mixSha256());
        assertSameSamples(Session.open(mix, context()), session);
    }

    @Test
    void aMixThatCannotBeReadFailsTheSessionAsADirectReadDoes() throws Exception {
        Path mix = dir.resolve("not-audio.wav");
        Files.writeString(mix, "these are not the bytes of a WAV file");
        AudioFormatException direct = assertThrows(AudioFormatException.class, () -> Session.open(mix, context()));
        AudioFormatException ahead = assertThrows(AudioFormatException.class,
                () -> Session.open(MixRead.start(mix), context()));
        assertEquals(direct.getMessage(), ahead.getMessage());
    }

    @Test
    void aMixFixedAfterAFailedReadAheadIsReadAgain() throws Exception {
        Path mix = dir.resolve("mix.wav");
        Files.writeString(mix, "not yet a WAV file");
        MixRead read = MixRead.start(mix);
        assertThrows(AudioFormatException.class, () -> read.contents(fraction -> { }));
        Path other = dir.resolve("other.wav");
        print(noise(4), other);
        Files.move(other, mix, StandardCopyOption.REPLACE_EXISTING);

        Session session = Session.open(read, context());
        assertEquals(FileHashes.sha256(mix), session.mixSha256());
    }
}
