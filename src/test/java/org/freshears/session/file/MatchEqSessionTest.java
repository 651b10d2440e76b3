package org.freshears.session.file;

import static org.freshears.Mastering.wav24;
import static org.freshears.Mastering.tpdf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.chain.HighShelf;
import org.freshears.chain.LowShelf;
import org.freshears.chain.MatchEq;
import org.freshears.chain.MatchEqCurve;
import org.freshears.chain.MatchTarget;
import org.freshears.chain.Renderer;
import org.freshears.measure.SpectrumAnalyzer;
import org.freshears.session.Display;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.session.StepRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A match EQ through session.json (format 4): the written step keeps the reference's spectrum, the resolved
 * one the designed curve; the file reads back to the same record and bytes, and replays bit-identically from
 * the curve alone (no reference audio exists anywhere: it was measured from memory).
 */
class MatchEqSessionTest {
    @TempDir
    Path dir;

    @Test
    void aSessionWithAMatchEqSavesItsCurveAndReplaysIdenticallyWithoutTheReference() throws Exception {
        Path mixFile = GoldenSession.writeMix(dir);
        AudioBuffer tilted = new Renderer().render(List.of(new LowShelf(150, -3), new HighShelf(4_000, 3)),
                GoldenSession.mix());
        MatchTarget reference = MatchTarget.of("tilted mix", new SpectrumAnalyzer().analyze(tilted));
        Session s = Session.open(mixFile, new SessionContext(dir, Display.NONE, Progress.Factory.NONE));
        StepRun run = s.step("match", MatchEq.to(reference).amount(0.8));
        s.render("matched.wav", wav24().dither(tpdf(7)));
        MatchEqCurve curve = assertInstanceOf(MatchEqCurve.class, run.resolved().get(0));
        assertTrue(curve.gainDbAt(10_000) - curve.gainDbAt(60) > 3, curve.toString());
        assertTrue(run.toString().contains("largest boost +"), run.toString());

        Path json = dir.resolve("session.json");
        SessionRecord record = SessionRecord.of(s, json, "test");
        SessionJson.write(record, json);
        String text = Files.readString(json, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"formatVersion\": 4"), "format 4");
        assertTrue(text.contains("\"type\": \"matchEq\"") && text.contains("\"type\": \"matchEqCurve\""));
        SessionRecord back = SessionJson.read(json);
        assertEquals(record, back);
        assertEquals(curve, back.steps().get(0).resolved().get(0));
        assertArrayEquals(Files.readAllBytes(json), SessionJson.toBytes(back));

        ReplayReport report = Replay.run(json, null, dir.resolve("again"), Progress.Factory.NONE);
        assertTrue(report.allIdentical(), report.toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("matched.wav")),
                Files.readAllBytes(report.outputs().get(0).writtenTo()));
    }

    @Test
    void aTamperedCurveIsRefusedOnLoadingInOneLine() throws Exception {
        Path mixFile = GoldenSession.writeMix(dir);
        MatchTarget reference = MatchTarget.of("mix", new SpectrumAnalyzer().analyze(GoldenSession.mix()));
        Session s = Session.open(mixFile, new SessionContext(dir, Display.NONE, Progress.Factory.NONE));
        s.step("match", MatchEq.to(reference).maxBoostDb(2));
        Path json = dir.resolve("session.json");
        SessionJson.write(SessionRecord.of(s, json, "test"), json);
        String text = Files.readString(json, StandardCharsets.UTF_8);
        int gains = text.indexOf("\"gainsDb\"");
        int first = text.indexOf('\n', gains) + 1;
        int end = text.indexOf(',', first);
        Files.writeString(json, text.substring(0, first) + "      9.5" + text.substring(end));
        SessionFormatException e = org.junit.jupiter.api.Assertions.assertThrows(SessionFormatException.class,
                () -> SessionJson.read(json));
        assertTrue(e.getMessage().contains("gainsDb[0] must be in [-6, 2], got 9.5"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
