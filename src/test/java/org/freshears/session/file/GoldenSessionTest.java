package org.freshears.session.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.freshears.chain.Step;
import org.freshears.io.FileHashes;
import org.freshears.session.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Old sessions keep working and keep their bits: the golden session file (every step type) is read,
 * written back to the same bytes, and replayed against its deterministic mix to the pinned SHA-256 of
 * every output; the same session as format version 1 wrote it still reads and replays to the same bits.
 */
class GoldenSessionTest {
    /** The golden mix as 24-bit PCM: pins the generator, so a changed test signal is not mistaken for a bug. */
    static final String MIX_SHA256 = "e62ada14540ed478a1bf681511886ef34dac588c181ebef89cbdfa60a535f68e";
    /** The outputs, as rendered when the golden file was made (JDK 17) and as every replay must render them. */
    static final List<String> OUTPUT_SHA256 = List.of(
            "46e7ede213bbedb0b7ebf988a8a7e54b327fa854bd447fe27ea6d90a1d1bf6b1",  // golden-eq.wav, 32-bit float
            "c17e9b618621985ddd6fd3a0566a4586f207d1d672afaaf8327732f5980f3daf",  // golden-master-24.wav, TPDF
            "cabb9c089858fdf9139ad1e36f72c4b1dad562e527ad2a7980c1618296bacc78"); // golden-master-16.wav, shaped

    @TempDir
    Path dir;

    @Test
    void theGoldenFileReadsCoversEveryStepTypeAndWritesBackToTheSameBytes() throws Exception {
        Path json = GoldenSession.install(dir);
        SessionRecord record = SessionJson.read(json);
        assertEquals(SessionRecord.FORMAT_VERSION, record.formatVersion());
        Set<String> types = new TreeSet<>();
        for (SessionRecord.StepEntry step : record.steps()) {
            for (Step s : step.processors()) {
                types.add(StepTypes.nameOf(s));
            }
        }
        // codecSafeLimiter came after the golden file, which stays as it is; resolving one needs ffmpeg, and its
        // way through session.json and replay is pinned by CodecSafeLimitingTest
        Set<String> expected = new TreeSet<>(StepTypes.all().keySet());
        expected.remove("codecSafeLimiter");
        // the match EQ came with format 4 and needs a reference; MatchEqSessionTest pins its way through session.json
        expected.remove("matchEq");
        expected.remove("matchEqCurve");
        assertEquals(expected, types, "the golden session uses every step type");
        assertEquals(MIX_SHA256, record.mix().sha256());
        assertEquals(OUTPUT_SHA256, record.renders().stream().map(SessionRecord.Render::sha256).toList());
        assertArrayEquals(Files.readAllBytes(json), SessionJson.toBytes(record),
                "the writer still writes the current version byte for byte as it did");
    }

    @Test
    void aVersion1FileReadsWithItsLevelMatchedFiguresWorkedOutAndReplaysToTheSameBits() throws Exception {
        Path json = GoldenSession.install(dir, GoldenSession.JSON_V1);
        SessionRecord v1 = SessionJson.read(json);
        SessionRecord v2 = SessionJson.read(GoldenSession.install(Files.createDirectories(dir.resolve("v2")),
                GoldenSession.JSON));
        assertEquals(1, v1.formatVersion());
        assertEquals(FormatUpgrade.VERSION_1_PROBLEM_LEVEL, v1.algorithms().problemLevel());
        assertEquals(v2.renders(), v1.renders());
        assertEquals(v2.steps(), v1.steps());
        for (int i = 0; i < v2.problems().size(); i++) {
            SessionRecord.ProblemEntry old = v1.problems().get(i);
            SessionRecord.ProblemEntry now = v2.problems().get(i);
            // Worked out from the file's own band levels and loudness: the figures format 2 records.
            assertEquals(now.inMix().matchedDb(), old.inMix().matchedDb(), 1e-9, old.name());
            assertEquals(now.inMaster().matchedDb(), old.inMaster().matchedDb(), 1e-9, old.name());
            assertTrue(old.evidence().contains("relative to the whole spectrum"), "verdicts stay as judged");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SessionJson.toBytes(v1));
        assertEquals("a format-1 session is read, not written: this freshears writes format 4", e.getMessage());
        ReplayReport report = Replay.run(json, null, null, Progress.Factory.NONE);
        assertEquals(OUTPUT_SHA256, report.outputs().stream().map(ReplayReport.OutputResult::actualSha256).toList());
    }

    @Test
    void aVersion2FileReadsWithNoListeningTestsAsTheSameSessionAndReplaysToTheSameBits() throws Exception {
        Path json = GoldenSession.install(dir, GoldenSession.JSON_V2);
        SessionRecord v2 = SessionJson.read(json);
        SessionRecord now = SessionJson.read(GoldenSession.install(Files.createDirectories(dir.resolve("now")),
                GoldenSession.JSON));
        assertEquals(2, v2.formatVersion());
        assertEquals(List.of(), v2.listeningTests());
        assertEquals(now, v2.withFormatVersion(SessionRecord.FORMAT_VERSION),
                "format 3 only added listening tests, format 4 references");
        ReplayReport report = Replay.run(json, null, null, Progress.Factory.NONE);
        assertEquals(OUTPUT_SHA256, report.outputs().stream().map(ReplayReport.OutputResult::actualSha256).toList());
    }

    @Test
    void aVersion3FileReadsWithNoReferencesAsTheSameSessionAndReplaysToTheSameBits() throws Exception {
        Path json = GoldenSession.install(dir, GoldenSession.JSON_V3);
        SessionRecord v3 = SessionJson.read(json);
        SessionRecord now = SessionJson.read(GoldenSession.install(Files.createDirectories(dir.resolve("now")),
                GoldenSession.JSON));
        assertEquals(3, v3.formatVersion());
        assertEquals(List.of(), v3.references());
        assertEquals(now, v3.withFormatVersion(SessionRecord.FORMAT_VERSION),
                "format 4 only added references (and the match EQ's step types, which it does not use)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SessionJson.toBytes(v3));
        assertEquals("a format-3 session is read, not written: this freshears writes format 4", e.getMessage());
        ReplayReport report = Replay.run(json, null, null, Progress.Factory.NONE);
        assertEquals(OUTPUT_SHA256, report.outputs().stream().map(ReplayReport.OutputResult::actualSha256).toList());
    }

    @Test
    void theGoldenSessionReplaysToThePinnedBits() throws Exception {
        Path json = GoldenSession.install(dir);
        assertEquals(MIX_SHA256, FileHashes.sha256(dir.resolve(GoldenSession.MIX)));
        ReplayReport report = Replay.run(json, null, null, Progress.Factory.NONE);
        assertEquals(OUTPUT_SHA256, report.outputs().stream().map(ReplayReport.OutputResult::actualSha256).toList());
        assertTrue(report.allIdentical());
    }

    @Test
    void aFreshRunOfTheEveryStepNotebookReplaysBitIdentically() throws Exception {
        Path json = GoldenSession.run(dir);
        SessionRecord record = SessionJson.read(json);
        ReplayReport report = Replay.run(json, null, dir.resolve("again"), Progress.Factory.NONE);
        assertEquals(3, report.outputs().size());
        assertTrue(report.allIdentical(), report.toString());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(record.renders().get(i).path())),
                    Files.readAllBytes(report.outputs().get(i).writtenTo()));
        }
    }
}
