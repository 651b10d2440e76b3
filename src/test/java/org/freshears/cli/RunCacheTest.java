package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.freshears.audio.AudioBuffer;
import org.freshears.session.DiskResultCache;
import org.freshears.session.WrittenWav;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 4 through the CLI: a run with the result cache, filling it or reading it, writes the very
 * files a run without it writes; replay never reads it.
 */
class RunCacheTest {
    @TempDir
    Path dir;

    private static final String NOTEBOOK = "notebooks/01-first-master.jsh";

    @Test
    void aCachedRunWritesTheSameFilesAndReplayIgnoresThePoisonedCache() throws Exception {
        Path cache = dir.resolve("cache");
        AnalyzeCommandTest.Result plain = AnalyzeCommandTest.run("run", NOTEBOOK, "--out", dir.resolve("plain").toString(),
                "--no-cache", "--cache-dir", cache.toString());
        assertEquals(0, plain.status(), plain.out() + plain.err());
        assertFalse(Files.exists(cache), "--no-cache writes no cache");
        for (String name : List.of("filling", "reading")) {
            AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", NOTEBOOK, "--out", dir.resolve(name).toString(),
                    "--cache-dir", cache.toString());
            assertEquals(0, r.status(), r.out() + r.err());
            assertEquals(plain.out().replace("plain", name), r.out());
            assertEquals(files(dir.resolve("plain")).keySet(), files(dir.resolve(name)).keySet());
            TreeMap<String, byte[]> made = files(dir.resolve(name));
            files(dir.resolve("plain")).forEach((file, bytes) -> {
                // The same bytes, but where a file names its own folder (the outputs a cell printed).
                String expected = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
                String actual = new String(made.get(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .replace(dir.resolve(name).toString(), dir.resolve("plain").toString());
                assertTrue(expected.equals(actual), name + ": " + file + " differs");
            });
        }

        // Run again into a folder that holds this very master: it is kept, not written again; a master someone
        // changed (one byte) is written again, whole.
        Path master = dir.resolve("reading/demo-master.wav");
        byte[] right = Files.readAllBytes(dir.resolve("plain/demo-master.wav"));
        Object inode = Files.getAttribute(master, "unix:ino");
        // The charts too: each chart file the run before left with the same bytes is kept.
        Path charts = dir.resolve("reading/charts");
        TreeMap<String, Object> chartInodes = new TreeMap<>();
        try (Stream<Path> listed = Files.list(charts)) {
            for (Path chart : listed.toList()) {
                chartInodes.put(chart.getFileName().toString(), Files.getAttribute(chart, "unix:ino"));
            }
        }
        assertTrue(chartInodes.size() >= 10, "charts: " + chartInodes.keySet());
        String[] again = {"run", NOTEBOOK, "--out", dir.resolve("reading").toString(), "--cache-dir", cache.toString()};
        assertEquals(0, AnalyzeCommandTest.run(again).status());
        assertEquals(inode, Files.getAttribute(master, "unix:ino"), "the unchanged master was written again");
        for (var chart : chartInodes.entrySet()) {
            assertEquals(chart.getValue(), Files.getAttribute(charts.resolve(chart.getKey()), "unix:ino"),
                    "the unchanged chart " + chart.getKey() + " was written again");
        }
        byte[] changed = right.clone();
        changed[changed.length / 2] ^= 1;
        Files.write(master, changed);
        Path aChart = charts.resolve(chartInodes.firstKey());
        byte[] rightChart = Files.readAllBytes(aChart);
        byte[] changedChart = rightChart.clone();
        changedChart[changedChart.length / 2] ^= 1;
        Files.write(aChart, changedChart);
        assertEquals(0, AnalyzeCommandTest.run(again).status());
        assertArrayEquals(right, Files.readAllBytes(master), "a changed master must be written again");
        assertArrayEquals(rightChart, Files.readAllBytes(aChart), "a changed chart must be written again");

        // Poison every cached step render (a valid entry, its key and checksum right, the audio not), and forget
        // the written masters (else the master's file would come from the cache as it was): a run now masters
        // the poisoned audio, which proves it reads the cache; replay renders the bits itself.
        DiskResultCache disk = new DiskResultCache(cache, ResultCaches.namespace(), Long.MAX_VALUE);
        int poisoned = 0;
        for (Path entry : entries(cache)) {
            String key = entry.getFileName().toString().replace(".entry", "");
            AudioBuffer audio = disk.get(key, AudioBuffer.class);
            if (audio != null) {
                for (float[] channel : audio.planar()) {
                    for (int i = 0; i < channel.length; i++) {
                        channel[i] *= 0.5f;
                    }
                }
                disk.put(key, audio);
                poisoned++;
            } else if (disk.get(key, WrittenWav.class) != null) {
                Files.delete(entry);
            }
        }
        assertTrue(poisoned >= 4, "the notebook's steps were cached: " + poisoned);
        Path fooled = dir.resolve("fooled");
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", NOTEBOOK, "--out", fooled.toString(),
                "--cache-dir", cache.toString());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("plain/demo-master.wav")),
                Files.readAllBytes(fooled.resolve("demo-master.wav"))), "the run read the poisoned cache");
        AnalyzeCommandTest.Result replay = AnalyzeCommandTest.run("replay", fooled.resolve("session.json").toString());
        assertEquals(1, replay.status(), replay.out() + replay.err());
        assertTrue(replay.out().contains("DIFFERENT"), "replay rendered the true bits: " + replay.out());
        AnalyzeCommandTest.Result honest = AnalyzeCommandTest.run("replay", dir.resolve("plain/session.json").toString());
        assertEquals(0, honest.status(), honest.out() + honest.err());
    }

    @Test
    void theCacheFolderComesFromTheOptionTheEnvironmentOrTheUsersCacheFolder() {
        Path home = Path.of("/home/someone");
        assertEquals(Path.of("/home/someone/.cache/freshears"),
                ((DiskResultCache) ResultCaches.forRun(false, null, 10, java.util.Map.of(), home)).folder());
        assertEquals(Path.of("/xdg/freshears"), ((DiskResultCache) ResultCaches.forRun(false, null, 10,
                java.util.Map.of("XDG_CACHE_HOME", "/xdg"), home)).folder());
        assertEquals(Path.of("/mine"), ((DiskResultCache) ResultCaches.forRun(false, null, 10,
                java.util.Map.of("FRESHEARS_CACHE", "/mine", "XDG_CACHE_HOME", "/xdg"), home)).folder());
        assertEquals(Path.of("/given"), ((DiskResultCache) ResultCaches.forRun(false, Path.of("/given"), 10,
                java.util.Map.of("FRESHEARS_CACHE", "off"), home)).folder());
        assertFalse(ResultCaches.forRun(false, null, 10, java.util.Map.of("FRESHEARS_CACHE", "off"), home).enabled());
        assertFalse(ResultCaches.forRun(true, Path.of("/given"), 10, java.util.Map.of(), home).enabled());
    }

    /**
     * A run again into the same folder links the last run's listening files (the same inodes) instead of writing
     * them; one the user changed (same size) or cut short in the folder is written again with the right bytes.
     */
    @Test
    void aRunAgainKeepsTheLastRunsListeningFilesUnlessTheyWereChanged() throws Exception {
        Path cache = dir.resolve("cache");
        Path out = dir.resolve("out");
        String[] args = {"run", NOTEBOOK, "--out", out.toString(), "--cache-dir", cache.toString()};
        AnalyzeCommandTest.Result first = AnalyzeCommandTest.run(args);
        assertEquals(0, first.status(), first.out() + first.err());
        TreeMap<String, byte[]> right = files(out);
        List<String> listening = right.keySet().stream().filter(f -> f.endsWith(".flac.js")).toList();
        assertTrue(listening.size() >= 3, "listening files: " + listening);
        TreeMap<String, Object> inodes = new TreeMap<>();
        for (String file : listening) {
            inodes.put(file, inode(out.resolve(file)));
        }

        AnalyzeCommandTest.Result again = AnalyzeCommandTest.run(args);
        assertEquals(0, again.status(), again.out() + again.err());
        for (String file : listening) {
            assertEquals(inodes.get(file), inode(out.resolve(file)), file + ": linked, not written");
            assertArrayEquals(right.get(file), Files.readAllBytes(out.resolve(file)), file);
        }

        Path changed = out.resolve(listening.get(0));
        byte[] bytes = Files.readAllBytes(changed);
        bytes[bytes.length / 2] ^= 1;
        Files.write(changed, bytes);
        Path cut = out.resolve(listening.get(1));
        Files.write(cut, java.util.Arrays.copyOf(right.get(listening.get(1)), 1000));
        AnalyzeCommandTest.Result repaired = AnalyzeCommandTest.run(args);
        assertEquals(0, repaired.status(), repaired.out() + repaired.err());
        for (String file : listening) {
            assertArrayEquals(right.get(file), Files.readAllBytes(out.resolve(file)), file + ": the right bytes again");
        }
        assertEquals(inodes.get(listening.get(2)), inode(out.resolve(listening.get(2))), "the untouched one: linked");
    }

    private static Object inode(Path file) throws java.io.IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private static TreeMap<String, byte[]> files(Path folder) {
        TreeMap<String, byte[]> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                all.put(folder.relativize(f).toString(), Files.readAllBytes(f));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all;
    }

    private static List<Path> entries(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".entry")).toList();
        }
    }
}
