package org.freshears.session;

import static org.freshears.Mastering.band;
import static org.freshears.Mastering.gain;
import static org.freshears.Mastering.highPass;
import static org.freshears.Mastering.highShelf;
import static org.freshears.Mastering.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Bell;
import org.freshears.chain.HighShelf;
import org.freshears.chain.Renderer;
import org.freshears.measure.MatchedBandLevel;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Problem areas are judged level-matched (#12 item 8): the band's level in its span against the version's
 * integrated loudness. The scenario: a −2 dB shelf tames the cymbals, then a step that only cuts
 * the lows (subsonic rumble) must not make the cymbal problem worse, as the old measure (relative to the
 * whole spectrum of the span, where the rumble's power counted in full) did.
 */
class LevelMatchedProblemTest {
    @TempDir
    static Path dir;
    static Path mixFile;

    /**
     * Pink noise tilted down above 2 kHz as music is, with bright cymbals (+6 dB at 7 kHz), and a 12 Hz
     * rumble that holds as much raw power as the music, and next to nothing of its loudness.
     */
    @BeforeAll
    static void printTheMix() throws Exception {
        AudioBuffer mix = new Renderer().render(List.of(new HighShelf(2_000, -9), new Bell(7_000, 6, 1.0)),
                Signals.pinkNoise(2, 48_000, 10 * 48_000, 0.05, 12));
        AudioBuffer rumble = Signals.sine(2, 48_000, 10, 12, -24);
        for (int c = 0; c < 2; c++) {
            float[] m = mix.channel(c);
            float[] r = rumble.channel(c);
            for (int i = 0; i < m.length; i++) {
                m[i] += r[i];
            }
        }
        mixFile = dir.resolve("rumbling-mix.wav");
        WavWriter.write(mix, mixFile, WavOutputFormat.float32());
    }

    private static Session open() throws Exception {
        return Session.open(mixFile, new SessionContext(dir, Display.NONE, Progress.Factory.NONE));
    }

    @Test
    void aLaterStepThatOnlyCutsTheLowsDoesNotMakeTheCymbalsWorse() throws Exception {
        Session s = open();
        Problem cymbals = s.problem("harsh cymbals", span("0:02", "0:08"), band(5_000, 9_000));
        StepRun shelf = s.step("tame cymbals", highShelf(5_000, -2)).addresses(cymbals);
        StepRun lows = s.step("clean lows", highPass(20).slope(24));

        MatchedBandLevel mix = s.snapshot(Session.MIX).matchedLevel(cymbals.name());
        MatchedBandLevel tamed = s.snapshot(shelf.name()).matchedLevel(cymbals.name());
        MatchedBandLevel cleaned = s.snapshot(lows.name()).matchedLevel(cymbals.name());
        // The shelf lowers the band by about its 2 dB (the band's lower edge sits on the shelf's slope).
        assertEquals(-1.7, tamed.bandDb() - mix.bandDb(), 0.3);
        double tamedBy = mix.matchedDb() - tamed.matchedDb();
        assertTrue(tamedBy > 1.0, "tamed by " + tamedBy);
        // The low cut leaves the band where it was...
        assertEquals(0, cleaned.bandDb() - tamed.bandDb(), 0.01);
        // ...and the level-matched figure with it: the rumble is below what loudness (and the ear) weighs.
        assertEquals(0, cleaned.matchedDb() - tamed.matchedDb(), 0.05);
        assertTrue(cleaned.matchedDb() <= tamed.matchedDb() + 0.05, "the cymbals must not get worse");
        // The old measure, relative to the whole spectrum of the span, said the cymbals got much worse.
        double oldChange = cleaned.level().relativeDb() - tamed.level().relativeDb();
        assertTrue(oldChange > 1.5, "whole-spectrum relative level rose by " + oldChange + " dB");

        ProblemVerdict verdict = s.checklist().problems().get(0);
        assertTrue(verdict.done(), verdict.evidence());
        assertTrue(verdict.evidence().contains(String.format(java.util.Locale.ROOT, "the band itself %+.1f dB",
                cleaned.bandDb() - mix.bandDb())), verdict.evidence());

        // Per step, how the band itself moved and how the rest did: the shelf moved the band, the low cut the rest.
        List<ProblemTrail.Move> trail = ProblemTrail.of(s, cymbals);
        assertEquals(2, trail.size());
        assertEquals(tamed.bandDb() - mix.bandDb(), trail.get(0).bandChangeDb(), 1e-12);
        assertEquals(0, trail.get(1).bandChangeDb(), 0.01);
        assertTrue(trail.get(1).restChangeDb() < -1.5, "the rest of the span lost the rumble: " + trail.get(1));
        assertEquals(trail.get(1).bandChangeDb() - trail.get(1).loudnessChangeLu(), trail.get(1).matchedChangeDb(),
                1e-12);
    }

    @Test
    void aPlainGainLeavesEveryProblemsFigureUnchanged() throws Exception {
        Session s = open();
        List<Problem> problems = List.of(s.problem("harsh cymbals", span("0:02", "0:08"), band(5_000, 9_000)),
                s.problem("mud", span("0:00", "0:10"), band(150, 400)),
                s.problem("rumble", span("0:01", "0:09"), band(5, 30)));
        s.step("louder", gain(6));
        for (Problem p : problems) {
            MatchedBandLevel before = s.snapshot(Session.MIX).matchedLevel(p.name());
            MatchedBandLevel after = s.snapshot("louder").matchedLevel(p.name());
            assertEquals(6, after.bandDb() - before.bandDb(), 1e-3, p.name());
            assertEquals(6, after.loudnessLufs() - before.loudnessLufs(), 1e-3, p.name());
            assertEquals(before.matchedDb(), after.matchedDb(), 1e-3, p.name());
        }
        // Louder is not better: nothing is ticked by a gain.
        s.problems().forEach(p -> s.steps().get(0).addresses(p));
        assertFalse(s.checklist().problems().stream().anyMatch(ProblemVerdict::done));
    }

    @Test
    void aProblemDeclaredAfterTheStepsIsMeasuredInTheMixAndTheMasterOnly() throws Exception {
        Session s = open();
        s.step("tame cymbals", highShelf(5_000, -2));
        s.step("clean lows", highPass(30).slope(24));
        Problem late = s.problem("harsh cymbals", span("0:02", "0:08"), band(5_000, 9_000));
        List<ProblemTrail.Move> trail = ProblemTrail.of(s, late);
        assertFalse(trail.get(0).measured());
        assertFalse(trail.get(1).measured(), "step 1's snapshot was never measured, so step 2 has no before");
        assertTrue(Double.isFinite(s.checklist().problems().get(0).measuredIn().matchedLevel(late.name()).matchedDb()));
    }
}
