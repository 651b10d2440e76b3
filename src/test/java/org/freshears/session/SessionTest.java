package org.freshears.session;

import static org.freshears.Mastering.atLeast;
import static org.freshears.Mastering.atMost;
import static org.freshears.Mastering.band;
import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.compressor;
import static org.freshears.Mastering.correlation;
import static org.freshears.Mastering.gain;
import static org.freshears.Mastering.integratedLufs;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.plrDb;
import static org.freshears.Mastering.reduceBy;
import static org.freshears.Mastering.span;
import static org.freshears.Mastering.tpdf;
import static org.freshears.Mastering.truePeakDbtp;
import static org.freshears.Mastering.wav24;
import static org.freshears.Mastering.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Bell;
import org.freshears.chain.ClipGain;
import org.freshears.chain.Renderer;
import org.freshears.checklist.Section;
import org.freshears.measure.LoudnessMeter;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checklist as code, end to end: a generated mix with a low-mid bump everywhere and a harsh band in
 * one section; problem areas measure the bumps, targeted steps resolve them, the checklist flips.
 */
class SessionTest {
    @TempDir
    static Path dir;
    static Path mixFile;

    @BeforeAll
    static void printTheMix() throws Exception {
        AudioBuffer noise = Signals.pinkNoise(2, 48_000, 12 * 48_000, 0.05, 7);
        AudioBuffer mix = new Renderer().render(List.of(
                new Bell(280, 8, 1.4),                                   // low-mid build-up, the whole song
                new ClipGain(List.of()).span(4, 8, 0),                     // (neutral: keeps the chain honest)
                new Bell(7_000, 0.01, 2)), noise);
        // The harsh band only between 4 and 8 s: boost a copy and splice it in.
        AudioBuffer harsh = new Renderer().render(List.of(new Bell(7_000, 10, 2)), mix.copy());
        for (int c = 0; c < 2; c++) {
            System.arraycopy(harsh.channel(c), 4 * 48_000, mix.channel(c), 4 * 48_000, 4 * 48_000);
        }
        mixFile = dir.resolve("generated-mix.wav");
        WavWriter.write(mix, mixFile, WavOutputFormat.float32());
    }

    private static Session open() throws Exception {
        {
            SessionContext ctx = new SessionContext(dir, Display.NONE, Progress.Factory.NONE);
            return Session.open(mixFile, ctx);
        }
    }

    /** Issue 11.12: the shell (JShell) cut a long session's printout mid-word at 1000 characters. */
    @Test
    void aLongChainPrintsInWholeLinesUnderTheShellsLimit() throws Exception {
        Session s = open();
        assertTrue(s.toString().contains("  mix: "), s.toString());
        for (int i = 1; i <= 20; i++) {
            s.step("lift number " + i, gain(0.1));
        }
        String printed = s.toString();
        assertTrue(printed.length() <= Session.PRINTED_CHARS, printed.length() + " chars:\n" + printed);
        assertTrue(printed.endsWith("\n"), printed);
        List<String> lines = printed.lines().toList();
        assertTrue(lines.get(0).startsWith("session on "), printed);
        assertTrue(lines.get(1).startsWith("  mix: "), printed);
        assertTrue(lines.get(lines.size() - 1).startsWith("  lift number 20: "), printed);
        int shown = (int) lines.stream().filter(l -> l.startsWith("  lift number ")).count();
        assertEquals("  ... " + (20 - shown) + " steps left out (s.snapshots() lists every one)", lines.get(2));
        for (String line : lines.subList(3, lines.size())) {
            assertTrue(line.matches("  lift number \\d+: -?\\d+\\.\\d LUFS, .* PSR -?\\d+\\.\\d dB"), line);
        }
    }

    @Test
    void problemAreasMeasureTheBumpsAndTargetedStepsResolveThem() throws Exception {
        Session s = open();
        s.listen("headphones, next morning");
        s.note("0:05", "cymbals bite");
        Problem mud = s.problem("muddy low-mids", span("0:00", "0:12"), band(180, 400));
        Problem harsh = s.problem("harsh cymbals", span("0:04", "0:08"), band(5_000, 9_000)).expect(reduceBy(4));

        Snapshot mix = s.snapshot(Session.MIX);
        double harshInSection = mix.problemLevels().get("harsh cymbals").relativeDb();
        assertFalse(s.checklist().done(), "nothing addressed yet");

        StepRun lows = s.step("clean lows", bell(280, -8).q(1.4)).addresses(mud);
        StepRun cymbals = s.step("tame cymbals", bell(7_000, -10).q(2)).addresses(harsh);

        Checklist list = s.checklist();
        assertTrue(list.done(), list.toString());
        double mudChange = s.latest().problemLevels().get("muddy low-mids").relativeDb()
                - mix.problemLevels().get("muddy low-mids").relativeDb();
        double harshChange = s.latest().problemLevels().get("harsh cymbals").relativeDb() - harshInSection;
        assertTrue(mudChange < -4, "the bell took the build-up down: " + mudChange);
        assertTrue(harshChange < -4, "the cut took the harsh band down: " + harshChange);
        assertEquals(List.of(lows), mud.addressedBy());
        assertEquals(List.of(cymbals), harsh.addressedBy());
        assertTrue(list.toString().contains("[x] muddy low-mids"), list.toString());
    }

