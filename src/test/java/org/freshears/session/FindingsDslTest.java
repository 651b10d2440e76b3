package org.freshears.session;

import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.thresholds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.freshears.checklist.Band;
import org.freshears.checklist.ListenNote;
import org.freshears.checklist.TimeSpan;
import org.freshears.findings.Finding;
import org.freshears.findings.FindingKind;
import org.freshears.findings.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first listen in the DSL (#12 item 6): {@code s.findings()} on the bundled demo mix finds its planted
 * problems, prints them as a table, can be tuned, and a finding becomes a problem area or a note in one call.
 */
class FindingsDslTest {
    @TempDir
    static Path dir;
    static Session session;
    static Findings found;

    @BeforeAll
    static void listen() throws Exception {
        session = Session.open(Path.of("samples/demo-mix.wav"), new SessionContext(dir, Display.NONE,
                Progress.Factory.NONE));
        found = session.findings();
    }

    @Test
    void theDemoMixsPlantedProblemsAreFoundAndPrintedAsATable() {
        Finding harsh = found.first("harshness");
        assertEquals(Severity.PROBLEM, harsh.severity());
        assertEquals(new TimeSpan(16, 28), harsh.span(), "the chorus, where the cymbals were planted");
        assertTrue(harsh.band().lowHz() < 7_000 && harsh.band().highHz() > 7_000, "around the 7 kHz bell: "
                + harsh.band());
        Finding mud = found.first("low-mid-buildup");
        assertTrue(mud.band().lowHz() < 270 && mud.band().highHz() > 270, "around the 270 Hz bell: " + mud.band());
        assertFalse(found.of("no-headroom").isEmpty(), "the hot peak");
        assertFalse(found.of("section-loudness-spread").isEmpty(), "the loud chorus");
        assertEquals(found.list().stream().filter(Finding::isProblem).toList(), found.problems());
        assertTrue(session.heard().isPresent());
        assertEquals(found, session.heard().get());

        String table = found.toString();
        assertTrue(table.startsWith("fresh ears: " + found.problems().size() + " problems, "), table);
        int index = found.list().indexOf(harsh);
        String line = table.lines().filter(l -> l.startsWith(String.format("%3d ", index))).findFirst().orElseThrow();
        assertTrue(line.contains("problem") && line.contains("harshness") && line.contains(harsh.where())
                && line.contains("dB re LUFS (threshold ") && line.contains(harsh.evidence()), line);
        assertTrue(table.contains("-> " + Findings.suggestion(harsh)), table);
    }

    @Test
    void thresholdsAreTunableThroughTheDsl() throws Exception {
        Session s = Session.open(Path.of("samples/demo-mix.wav"), new SessionContext(dir, Display.NONE,
                Progress.Factory.NONE));
        Findings lenient = s.findings(thresholds().withToneVsTargetDb(12));
        assertTrue(lenient.of("harshness").isEmpty(), "7.5 dB above the target is under a 12 dB threshold");
        assertTrue(lenient.size() < found.size(), lenient + " vs " + found);
        assertEquals(found.of("no-headroom").size(), lenient.of("no-headroom").size(), "levels are not tonal");
        assertEquals(12, lenient.thresholds().toneVsTargetDb(), 0);
        assertEquals(lenient, s.heard().orElseThrow(), "the report shows the last listen asked for");
        Findings again = s.findings();
        assertEquals(again, s.heard().orElseThrow());
        assertTrue(again == s.findings(), "the same mix and thresholds: the same listen, not a second one");
        assertEquals(found.list(), again.list(), "and the same findings as another session's");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lenient.first("harshness"));
        assertTrue(e.getMessage().startsWith("no 'harshness' finding (found: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lenient.of("harshnes"), "kinds are a closed list");
    }

    @Test
    void aFindingBecomesAProblemAreaInOneCallAndIsJudgedLikeAnyOther() throws Exception {
        Session s = Session.open(Path.of("samples/demo-mix.wav"), new SessionContext(dir, Display.NONE,
                Progress.Factory.NONE));
        Finding harsh = s.findings().first("harshness");
        Problem p = s.problem(harsh);
        assertEquals(harsh.title(), p.name());
        assertEquals(harsh.span(), p.area().span());
        assertEquals(harsh.band(), p.area().band());
        assertTrue(s.snapshot(Session.MIX).matchedLevel(p.name()) != null, "measured in the mix");
        // The same finding again: a second area, named apart.
        assertEquals(harsh.title() + " (2)", s.problem(harsh).name());

        Finding mud = s.findings().first("low-mid-buildup");
        Problem whole = s.problem(mud);
        assertEquals(new TimeSpan(0, s.durationSeconds()), whole.area().span(), "whole-song finding, whole-song area");
        s.step("cut", bell(6_300, -6).q(1.0)).addresses(p);
        assertTrue(s.checklist().problems().get(0).done(), s.checklist().toString());

        Finding noBand = new Finding(FindingKind.CLICK, Severity.PROBLEM, "a click", new TimeSpan(1, 1.1), null, 9,
                6, "ratio", "a jump", "fix it in the mix", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.problem(noBand));
        assertEquals("finding 'a click' (click) has no band, and a problem area is a span \u00d7 a band: note it "
                + "with s.note(finding)", e.getMessage());
        s.note(noBand);
        s.note(mud);
        ListenNote clickNote = s.notes().get(s.notes().size() - 2);
        assertEquals(new TimeSpan(1, 1.1), clickNote.at());
        assertEquals("click: a jump", clickNote.text());
        assertEquals(new TimeSpan(0, s.durationSeconds()), s.notes().get(s.notes().size() - 1).at());
    }

    @Test
    void aBandReachingAboveNyquistIsClampedToIt() throws Exception {
        Session s = Session.open(Path.of("samples/demo-mix.wav"), new SessionContext(dir, Display.NONE,
                Progress.Factory.NONE));
        double nyquist = s.mix().audio().sampleRate() / 2.0;
        Finding dull = new Finding(FindingKind.DULL_TOP, Severity.PROBLEM, "dull top", null,
                new Band(9_000, 30_000), -9, -6, "dB", "little air", "a shelf", "highShelf(10000, 2)");
        assertEquals(new Band(9_000, nyquist), s.problem(dull).area().band());
    }

    /**
     * #12 item 8, "findings use the same measure": a tonal finding's value is the level-matched reading (band dBFS
     * minus the version's integrated LUFS) its problem area then has in the mix, not a share of the spectrum.
     */
    @Test
    void aTonalFindingsValueIsWhatItsProblemAreaReadsInTheMix() throws Exception {
        Session s = Session.open(Path.of("samples/demo-mix.wav"), new SessionContext(dir, Display.NONE,
                Progress.Factory.NONE));
        for (String kind : new String[] {"harshness", "low-mid-buildup"}) {
            Finding f = s.findings().first(kind);
            Problem p = s.problem(f);
            double matchedDb = s.snapshot(Session.MIX).matchedLevel(p.name()).matchedDb();
            assertEquals(matchedDb, f.value(), 0.1, kind + ": " + f);
            assertEquals("dB re LUFS", f.unit());
            assertTrue(f.threshold() < f.value(), "an excess reads above its threshold on the same scale: " + f);
        }
    }
}
