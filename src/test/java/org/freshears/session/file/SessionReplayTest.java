package org.freshears.session.file;

import static org.freshears.Mastering.atLeast;
import static org.freshears.Mastering.atMost;
import static org.freshears.Mastering.band;
import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.compressor;
import static org.freshears.Mastering.highPass;
import static org.freshears.Mastering.integratedLufs;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.plrDb;
import static org.freshears.Mastering.shapedDither;
import static org.freshears.Mastering.span;
import static org.freshears.Mastering.tpdf;
import static org.freshears.Mastering.truePeakDbtp;
import static org.freshears.Mastering.wav16;
import static org.freshears.Mastering.wav24;
import static org.freshears.Mastering.within;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Limiter;
import org.freshears.chain.LoudnessTarget;
import org.freshears.io.FileHashes;
import org.freshears.session.Display;
import org.freshears.session.Problem;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.session.StepRun;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook's session, written to session.json and replayed from the JSON alone: the same bits for
 * every output; a different mix is refused; a moved mix is found with --mix.
 */
class SessionReplayTest {
    @TempDir
    static Path dir;
    static Path mixFile;
    static Path json;
    static Session session;
    static SessionRecord record;

    @BeforeAll
    static void runASession() throws Exception {
        AudioBuffer mix = Signals.concat(Signals.silence(2, 48_000, 0.2),
                Signals.pinkNoise(2, 48_000, 5 * 48_000, 0.08, 11), Signals.silence(2, 48_000, 0.3));
        mixFile = dir.resolve("mix.wav");
        WavWriter.write(mix, mixFile, WavOutputFormat.pcm24());
        {
            SessionContext ctx = new SessionContext(dir.resolve("out"), Display.NONE, Progress.Factory.NONE);
            session = Session.open(mixFile, ctx);
            session.listen("headphones, next morning");
            session.note("0:02", "hiss on the top");
            Problem mud = session.problem("mud", span("0:00", "0:05"), band(180, 400));
            session.section("middle", "0:01", "0:03");
            session.step("clean lows", highPass(25).slope(24), bell(300, -2.5).q(1.2)).addresses(mud);
            session.render("early-24.wav", wav24().dither(tpdf(1234)));
            StepRun glue = session.step("glue", compressor().thresholdDb(-24).ratio(1.5).attackMs(30).releaseMs(200));
            session.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
            session.check("streaming loudness", integratedLufs(), within(-14, 0.5));
            session.check("true peak", truePeakDbtp(), atMost(-1.0));
            session.check("kept dynamics", plrDb(), atLeast(8)).after(glue);
            session.render("master-16.wav", wav16().dither(shapedDither()));
        }
        json = dir.resolve("session.json");
        record = SessionRecord.of(session, json, "test-version");
        SessionJson.write(record, json);
    }

    @Test
    void theRecordHoldsTheResolvedChainTheRendersAndTheMix() throws Exception {
        assertEquals("mix.wav", record.mix().path(), "relative to the JSON's folder");
        assertEquals(FileHashes.sha256(mixFile), record.mix().sha256());
        assertEquals(List.of("out/early-24.wav", "out/master-16.wav"),
                record.renders().stream().map(SessionRecord.Render::path).toList());
        assertEquals(List.of(1, 3), record.renders().stream().map(SessionRecord.Render::afterSteps).toList());
        SessionRecord.StepEntry loudness = record.steps().get(2);
        assertInstanceOf(LoudnessTarget.class, loudness.processors().get(0));
        Limiter resolved = assertInstanceOf(Limiter.class, loudness.resolved().get(0));
        assertNotEquals(0.0, resolved.inputGainDb(), "the search's gain is recorded");
        assertEquals(session.steps().get(2).resolved().get(0), resolved);
        assertEquals(1234, record.renders().get(0).dither().seed());
        assertEquals(List.of("mud"), record.problems().stream().map(SessionRecord.ProblemEntry::name).toList());
        assertEquals(List.of("clean lows"), record.problems().get(0).addressedBy());
        assertEquals("glue", record.checks().get(2).afterStep());
        assertEquals(-14, record.checks().get(0).value(), 0.5);
        assertEquals(record.renders().get(1).sha256(), session.renders().get(1).sha256());
    }