    /**
     * A problem over the whole song is read from the step's spectrum transforms, one over part of it by itself:
     * both have the bits of the band measured alone on the step's audio.
     */
    @Test
    void problemLevelsHaveTheBitsOfTheBandMeasuredAloneWholeSongOrNot() throws Exception {
        Session s = open();
        s.problem("muddy low-mids", span("0:00", "0:12"), band(180, 400));
        s.problem("air", span("0:00", "0:12"), band(10_000, 20_000));
        s.problem("harsh cymbals", span("0:04", "0:08"), band(5_000, 9_000));
        s.step("clean lows", bell(280, -8).q(1.4));
        AudioBuffer after = s.master();
        java.util.Map<String, org.freshears.measure.BandLevel> levels = s.latest().problemLevels();
        org.freshears.measure.BandLevel[] whole = org.freshears.measure.BandEnergy.inSpan(after, 0, 12,
                new double[] {180, 10_000}, new double[] {400, 20_000});
        assertEquals(whole[0], levels.get("muddy low-mids"));
        assertEquals(whole[1], levels.get("air"));
        assertEquals(org.freshears.measure.BandEnergy.inSpan(after, 4, 8, 5_000, 9_000), levels.get("harsh cymbals"));
    }

    @Test
    void aStepThatDoesNotAddressAProblemLeavesItUnresolved() throws Exception {
        Session s = open();
        Problem mud = s.problem("muddy low-mids", span("0:00", "0:12"), band(180, 400));
        s.step("clean lows", bell(280, -8).q(1.4));           // fixes it, but nobody said so
        Checklist list = s.checklist();
        assertFalse(list.done());
        assertTrue(list.problems().get(0).evidence().contains("not addressed by any step"), list.toString());

        s.step("wrong fix", bell(3_000, -3)).addresses(mud);  // addresses it, but measures no better
        Session t = open();
        Problem mud2 = t.problem("muddy low-mids", span("0:00", "0:12"), band(180, 400));
        t.step("wrong fix", bell(3_000, -3)).addresses(mud2);
        assertFalse(t.checklist().done(), t.checklist().toString());
    }

