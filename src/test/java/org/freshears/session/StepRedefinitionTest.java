package org.freshears.session;

import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.compressor;
import static org.freshears.Mastering.gain;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.noDither;
import static org.freshears.Mastering.wav24;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15.5: in a kernel or the shell, running a cell again that defines a step replaces that step and
 * drops what was measured after it; a notebook run still refuses a step name given twice.
 */
class StepRedefinitionTest {
    @TempDir
    static Path dir;
    static Path mixFile;

    @BeforeAll
    static void printTheMix() throws Exception {
        AudioBuffer noise = Signals.pinkNoise(2, 48_000, 6 * 48_000, 0.1, 11);
        mixFile = dir.resolve("mix.wav");
        WavWriter.write(noise, mixFile, WavOutputFormat.float32());
    }

    private static Session open(boolean rerunnable, List<String> shown) throws Exception {
        Display display = new Display() {
            @Override
            public void text(String text) {
                shown.add(text);
            }
        };
        SessionContext context = new SessionContext(dir, display, Progress.Factory.NONE);
        return Session.open(mixFile, rerunnable ? context.withRerunnableCells() : context);
    }

    @Test
    void aStepDefinedAgainReplacesItAndDropsWhatCameAfter() throws Exception {
        List<String> shown = new ArrayList<>();
        Session s = open(true, shown);
        s.step("clean lows", bell(270, -4));
        s.step("glue", compressor().thresholdDb(-30).ratio(2));
        s.step("loudness", limiter().ceilingDbtp(-1).targetLufs(-14));
        s.render("first.wav", wav24().dither(noDither()));
        s.compare("mix", "loudness");

        s.step("clean lows", bell(270, -2)); // the first cell, edited and run again
        assertEquals(List.of("clean lows"), s.steps().stream().map(StepRun::name).toList());
        assertEquals(List.of("mix", "clean lows"), s.snapshots().stream().map(Snapshot::name).toList());
        assertEquals(List.of(), s.renders(), "the render was of a master that is gone");
        assertEquals(List.of(), s.comparisons());
        assertTrue(shown.contains("note: step 'clean lows' runs again: it replaces 'clean lows', 'glue', 'loudness'"
                + " and what was measured after them"), shown.toString());
        assertEquals(-2.0, ((org.freshears.chain.Bell) s.steps().get(0).resolved().get(0)).gainDb());

        // The master is what a fresh session makes of the same chain, bit for bit.
        s.step("glue", compressor().thresholdDb(-30).ratio(2));
        s.step("glue", compressor().thresholdDb(-24).ratio(2)); // the last cell, run again: the earlier steps re-render
        Session fresh = open(false, new ArrayList<>());
        fresh.step("clean lows", bell(270, -2));
        fresh.step("glue", compressor().thresholdDb(-24).ratio(2));
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(fresh.master().channel(c), s.master().channel(c));
        }
        assertEquals(fresh.snapshot("glue").analysis().integratedLufs(),
                s.snapshot("glue").analysis().integratedLufs());
        assertEquals(2, s.steps().get(1).index());
    }

    @Test
    void aNotebookRunStillRefusesAStepNameGivenTwice() throws Exception {
        Session s = open(false, new ArrayList<>());
        s.step("lift", gain(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.step("lift", gain(2)));
        assertEquals("'lift' is already the name of a snapshot; name steps uniquely", e.getMessage());
        Session shell = open(true, new ArrayList<>());
        assertThrows(IllegalArgumentException.class, () -> shell.step("mix", gain(1)), "the mix is no step");
    }
}