    @Test
    void theFileIsStableAndReadsBackToTheSameRecord() throws Exception {
        assertEquals(record, SessionJson.read(json));
        Path again = dir.resolve("again.json");
        SessionJson.write(SessionRecord.of(session, again, "test-version"), again);
        assertArrayEquals(Files.readAllBytes(json), Files.readAllBytes(again), "nothing changes from write to write");
        String text = Files.readString(json);
        assertFalse(text.contains(dir.toString()), "no absolute machine paths");
    }

    @Test
    void theReplayOfTheSessionIsBitIdenticalForEveryOutput() throws Exception {
        ReplayReport report = Replay.run(json, null, null, Progress.Factory.NONE);
        assertEquals(2, report.outputs().size());
        assertTrue(report.allIdentical(), report.toString());
        for (int i = 0; i < 2; i++) {
            ReplayReport.OutputResult r = report.outputs().get(i);
            assertEquals(session.renders().get(i).sha256(), r.actualSha256());
            assertEquals(dir.resolve("replay").resolve(r.recordedPath()).toAbsolutePath().normalize(), r.writtenTo());
            assertArrayEquals(Files.readAllBytes(session.renders().get(i).path()), Files.readAllBytes(r.writtenTo()));
        }
    }

    @Test
    void aDifferentMixIsRefused() throws Exception {
        Path tampered = dir.resolve("tampered.wav");
        byte[] bytes = Files.readAllBytes(mixFile);
        bytes[bytes.length / 2] ^= 1; // one LSB of one sample
        Files.write(tampered, bytes);
        ReplayRefusedException e = assertThrows(ReplayRefusedException.class,
                () -> Replay.run(json, tampered, dir.resolve("refused"), Progress.Factory.NONE));
        assertEquals(tampered + ": SHA-256 differs from the session's (recorded " + record.mix().sha256().substring(0, 12)
                + "..., found " + FileHashes.sha256(tampered).substring(0, 12) + "...): not the same mix; use --mix to "
                + "point to the right file", e.getMessage());
        assertFalse(Files.exists(dir.resolve("refused")), "nothing written");
    }

    @Test
    void aMovedMixIsFoundWithTheOverrideAndStillCheckedByHash() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("moved"));
        Path sessionCopy = elsewhere.resolve("session.json");
        Files.copy(json, sessionCopy);
        ReplayRefusedException e = assertThrows(ReplayRefusedException.class,
                () -> Replay.run(sessionCopy, null, null, Progress.Factory.NONE));
        assertEquals(elsewhere.resolve("mix.wav").toAbsolutePath() + ": no such file (the session's mix, recorded as "
                + "'mix.wav'; use --mix to point to a moved copy)", e.getMessage());

        Path copy = elsewhere.resolve("renamed mix.wav");
        Files.copy(mixFile, copy);
        ReplayReport report = Replay.run(sessionCopy, copy, null, Progress.Factory.NONE);
        assertTrue(report.allIdentical(), report.toString());
        assertTrue(report.outputs().get(0).writtenTo().startsWith(elsewhere.resolve("replay").toAbsolutePath()));
    }

    @Test
    void theSessionsOwnMastersAreNeverWrittenOver() throws Exception {
        byte[] before = Files.readAllBytes(session.renders().get(0).path());
        org.freshears.audio.AudioFormatException e = assertThrows(org.freshears.audio.AudioFormatException.class,
                () -> Replay.run(json, null, dir, Progress.Factory.NONE));
        assertTrue(e.getMessage().endsWith("early-24.wav: refusing to overwrite an input file"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(session.renders().get(0).path()));
    }

    @Test
    void outputsStayInsideTheOutputFolder() {
        Path out = dir.resolve("o").toAbsolutePath();
        assertEquals(out.resolve("a/b.wav"), Replay.outputPath(out, "a/b.wav"));
        assertEquals(out.resolve("b.wav"), Replay.outputPath(out, "../../b.wav"));
        assertEquals(out.resolve("c.wav"), Replay.outputPath(out, "/somewhere/else/c.wav"));
    }
}
