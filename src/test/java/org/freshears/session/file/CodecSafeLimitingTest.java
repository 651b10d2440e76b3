package org.freshears.session.file;

import static org.freshears.Mastering.aac;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.mp3;
import static org.freshears.Mastering.wav24;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.chain.CodecSafeLimiter;
import org.freshears.chain.Limiter;
import org.freshears.chain.LossyCodec;
import org.freshears.chain.Renderer;
import org.freshears.measure.LoudnessMeter;
import org.freshears.session.Display;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.testing.Signals;
import org.freshears.translation.CodecSafety;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code limiter().ceilingDbtp(-1).targetLufs(-14).codecSafe(aac(256), mp3(320))}: the codecs run for real
 * while the session resolves it; session.json keeps the ceiling found, so the replay needs no codec.
 */
class CodecSafeLimitingTest {
    @TempDir
    static Path dir;
    static Session session;
    static Path json;
    static Limiter resolved;

    @BeforeAll
    static void masterLoudThroughTheCodecs() throws Exception {
        // the bundled demo mix, mastered as notebook 01 does: limited to -1.05 dBTP, its AAC and MP3 decode above -1
        Path mixFile = dir.resolve("mix.wav");
        Files.copy(Path.of("samples/demo-mix.wav"), mixFile);
        session = Session.open(mixFile, new SessionContext(dir.resolve("out"), Display.NONE, Progress.Factory.NONE));
        session.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14).codecSafe(aac(256), mp3(320)));
        session.render("master.wav", wav24());
        json = dir.resolve("session.json");
        SessionJson.write(SessionRecord.of(session, json, "test-version"), json);
        resolved = assertInstanceOf(Limiter.class, session.steps().get(0).resolved().get(0));
    }

    @Test
    void theCeilingFoundKeepsEveryDecodedVersionUnderTheTargetAndTheLoudnessOnIt() {
        assertTrue(resolved.ceilingDbtp() < -1.0, "lowered below the target: " + resolved.ceilingDbtp());
        assertTrue(resolved.ceilingDbtp() >= -1.0 - 6, resolved.toString());
        AudioBuffer master = renderAgain();
        double decoded = new CodecSafety().maxTruePeakDbtp(master, List.of(aac(256), mp3(320)));
        assertTrue(decoded <= -1.0, "every codec at or under -1 dBTP: " + decoded);
        assertEquals(-14, LoudnessMeter.integratedLufs(master), 0.05);
    }

    @Test
    void theSessionFileKeepsWhatWasWrittenAndTheCeilingFoundAndTheReplayNeedsNoCodec() throws Exception {
        String text = Files.readString(json);
        assertTrue(text.contains("\"codecSafeLimiter\""), text);
        SessionRecord read = SessionJson.read(json);
        CodecSafeLimiter written = assertInstanceOf(CodecSafeLimiter.class, read.steps().get(0).processors().get(0));
        assertEquals(List.of(new LossyCodec("aac", 256), new LossyCodec("mp3", 320)), written.codecs());
        assertEquals(resolved, read.steps().get(0).resolved().get(0));
        // the replay renders the resolved limiter: a renderer without codecs (as Replay's) is enough
        ReplayReport report = Replay.run(json, null, null, Progress.Factory.NONE);
        assertTrue(report.allIdentical(), report.toString());
    }

    @Test
    void withoutCodecRoundTripsACodecSafeStepCannotBeResolved() {
        AudioBuffer audio = Signals.pinkNoise(2, 48_000, 48_000, 0.1, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Renderer().render(List.of(limiter().codecSafe(aac(256))), audio));
        assertTrue(e.getMessage().startsWith("codec-safe limiting needs the codec round trips"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> limiter().codecSafe());
    }

    private static AudioBuffer renderAgain() {
        try {
            AudioBuffer mix = org.freshears.audio.WavReader.read(dir.resolve("mix.wav")).audio();
            return new Renderer().render(List.of(resolved), mix);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
