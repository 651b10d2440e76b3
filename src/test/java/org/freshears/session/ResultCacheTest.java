package org.freshears.session;

import static org.freshears.Mastering.band;
import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.clipGain;
import static org.freshears.Mastering.compressor;
import static org.freshears.Mastering.dynamicEq;
import static org.freshears.Mastering.fades;
import static org.freshears.Mastering.gain;
import static org.freshears.Mastering.highPass;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.multiband;
import static org.freshears.Mastering.saturation;
import static org.freshears.Mastering.span;
import static org.freshears.Mastering.stereoWidth;
import static org.freshears.Mastering.trimSilence;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Step;
import org.freshears.measure.Analysis;
import org.freshears.testing.CountingResultCache;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 item 4: the result cache gives what the work gives, never trusts a bad entry, and stays bounded. */
class ResultCacheTest {
    @TempDir
    static Path dir;
    static Path mixFile;

    @BeforeAll
    static void printTheMix() throws Exception {
        AudioBuffer noise = Signals.pinkNoise(2, 48_000, 5 * 48_000, 0.1, 7);
        mixFile = dir.resolve("mix.wav");
        WavWriter.write(noise, mixFile, WavOutputFormat.float32());
    }

    private static Session open(ResultCache cache) throws Exception {
        return Session.open(mixFile, new SessionContext(dir, Display.NONE, Progress.Factory.NONE)
                .withRerunnableCells().withCache(cache));
    }

    private static void chain(Session s, double lastGainDb) {
        Problem mud = s.problem("mud", span(0, 4), band(180, 400));
        s.step("eq", highPass(30), bell(270, -3)).addresses(mud);
        s.step("glue", compressor().thresholdDb(-30).ratio(2));
        s.step("loudness", limiter().ceilingDbtp(-1).targetLufs(-16), gain(lastGainDb));
    }

    @Test
    void aSessionWithTheCacheGivesTheBitsAndFiguresOfOneWithout() throws Exception {
        Session plain = open(ResultCache.NONE);
        chain(plain, -0.5);
        CountingResultCache cache = new CountingResultCache(new DiskResultCache(dir.resolve("same"), "test", 1L << 30));
        for (int run = 0; run < 2; run++) { // the first fills the cache, the second reads it
            Session cached = open(cache);
            chain(cached, -0.5);
            for (int c = 0; c < 2; c++) {
                assertArrayEquals(plain.master().channel(c), cached.master().channel(c), "run " + run);
            }
            for (int i = 0; i < plain.steps().size(); i++) {
                StepRun a = plain.steps().get(i);
                StepRun b = cached.steps().get(i);
                assertEquals(a.resolved(), b.resolved());
                assertEquals(a.after().analysis(), b.after().analysis());
                assertEquals(a.after().problemLevels(), b.after().problemLevels());
                assertEquals(a.gainReduction().size(), b.gainReduction().size());
                for (int t = 0; t < a.gainReduction().size(); t++) {
                    assertArrayEquals(a.gainReduction().get(t).toArray(), b.gainReduction().get(t).toArray());
                }
            }
            assertEquals(plain.checklist().toString(), cached.checklist().toString());
        }
        assertTrue(cache.hits.contains("StepResult"), "the second session read its steps: " + cache.hits);
        assertFalse(cache.misses.isEmpty(), "the first worked them out");
    }