    @Test
    void aCheckAfterAStepMayNameTheStep() throws Exception {
        Session s = open();
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> s.check("kept dynamics", plrDb(), atLeast(3)).after("glue"));
        assertEquals("no step is named 'glue' (no step has run yet: check after a step once"
                + " s.step(\"glue\", ...) has run)", early.getMessage());
        StepRun glue = s.step("glue", compressor().thresholdDb(-30).ratio(1.5));
        s.step("loudness", gain(-1));
        assertSame(glue, s.check("kept dynamics", plrDb(), atLeast(3)).after("glue").afterStep());
        assertEquals("no step is named 'mono bass'; the steps so far: 'glue', 'loudness'",
                assertThrows(IllegalArgumentException.class,
                        () -> s.check("mono", correlation(), atLeast(0)).after("mono bass")).getMessage());
    }

    @Test
    void checksHoldOnlyWhenMeasuredSoAndTheLoudnessTargetLands() throws Exception {
        Session s = open();
        var loud = s.check("streaming loudness", integratedLufs(), within(-14, 0.5));
        var peak = s.check("true peak", truePeakDbtp(), atMost(-1.0));
        assertFalse(s.checklist().done(), "the mix is neither at -14 LUFS nor proven under -1 dBTP");

        StepRun glue = s.step("glue", compressor().thresholdDb(-30).ratio(1.5));
        s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
        s.check("kept dynamics after glue", plrDb(), atLeast(3)).after(glue);

        Checklist list = s.checklist();
        assertTrue(list.done(), list.toString());
        double lufs = s.latest().analysis().integratedLufs();
        assertEquals(-14, lufs, 0.1, "loudness target within 0.1 LU");
        assertTrue(s.latest().analysis().truePeakDbtp() <= -1.0, "true peak held by the limiter");
        assertEquals(loud, s.checks().get(0));
        assertEquals(peak, s.checks().get(1));

        RenderRecord r = s.render("master.wav", wav24().dither(tpdf()));
        assertTrue(Files.isRegularFile(dir.resolve("master.wav")));
        assertEquals(-14, r.integratedLufs(), 0.1, "the written file lands on target too");
        assertTrue(r.truePeakDbtp() <= -1.0, "written file's true peak: " + r.truePeakDbtp());
        assertEquals(64, r.sha256().length());
    }

    @Test
    void loudestSectionFindsTheLoudStretch() throws Exception {
        // 6 s quiet, 4 s loud, 6 s quiet.
        AudioBuffer quiet = Signals.pinkNoise(2, 48_000, 6 * 48_000, 0.02, 3);
        AudioBuffer loudPart = Signals.pinkNoise(2, 48_000, 4 * 48_000, 0.08, 4);
        AudioBuffer all = Signals.concat(quiet, loudPart, Signals.pinkNoise(2, 48_000, 6 * 48_000, 0.02, 5));
        Path f = dir.resolve("sections.wav");
        WavWriter.write(all, f, WavOutputFormat.float32());
        Session s;
        {
            SessionContext ctx = new SessionContext(dir, Display.NONE, Progress.Factory.NONE);
            s = Session.open(f, ctx);
        }
        Section loudest = s.loudestSection(4);
        assertEquals(4.0, loudest.span().durationSeconds(), 1e-9);
        assertTrue(loudest.span().fromSeconds() >= 5.0 && loudest.span().toSeconds() <= 11.5, loudest.toString());
        assertTrue(LoudnessMeter.integratedLufs(all.slice((int) (loudest.span().fromSeconds() * 48_000),
                (int) (loudest.span().toSeconds() * 48_000))) > LoudnessMeter.integratedLufs(all) + 3);
    }

    @Test
    void levelMatchedCompareReportsTheGainAndTheSpectralChange() throws Exception {
        Session s = open();
        s.step("darker", org.freshears.Mastering.highShelf(4_000, -6), org.freshears.Mastering.gain(6));
        Comparison c = s.compare("mix", "darker").levelMatched();
        double mixLufs = s.snapshot("mix").analysis().integratedLufs();
        double darkLufs = s.snapshot("darker").analysis().integratedLufs();
        assertEquals(mixLufs - darkLufs, c.gainDb(), 1e-12);
        // Level matching lifts what the shelf left alone (K-weighting hears the lost highs), so the
        // tilt shows as lows up and air down against each other.
        assertTrue(c.differenceDb(8_000, 16_000) - c.differenceDb(100, 250) < -5, c.toString());
        assertTrue(c.differenceDb(100, 250) > 0, c.toString());
    }

    @Test
    void aSilentReferenceIsRefusedAndAVersionAgainstItselfIsMatchedWithNoGain() throws Exception {
        Path silent = dir.resolve("silent-reference.wav");
        WavWriter.write(Signals.silence(2, 48_000, 3), silent, WavOutputFormat.float32());
        Session s = open();
        // A reference is there to be compared with at matched loudness: silence has none, so it is refused.
        var refused = assertThrows(org.freshears.audio.AudioFormatException.class, () -> s.compare("mix", silent.toString()));
        assertTrue(refused.getMessage().endsWith("silent-reference.wav: is silent (no integrated loudness): nothing to "
                + "compare with"), refused.getMessage());
        assertEquals(0, s.comparisons().size());
        Comparison same = s.compare("mix", "mix").levelMatched();
        assertTrue(same.isLevelMatched(), "matched even though no gain was needed");
        assertEquals(0.0, same.gainDb(), 0.0);
    }

    @Test
    void mistakesGetClearMessages() throws Exception {
        Session s = open();
        assertEquals("note 'late' at 1:00.000 is after the end of the mix (0:12.000)",
                assertThrows(IllegalArgumentException.class, () -> s.note("1:00", "late")).getMessage());
        assertEquals("no snapshot or file named 'nope' (snapshots: mix)",
                assertThrows(IllegalArgumentException.class, () -> s.compare("mix", "nope")).getMessage());
        s.step("eq", bell(300, -1));
        assertThrows(IllegalArgumentException.class, () -> s.step("eq", bell(300, -1)));
        var refused = assertThrows(org.freshears.audio.AudioFormatException.class,
                () -> s.render("generated-mix.wav", wav24()));
        assertTrue(refused.getMessage().endsWith("generated-mix.wav: refusing to overwrite an input file"),
                refused.getMessage());
    }
}
