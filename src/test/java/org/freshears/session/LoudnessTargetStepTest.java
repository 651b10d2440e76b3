package org.freshears.session;

import static org.freshears.Mastering.gain;
import static org.freshears.Mastering.limiter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.AudioReader;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.ChainObserver;
import org.freshears.chain.Gain;
import org.freshears.chain.Limiter;
import org.freshears.chain.LoudnessTarget;
import org.freshears.chain.Renderer;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session hands a loudness target the loudness its latest snapshot measured of the step's input, so the search
 * does not measure it again: the limiter found and the master must be those of a search that measures, also after
 * a step before it ran again (whose snapshot, and loudness, replaced the one before).
 */
class LoudnessTargetStepTest {
    @TempDir
    static Path dir;
    static Path mixFile;

    @BeforeAll
    static void printTheMix() throws Exception {
        mixFile = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 48_000, 5 * 48_000, 0.05, 3), mixFile, WavOutputFormat.float32());
    }

    private static Session open(boolean rerunnable) throws Exception {
        SessionContext context = new SessionContext(dir, Display.NONE, Progress.Factory.NONE);
        return Session.open(mixFile, rerunnable ? context.withRerunnableCells() : context);
    }

    /** The limiter a search that measures its input finds after the mix through {@code liftDb}, and its output. */
    private static Renderer.Rendered measuredSearch(double liftDb, LoudnessTarget target) throws Exception {
        AudioBuffer lifted = new Renderer().render(List.of(new Gain(liftDb)), AudioReader.read(mixFile).audio());
        return new Renderer().run(List.of(target), lifted, ChainObserver.NONE);
    }

    private static void assertSameStep(Renderer.Rendered expected, Session s) {
        Limiter found = (Limiter) s.steps().get(s.steps().size() - 1).resolved().get(0);
        assertEquals(expected.resolved().get(0), found);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(expected.audio().channel(c), s.master().channel(c));
        }
    }

    @Test
    void theSearchStartsFromTheLatestSnapshotsLoudness() throws Exception {
        LoudnessTarget target = limiter().ceilingDbtp(-1).targetLufs(-12);
        Session s = open(false);
        s.step("lift", gain(6));
        s.step("loudness", target);
        assertSameStep(measuredSearch(6, target), s);
    }

    @Test
    void aStepRunAgainBeforeTheTargetHandsItsOwnLoudness() throws Exception {
        LoudnessTarget target = limiter().ceilingDbtp(-1).targetLufs(-12);
        Session s = open(true);
        s.step("lift", gain(6));
        s.step("loudness", target);
        s.step("lift", gain(2)); // edited and run again: the loudness step goes
        s.step("loudness", target);
        assertSameStep(measuredSearch(2, target), s);
    }
}