    @Test
    void editingTheLastStepRendersOnlyThatStepAgain() throws Exception {
        CountingResultCache cache = new CountingResultCache(new MemoryResultCache("test", 1L << 30));
        Session s = open(cache);
        chain(s, -0.5);
        cache.hits.clear();
        cache.misses.clear();
        chain2(s, -1.0); // the cell with the steps, its last step edited, run again
        assertEquals(2, cache.hits.stream().filter("StepResult"::equals).count(), cache.hits.toString());
        assertEquals(1, cache.misses.stream().filter("StepResult"::equals).count(), cache.misses.toString());
        Session fresh = open(ResultCache.NONE);
        chain(fresh, -1.0);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(fresh.master().channel(c), s.master().channel(c));
        }
        assertEquals(fresh.latest().analysis(), s.latest().analysis());
    }

    /**
     * The cache in memory keeps a step's audio as the session made it and hands that very buffer out again, no
     * copy (tens of megabytes, twice per step): so nothing may render over a version once made. A streaming step
     * run on a cached version, then the chain again on that version, gives the bits of a session without a cache.
     */
    @Test
    void versionsSharedWithTheCacheInMemoryAreNeverRenderedOver() throws Exception {
        Session s = open(new MemoryResultCache("test", 1L << 30));
        chain(s, -0.5);
        s.step("loudness", gain(-2), compressor().thresholdDb(-40).ratio(4)); // over glue's output, as the cache has it
        chain2(s, -0.7); // eq and glue from the cache, the last step rendered again on glue's output
        Session fresh = open(ResultCache.NONE);
        chain(fresh, -0.7);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(fresh.master().channel(c), s.master().channel(c));
        }
        assertEquals(fresh.latest().analysis(), s.latest().analysis());
    }

    /** The steps of {@link #chain} again (the problem is already there). */
    private static void chain2(Session s, double lastGainDb) {
        Problem mud = s.problems().get(0);
        s.step("eq", highPass(30), bell(270, -3)).addresses(mud);
        s.step("glue", compressor().thresholdDb(-30).ratio(2));
        s.step("loudness", limiter().ceilingDbtp(-1).targetLufs(-16), gain(lastGainDb));
    }

    @Test
    void everyStepOfTheDslHasAKeyAndSurvivesTheDisk() throws Exception {
        AudioBuffer audio = AudioReaderHelper.read(mixFile);
        List<Step> steps = List.of(highPass(30).slope(24), bell(1000, 2).q(2), compressor().thresholdDb(-20),
                limiter().ceilingDbtp(-1).targetLufs(-14), limiter().ceilingDbtp(-1), multiband(200, 2000),
                saturation(org.freshears.chain.Saturation.Curve.values()[0], 6), stereoWidth(120),
                dynamicEq(3000, -3).thresholdDb(-30), fades(0.5, 1), trimSilence(), gain(-2),
                clipGain(new org.freshears.checklist.Section("verse", span(1, 2)), -3));
        DiskResultCache disk = new DiskResultCache(dir.resolve("dsl"), "test", 1L << 30);
        for (Step step : steps) {
            String key = CacheKeys.step("test", "0".repeat(64), List.of(step));
            assertNotNull(key, step + " has a canonical form");
            org.freshears.chain.GainReductionRecorder traces = new org.freshears.chain.GainReductionRecorder();
            org.freshears.chain.Renderer.Rendered rendered = new org.freshears.chain.Renderer()
                    .run(List.of(step), audio.copy(), traces);
            StepResult result = new StepResult(rendered.resolved(), traces.traces());
            disk.put(key, result);
            disk.put(CacheKeys.stepAudio("test", key), rendered.audio());
            StepResult back = disk.get(key, StepResult.class);
            assertNotNull(back, step + " came back from the disk");
            assertEquals(result.resolved(), back.resolved());
            AudioBuffer audioBack = disk.get(CacheKeys.stepAudio("test", key), AudioBuffer.class);
            assertArrayEquals(rendered.audio().channel(0), audioBack.channel(0));
            assertArrayEquals(rendered.audio().channel(1), audioBack.channel(1));
            assertEquals(result.gainReduction().size(), back.gainReduction().size());
            for (int t = 0; t < result.gainReduction().size(); t++) {
                assertArrayEquals(result.gainReduction().get(t).toArray(), back.gainReduction().get(t).toArray());
                assertEquals(result.gainReduction().get(t).bands().size(), back.gainReduction().get(t).bands().size());
            }
        }
        Analysis analysis = Analysis.of(audio);
        disk.put(CacheKeys.derived("test", "analysis", "1".repeat(64)), analysis);
        assertEquals(analysis, disk.get(CacheKeys.derived("test", "analysis", "1".repeat(64)), Analysis.class));
    }

    @Test
    void keysChangeWithEveryInput() {
        String mix = CacheKeys.mix("v1", "a".repeat(64), "WAV");
        assertNotEquals(mix, CacheKeys.mix("v2", "a".repeat(64), "WAV"), "another build");
        assertNotEquals(mix, CacheKeys.mix("v1", "b".repeat(64), "WAV"), "another file");
        String step = CacheKeys.step("v1", mix, List.of(bell(1000, -2)));
        assertNotEquals(step, CacheKeys.step("v1", mix, List.of(bell(1000, -2.0000000001))), "a setting");
        assertNotEquals(step, CacheKeys.step("v1", mix, List.of(bell(1000, -2).q(1.01))), "a setting with a default");
        assertNotEquals(step, CacheKeys.step("v1", CacheKeys.step("v1", mix, List.of(gain(0))), List.of(bell(1000, -2))),
                "another input");
        assertEquals(step, CacheKeys.step("v1", mix, List.of(bell(1000, -2))), "the same derivation");
        assertNull(CacheKeys.step("v1", null, List.of(bell(1000, -2))), "an input without a key");
    }

    @Test
    void aCorruptOrForeignEntryIsIgnoredAndRemoved() throws Exception {
        Path folder = dir.resolve("corrupt");
        DiskResultCache disk = new DiskResultCache(folder, "test", 1L << 30);
        String key = CacheKeys.derived("test", "bytes", "2".repeat(64));
        byte[] value = new byte[10_000];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (i * 31);
        }
        disk.put(key, value);
        Path entry = entries(folder).get(0);
        assertArrayEquals(value, disk.get(key, byte[].class));

        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x10; // one bit flipped on the disk
        Files.write(entry, bytes);
        assertNull(disk.get(key, byte[].class), "a flipped bit is caught by the checksum");
        assertFalse(Files.exists(entry), "and the entry removed");

        disk.put(key, value);
        bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 100)); // cut short: a crash, a full disk
        assertNull(disk.get(key, byte[].class));
        assertFalse(Files.exists(entry));

        disk.put(key, value);
        String otherKey = CacheKeys.derived("test", "bytes", "3".repeat(64));
        Path other = folder.resolve(otherKey.substring(0, 2)).resolve(otherKey + ".entry");
        Files.createDirectories(other.getParent());
        Files.copy(entry, other); // an entry under another key's name: never trusted without its own key
        assertNull(disk.get(otherKey, byte[].class));
        assertFalse(Files.exists(other));
        assertArrayEquals(value, disk.get(key, byte[].class), "the good entry stays good");

        Path temp = entry.resolveSibling("." + key.substring(0, 16) + "123.tmp"); // a write a crash interrupted
        Files.write(temp, java.util.Arrays.copyOf(bytes, 20));
        assertNull(disk.get(CacheKeys.derived("test", "bytes", "4".repeat(64)), byte[].class));
        Files.delete(entry); // the cache may be deleted at any moment: a miss
        assertNull(disk.get(key, byte[].class));
    }

    @Test
    void bothCachesStayWithinTheirBoundsForgettingTheLeastRecentlyUsed() throws Exception {
        MemoryResultCache memory = new MemoryResultCache("test", 3_000);
        memory.put("a", new byte[900]);
        memory.put("b", new byte[900]);
        memory.put("c", new byte[900]);
        assertNotNull(memory.get("a", byte[].class)); // a used: b is now the least recently used
        memory.put("d", new byte[900]);
        assertNull(memory.get("b", byte[].class));
        assertNotNull(memory.get("a", byte[].class));
        assertTrue(memory.usedBytes() <= 3_000);

        Path folder = dir.resolve("bounded");
        DiskResultCache disk = new DiskResultCache(folder, "test", 25_000);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = CacheKeys.derived("test", "bytes", Integer.toString(i).repeat(64));
            keys.add(key);
            disk.put(key, new byte[10_000]);
            Thread.sleep(15); // distinct modification times
        }
        long total = 0;
        for (Path f : entries(folder)) {
            total += Files.size(f);
        }
        assertTrue(total <= 25_000, "bounded: " + total);
        assertNotNull(disk.get(keys.get(4), byte[].class), "the newest stays");
        assertNull(disk.get(keys.get(0), byte[].class), "the oldest went");
    }

    private static List<Path> entries(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".entry")).toList();
        }
    }

    /** Reads a file's audio (the session reads it the same way). */
    static final class AudioReaderHelper {
        static AudioBuffer read(Path file) throws Exception {
            return org.freshears.audio.AudioReader.read(file).audio();
        }
    }

    // ---- a cached run reads only what it needs (#15 item 4: the cached run toward 3 s) --------------------

    @Test
    void aCachedStepReadsItsAudioOnlyWhenSomethingNeedsItAndOnlyOnce() throws Exception {
        CountingResultCache cache = new CountingResultCache(new DiskResultCache(dir.resolve("lazy"), "test", 1L << 30));
        chain(open(cache), -0.5); // fills the cache
        cache.hits.clear();
        Session s = open(cache);
        chain(s, -0.5);
        assertTrue(cache.hits.contains("StepResult"), cache.hits.toString());
        assertFalse(cache.hits.contains("AudioBuffer"), "no step's samples read yet: " + cache.hits);
        Session plain = open(ResultCache.NONE);
        chain(plain, -0.5);
        assertArrayEquals(plain.master().channel(0), s.master().channel(0));
        assertArrayEquals(plain.master().channel(1), s.master().channel(1));
        assertEquals(List.of("AudioBuffer"), cache.hits.stream().filter("AudioBuffer"::equals).toList(),
                "the last step's audio read, once: " + cache.hits);
    }

    @Test
    void aCachedStepWhoseAudioIsDeletedOrCorruptedBeforeItIsNeededIsRenderedAgain() throws Exception {
        Session plain = open(ResultCache.NONE);
        chain(plain, -0.5);
        byte[] plainMaster = Files.readAllBytes(plain.render("plain.wav", WavOutputFormat.pcm24()).path());
        for (String fault : List.of("deleted", "corrupted")) {
            Path folder = dir.resolve("lost-" + fault);
            DiskResultCache disk = new DiskResultCache(folder, "test", 1L << 30);
            chain(open(disk), -0.5); // fills the cache
            Session s = open(disk);
            chain(s, -0.5); // every step found in the cache, none of their audio read
            for (StepRun step : s.steps()) {
                String key = CacheKeys.stepAudio("test", s.audioKey(step.name()));
                Path entry = folder.resolve(key.substring(0, 2)).resolve(key + ".entry");
                if (fault.equals("deleted")) {
                    Files.delete(entry);
                } else {
                    byte[] bytes = Files.readAllBytes(entry);
                    bytes[bytes.length / 2] ^= 0x10; // one bit of a sample
                    Files.write(entry, bytes);
                }
            }
            RenderRecord render = s.render(fault + ".wav", WavOutputFormat.pcm24());
            assertArrayEquals(plainMaster, Files.readAllBytes(render.path()), fault);
            assertArrayEquals(plain.master().channel(0), s.master().channel(0), fault);
            assertEquals(plain.checklist().toString(), s.checklist().toString(), fault);
            String lastAudio = CacheKeys.stepAudio("test", s.audioKey(s.latest().name()));
            assertNotNull(disk.get(lastAudio, AudioBuffer.class), fault + ": rendered again, and kept again");
        }
    }

    @Test
    void aMasterWrittenBeforeIsWrittenFromTheCacheWithTheSameBytes() throws Exception {
        CountingResultCache cache = new CountingResultCache(new DiskResultCache(dir.resolve("written"), "test", 1L << 30));
        Session first = open(cache);
        chain(first, -0.5);
        RenderRecord made = first.render("made.wav", WavOutputFormat.pcm16());
        cache.hits.clear();
        Session again = open(cache);
        chain(again, -0.5);
        RenderRecord copied = again.render("copied.wav", WavOutputFormat.pcm16());
        assertTrue(cache.hits.contains("WrittenWav"), cache.hits.toString());
        assertFalse(cache.hits.contains("AudioBuffer"), "the master's samples were not needed: " + cache.hits);
        assertArrayEquals(Files.readAllBytes(made.path()), Files.readAllBytes(copied.path()));
        assertEquals(made.sha256(), copied.sha256());
        assertEquals(made.integratedLufs(), copied.integratedLufs());
        assertEquals(made.clippedSamples(), copied.clippedSamples());
        // Another format (another dither) is another key: made from the samples, not from the 16-bit file.
        RenderRecord other = again.render("other.wav", WavOutputFormat.pcm24());
        assertTrue(cache.hits.contains("AudioBuffer"), cache.hits.toString());
        assertNotEquals(made.sha256(), other.sha256());
    }
}
