package org.freshears.session;

import static org.freshears.Mastering.band;
import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.compressor;
import static org.freshears.Mastering.gain;
import static org.freshears.Mastering.highPass;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.span;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Step;
import org.freshears.testing.CountingResultCache;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 4, the kernel's cell run again with another loudness target: the limiter's peaks detected in the
 * step's input are kept in the kernel's cache under that input's name, found again for the same input only, and
 * the master is the bits a session without any cache makes.
 */
class KeptLimiterPeaksTest {
    @TempDir
    static Path dir;
    static Path mixFile;

    @BeforeAll
    static void printTheMix() throws Exception {
        AudioBuffer noise = Signals.pinkNoise(2, 48_000, 5 * 48_000, 0.1, 3);
        mixFile = dir.resolve("mix.wav");
        WavWriter.write(noise, mixFile, WavOutputFormat.float32());
    }

    private static Session open(ResultCache cache) throws Exception {
        return Session.open(mixFile, new SessionContext(dir, Display.NONE, Progress.Factory.NONE)
                .withRerunnableCells().withCache(cache));
    }

    /** The cell of steps: the loudness target in the middle of its step, after a gain. */
    private static void steps(Session s, double glueRatio, double targetLufs, double ceilingDbtp) {
        if (s.problems().isEmpty()) {
            s.problem("mud", span(0, 4), band(180, 400));
        }
        s.step("eq", highPass(30), bell(270, -3)).addresses(s.problems().get(0));
        s.step("glue", compressor().thresholdDb(-30).ratio(glueRatio));
        s.step("loudness", gain(-1), limiter().ceilingDbtp(ceilingDbtp).targetLufs(targetLufs));
    }

    private static long count(java.util.List<String> reads) {
        return reads.stream().filter("LimiterPeaks"::equals).count();
    }

    private static void assertSameMaster(Session s, double glueRatio, double targetLufs, double ceilingDbtp)
            throws Exception {
        Session fresh = open(ResultCache.NONE);
        steps(fresh, glueRatio, targetLufs, ceilingDbtp);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(fresh.master().channel(c), s.master().channel(c), "target " + targetLufs);
        }
        assertEquals(fresh.steps().get(2).resolved(), s.steps().get(2).resolved());
        assertArrayEquals(fresh.steps().get(2).gainReduction().get(0).toArray(),
                s.steps().get(2).gainReduction().get(0).toArray());
    }

    @Test
    void aTargetEditedOnTheSameInputReadsThePeaksKeptAndMakesTheSameMaster() throws Exception {
        CountingResultCache cache = new CountingResultCache(new MemoryResultCache("test", 1L << 30));
        Session s = open(cache);
        steps(s, 2, -18, -1);
        assertEquals(0, count(cache.hits), "nothing kept yet");
        assertEquals(1, count(cache.misses));
        for (double[] edit : new double[][] {{-12, -1}, {-20, -3}, {-14, -0.5}}) {
            cache.hits.clear();
            steps(s, 2, edit[0], edit[1]);
            assertEquals(1, count(cache.hits), "target " + edit[0] + ": " + cache.hits);
            assertSameMaster(s, 2, edit[0], edit[1]);
        }
    }

    @Test
    void anotherInputIsNotReadTheKeptPeaks() throws Exception {
        CountingResultCache cache = new CountingResultCache(new MemoryResultCache("test", 1L << 30));
        Session s = open(cache);
        steps(s, 2, -16, -1);
        cache.hits.clear();
        cache.misses.clear();
        steps(s, 3, -16, -1); // the step before changed: the limiter's input is other samples
        assertEquals(0, count(cache.hits), cache.hits.toString());
        assertEquals(1, count(cache.misses));
        assertSameMaster(s, 3, -16, -1);
        // Another lookahead: other peaks, even on the same input.
        cache.hits.clear();
        Step other = limiter().ceilingDbtp(-1).lookaheadMs(2).targetLufs(-16);
        s.step("loudness", gain(-1), other);
        assertEquals(0, count(cache.hits), cache.hits.toString());
    }

    @Test
    void aCacheOnDiskKeepsNoPeaks() throws Exception {
        CountingResultCache cache = new CountingResultCache(
                new DiskResultCache(dir.resolve("disk"), "test", 1L << 30));
        Session s = open(cache);
        steps(s, 2, -16, -1);
        steps(s, 2, -15, -1);
        assertEquals(0, count(cache.hits) + count(cache.misses), "a disk cache is not asked for peaks");
        assertFalse(cache.hits.isEmpty(), "it is asked for the steps");
        assertSameMaster(s, 2, -15, -1);
    }
}
