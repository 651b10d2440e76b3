package org.freshears.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.audio.SplitMix64;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Gain;
import org.freshears.chain.HighShelf;
import org.freshears.report.ListeningFiles.Version;
import org.freshears.session.Display;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.session.StepRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listening files: what is written when, and the size budget kept whatever the number of steps. */
class ListeningFilesTest {
    @TempDir
    Path dir;

    /**
     * A listening file's base64 is made from the encoder's parts, without the flat file: the same characters as
     * the flat file's base64, for every length modulo 3 (the padding) and across the encoder's 2 MiB segments.
     */
    @Test
    void base64FromTheEncodersPartsIsTheFlatFilesBase64() {
        java.util.Set<Long> residues = new java.util.TreeSet<>();
        boolean crossedASegment = false;
        for (int frames : new int[] {1, 4095, 4096, 9000, 12_345, 20_000, 15 * 44_100}) {
            float[][] x = new float[2][frames];
            SplitMix64 random = new SplitMix64(frames);
            for (int i = 0; i < frames; i++) {
                x[0][i] = (float) (random.nextDouble() - 0.5); // noise: about a byte and a half per sample
                x[1][i] = (float) (random.nextDouble() - 0.5);
            }
            AudioBuffer audio = new AudioBuffer(x, 44_100, ChannelLayout.standard(2));
            org.freshears.audio.FlacEncoder encoder = new org.freshears.audio.FlacEncoder(
                    org.freshears.audio.Dither.tpdf(7));
            org.freshears.audio.FlacEncoder.EncodedFile parts = encoder.encodeFile(audio);
            byte[] flat = new org.freshears.audio.FlacEncoder(org.freshears.audio.Dither.tpdf(7)).encode(audio);
            assertEquals(flat.length, parts.length());
            assertArrayEquals(flat, parts.toByteArray());
            assertArrayEquals(Base64.getEncoder().encode(flat), ListeningFiles.base64(parts), frames + " frames");
            residues.add(parts.length() % 3);
            crossedASegment |= parts.length() > (2 << 20) + 100;
        }
        assertEquals(java.util.Set.of(0L, 1L, 2L), residues, "every padding case was tried");
        assertTrue(crossedASegment, "a file of more than one segment was tried");
    }

    @Test
    void aFewStepsAreAllWrittenWholeAndTheMasterIsTheLastStepsFile() throws Exception {
        Session s = open(mix(40, 0.05));
        ListeningFiles files = new ListeningFiles(s, dir.resolve("out"), "");
        files.mixOpened();
        files.stepRan(s.step("tilt", new HighShelf(6_000, -3)));
        files.stepRan(s.step("louder", new Gain(3)));
        List<Version> versions = files.finish();
        assertEquals(List.of("mix", "step:tilt", "step:louder", "master"), versions.stream().map(Version::key).toList());
        versions.forEach(v -> assertNull(v.why(), v.toString()));
        assertEquals(versions.get(2).file(), versions.get(3).file(), "the master is the last step's file");
        assertEquals("listen/step-2-louder.flac.js", versions.get(2).file());
        assertEquals(s.snapshot("louder").analysis().integratedLufs(), versions.get(3).integratedLufs());
        assertEquals(s.snapshot("mix").analysis().integratedLufs(), versions.get(0).integratedLufs());
        // A one-line call with the key and the base64 FLAC.
        String text = Files.readString(dir.resolve("out").resolve(versions.get(0).file()), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("freshEarsListening(\"mix\", \""), text.substring(0, 40));
        byte[] flac = Base64.getDecoder().decode(text.substring(text.indexOf(", \"") + 3, text.lastIndexOf('"')));
        assertEquals("fLaC", new String(flac, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(listenBytes() <= files.budgetBytes());
    }

    @Test
    void manyStepsKeepTheBudgetAndTheMixAndMasterWhole() throws Exception {
        Session s = open(mix(45, 0.3)); // noisy: FLAC cannot shrink it much, so the budget bites
        ListeningFiles files = new ListeningFiles(s, dir.resolve("out"), "");
        files.mixOpened();
        for (int i = 1; i <= 8; i++) {
            StepRun run = s.step("step " + i, new Gain(i % 2 == 0 ? 0.5 : -0.5));
            files.stepRan(run);
            files.awaitWritten(); // encoded on a thread of their own: what is on disk once they are written
            assertTrue(listenBytes() <= files.budgetBytes(), "within the budget as it goes: after step " + i);
        }
        List<Version> versions = files.finish();
        long budget = files.budgetBytes();
        assertEquals(3 * Files.size(s.mixPath()), budget);
        assertTrue(listenBytes() <= budget, listenBytes() + " > " + budget);
        Version mix = versions.get(0);
        Version master = versions.get(versions.size() - 1);
        assertEquals("master", master.key());
        for (Version whole : List.of(mix, master)) {
            assertNotNull(whole.file(), whole.toString());
            assertNull(whole.why(), whole.toString());
            assertEquals(0, whole.fromSeconds());
            assertEquals(45, whole.toSeconds(), 1e-9);
            assertTrue(Files.isRegularFile(dir.resolve("out").resolve(whole.file())));
        }
        long leftOut = versions.stream().filter(v -> v.why() != null).count();
        assertTrue(leftOut >= 4, "8 noisy steps cannot all fit in 3x the mix: " + versions);
        for (Version v : versions) {
            if (v.file() == null) {
                assertTrue(v.why().startsWith("not written"), v.toString());
            } else if (v.why() != null) {
                assertEquals(ListeningFiles.EXCERPT_SECONDS, v.toSeconds() - v.fromSeconds(), 1e-3, v.toString());
            }
            if (v.file() != null) {
                assertTrue(Files.isRegularFile(dir.resolve("out").resolve(v.file())), v.toString());
            }
        }
        // Nothing on disk that the player does not know of.
        try (Stream<Path> written = Files.list(dir.resolve("out/listen"))) {
            assertEquals(versions.stream().map(Version::file).filter(f -> f != null).distinct().count(), written.count());
        }
    }

    @Test
    void afterTranslateThePlaybackSystemsArePreviewedOnTheLoudestStretchAtTheMastersLoudness() throws Exception {
        Session s = open(mix(120, 0.05)); // long enough that five 30-s previews fit the budget
        ListeningFiles files = new ListeningFiles(s, dir.resolve("out"), "");
        files.mixOpened();
        files.stepRan(s.step("louder", new Gain(3)));
        s.translate();
        List<Version> versions = files.finish();
        List<Version> previews = versions.stream().filter(v -> v.key().startsWith("preview:")).toList();
        assertEquals(List.of("preview:phone", "preview:laptop", "preview:earbuds", "preview:car", "preview:club"),
                previews.stream().map(Version::key).toList());
        double masterLufs = s.latest().analysis().integratedLufs();
        for (Version v : previews) {
            assertNotNull(v.file(), v.toString());
            assertTrue(Files.isRegularFile(dir.resolve("out").resolve(v.file())), v.file());
            assertEquals(30.0, v.toSeconds() - v.fromSeconds(), 1e-3, "the loudest 30 s");
        }
        // The loudness it is matched by: the master's, moved by what the system did to the excerpt.
        AudioBuffer master = s.master();
        int from = (int) Math.round(previews.get(0).fromSeconds() * master.sampleRate());
        AudioBuffer excerpt = master.slice(from, from + 30 * master.sampleRate());
        double phoneChange = org.freshears.measure.LoudnessMeter.integratedLufs(
                org.freshears.translation.PlaybackSystem.PHONE.preview(excerpt))
                - org.freshears.measure.LoudnessMeter.integratedLufs(excerpt);
        assertTrue(phoneChange < -1, "a phone loses the lows: " + phoneChange);
        assertEquals(masterLufs + phoneChange, previews.get(0).integratedLufs(), 1e-9);
        assertTrue(listenBytes() <= files.budgetBytes());
    }

    @Test
    void withoutTranslateThereAreNoPreviews() throws Exception {
        Session s = open(mix(40, 0.05));
        ListeningFiles files = new ListeningFiles(s, dir.resolve("out"), "");
        files.mixOpened();
        assertTrue(files.finish().stream().noneMatch(v -> v.key().startsWith("preview:")));
    }

    /** A reference joins the player after the master, level-matched by its own loudness, on the mix's timeline. */
    @Test
    void aReferencePlaysFromTheStartForAtMostTheMixsLengthAfterTheMaster() throws Exception {
        Session s = open(mix(20, 0.05));
        ListeningFiles files = new ListeningFiles(s, dir.resolve("out"), "");
        files.mixOpened();
        Path shortFile = writeReference("short.wav", 12, 3);
        Path longFile = writeReference("long.wav", 50, 4);
        org.freshears.session.Reference shortRef = s.reference(shortFile.toString());
        org.freshears.session.Reference longRef = s.reference(longFile.toString());
        files.referenceRead(shortRef, org.freshears.audio.WavReader.read(shortFile).audio());
        files.referenceRead(longRef, org.freshears.audio.WavReader.read(longFile).audio());
        files.stepRan(s.step("louder", new Gain(2)));
        List<Version> versions = files.finish();
        assertEquals(List.of("mix", "step:louder", "master", "reference:short", "reference:long"),
                versions.stream().map(Version::key).toList());
        Version shorter = versions.get(3);
        assertEquals("Reference: short", shorter.label());
        assertEquals("listen/reference-short.flac.js", shorter.file());
        assertEquals(shortRef.analysis().integratedLufs(), shorter.integratedLufs());
        assertEquals(0, shorter.fromSeconds());
        assertEquals(12, shorter.toSeconds(), 1e-9);
        assertNull(shorter.why());
        Version longer = versions.get(4);
        assertEquals(0, longer.fromSeconds());
        assertEquals(20, longer.toSeconds(), 1e-9, "the mix's length: the player's timeline");
        // Its loudest 20 s: the swell peaks at 25 s (a 40-s period from the sine's start, see writeReference).
        assertTrue(longer.why().startsWith("a reference longer than the mix: its loudest 0:20 (0:1"), longer.why());
        String text = Files.readString(dir.resolve("out").resolve(longer.file()), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("freshEarsListening(\"reference:long\", \""), text.substring(0, 50));
        assertTrue(listenBytes() <= files.budgetBytes());
    }

    /** Noise whose level swells with a 40-s period, loudest at 25 s (and 65 s). */
    private Path writeReference(String name, double seconds, long seed) throws Exception {
        int rate = 48_000;
        int frames = (int) (seconds * rate);
        float[][] x = new float[2][frames];
        SplitMix64 random = new SplitMix64(seed);
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double loud = 0.3 + 0.25 * StrictMath.sin(2 * Math.PI * (t - 15) / 40);
            // Tones and a little noise: FLAC shrinks it, so both references fit the budget whole.
            x[0][i] = (float) (loud * (0.5 * StrictMath.sin(2 * Math.PI * 220 * t) + 0.05 * (random.nextDouble() - 0.5)));
            x[1][i] = (float) (loud * (0.5 * StrictMath.sin(2 * Math.PI * 330 * t) + 0.05 * (random.nextDouble() - 0.5)));
        }
        Path file = dir.resolve(name);
        WavWriter.write(new AudioBuffer(x, rate, ChannelLayout.standard(2)), file, WavOutputFormat.pcm16());
        return file;
    }

    private long listenBytes() throws Exception {
        Path listen = dir.resolve("out/listen");
        try (Stream<Path> files = Files.list(listen)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private Path mix(double seconds, double noise) throws Exception {
        int rate = 48_000;
        int frames = (int) (seconds * rate);
        float[][] x = new float[2][frames];
        SplitMix64 random = new SplitMix64(11);
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double loud = 0.3 + 0.2 * StrictMath.sin(2 * Math.PI * t / 20); // a louder stretch to find
            x[0][i] = (float) (loud * (0.5 * StrictMath.sin(2 * Math.PI * 110 * t) + noise * (random.nextDouble() - 0.5)));
            x[1][i] = (float) (loud * (0.5 * StrictMath.sin(2 * Math.PI * 165 * t) + noise * (random.nextDouble() - 0.5)));
        }
        Path file = dir.resolve("mix.wav");
        WavWriter.write(new AudioBuffer(x, rate, ChannelLayout.standard(2)), file, WavOutputFormat.pcm16());
        return file;
    }

    /**
     * Run again with the FLAC in the result cache (a step's whole song then is not copied, only its excerpt's
     * span): the same versions and the same bytes, the excerpts of the steps the budget turned away included.
     */
    @Test
    void runAgainFromTheCacheWritesTheSameFilesExcerptsIncluded() throws Exception {
        Path mix = mix(45, 0.3);
        org.freshears.session.ResultCache cache = new org.freshears.session.MemoryResultCache("test", 1L << 30);
        List<List<Version>> runs = new java.util.ArrayList<>();
        List<java.util.Map<String, byte[]>> bytes = new java.util.ArrayList<>();
        for (String out : List.of("first", "again")) {
            Session s = Session.open(mix, new SessionContext(dir.resolve(out), Display.NONE, Progress.Factory.NONE)
                    .withCache(cache));
            ListeningFiles files = new ListeningFiles(s, dir.resolve(out), "");
            files.mixOpened();
            List<Version> versions = new java.util.ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                StepRun step = s.step("step " + i, new Gain(i % 2 == 0 ? 0.5 : -0.5));
                files.stepRan(step);
                versions.add(files.current(ListeningFiles.stepKey(step))); // as written, before the end's removals
            }
            List<Version> finished = files.finish();
            versions.addAll(finished);
            runs.add(versions);
            java.util.Map<String, byte[]> written = new java.util.TreeMap<>();
            for (Version v : finished) {
                if (v.file() != null) {
                    written.put(v.file(), Files.readAllBytes(dir.resolve(out).resolve(v.file())));
                }
            }
            bytes.add(written);
        }
        assertEquals(runs.get(0), runs.get(1));
        assertTrue(runs.get(0).stream().anyMatch(v -> v.why() != null && v.why().startsWith("only the loudest")),
                "an excerpt among them: " + runs.get(0));
        assertEquals(bytes.get(0).keySet(), bytes.get(1).keySet());
        bytes.get(0).forEach((file, content) -> assertTrue(java.util.Arrays.equals(content, bytes.get(1).get(file)), file));
    }

    /**
     * A kernel's cell run again: the unchanged steps keep their files as they are (not written again: the same
     * inode), whole, within the budget however often they run (a file written again replaces its bytes in the
     * budget, it does not add to them); the changed step gets its new file, byte for byte what a first run
     * writes.
     */
    @Test
    void aStepRunAgainUnchangedKeepsItsFileAndAChangedStepGetsItsNewOne() throws Exception {
        Path mix = mix(40, 0.05);
        KernelFiles kernel = twoStepsWritten(mix, dir.resolve("kernel"));
        Path out = kernel.out();
        Session s = kernel.session();
        ListeningFiles files = kernel.files();
        Path tilt = out.resolve("listen/step-1-tilt.flac.js");
        Path louder = out.resolve("listen/step-2-louder.flac.js");
        Object tiltInode = inode(tilt);
        byte[] tiltBytes = Files.readAllBytes(tilt);
        for (int again = 0; again < 4; again++) { // 4 runs again would overflow the budget if counted anew
            files.stepRan(s.step("tilt", new HighShelf(6_000, -3)));
            files.stepRan(s.step("louder", new Gain(3)));
        }
        files.stepRan(s.step("tilt", new HighShelf(6_000, -3)));
        files.stepRan(s.step("louder", new Gain(2)));
        List<Version> versions = files.finish();
        assertEquals(List.of("mix", "step:tilt", "step:louder", "master"), versions.stream().map(Version::key).toList());
        versions.forEach(v -> assertNull(v.why(), v.toString()));
        assertEquals(tiltInode, inode(tilt), "the unchanged step's file was not written again");
        assertArrayEquals(tiltBytes, Files.readAllBytes(tilt));
        assertTrue(listenBytes(out) <= files.budgetBytes());
        assertEquals(listenBytes(out), versions.subList(0, 3).stream().mapToLong(Version::bytes).sum(),
                "the budget counts each file once");

        // The same chain run once, without a cache: the files a first run writes.
        Path fresh = dir.resolve("fresh");
        Session once = Session.open(mix, new SessionContext(fresh, Display.NONE, Progress.Factory.NONE));
        ListeningFiles first = new ListeningFiles(once, fresh, "");
        first.mixOpened();
        first.stepRan(once.step("tilt", new HighShelf(6_000, -3)));
        first.stepRan(once.step("louder", new Gain(2)));
        first.finish();
        assertArrayEquals(Files.readAllBytes(fresh.resolve("listen/step-2-louder.flac.js")), Files.readAllBytes(louder),
                "the changed step's new file");
        assertArrayEquals(Files.readAllBytes(fresh.resolve("listen/step-1-tilt.flac.js")), Files.readAllBytes(tilt));
    }

    /**
     * A kernel's cell run again keeps its unchanged first step without waiting for the encode of the step the cell
     * before changed (still queued): the queue is held up here by holding the files' lock, which the encode takes
     * once its FLAC is made, so waiting for it would never end.
     */
    @Test
    void aStepRunAgainUnchangedDoesNotWaitForAnotherStepsEncode() throws Exception {
        Path mix = mix(20, 0.05);
        KernelFiles kernel = twoStepsWritten(mix, dir.resolve("kernel"));
        Path out = kernel.out();
        Session s = kernel.session();
        ListeningFiles files = kernel.files();
        Path tilt = out.resolve("listen/step-1-tilt.flac.js");
        Object tiltInode = inode(tilt);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            synchronized (files) {
                files.stepRan(s.step("tilt", new HighShelf(6_000, -3)));
                files.stepRan(s.step("louder", new Gain(2))); // queued: its encode waits for the lock
                files.stepRan(s.step("tilt", new HighShelf(6_000, -3))); // the next cell: must not wait for it
            }
        });
        List<Version> versions = files.finish();
        assertEquals(List.of("mix", "step:tilt", "step:louder", "master"), versions.stream().map(Version::key).toList());
        assertEquals(tiltInode, inode(tilt), "the unchanged step's file was kept");
    }

    /**
     * Held (a kernel drawing a step's charts), a step's file is not encoded until released, or until something
     * waits for it; more steps than the versions allowed to wait do not stop the notebook; the files are those an
     * unheld queue writes.
     */
    @Test
    void heldVersionsAreEncodedWhenReleasedOrWaitedForAndNothingStops() throws Exception {
        Path mix = mix(20, 0.05);
        Path out = dir.resolve("held");
        Session s = kernelSession(mix, out);
        ListeningFiles files = new ListeningFiles(s, out, "");
        files.mixOpened();
        files.awaitWritten();
        Path tilt = out.resolve("listen/step-1-tilt.flac.js");
        files.holdUntilShown();
        files.stepRan(s.step("tilt", new HighShelf(6_000, -3)));
        Thread.sleep(300);
        assertFalse(Files.exists(tilt), "held: not encoded yet");
        files.releaseHeld();
        files.awaitWritten();
        assertTrue(Files.exists(tilt), "released: encoded");

        files.holdUntilShown();
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
            for (int i = 0; i < ListeningFiles.VERSIONS_WAITING + 2; i++) {
                files.stepRan(s.step("louder " + i, new Gain(1)));
            }
        });
        List<Version> versions = files.finish(); // waits: releases what is still held
        assertEquals(List.of("mix", "step:tilt", "step:louder 0", "step:louder 1", "step:louder 2", "step:louder 3",
                "master"), versions.stream().map(Version::key).toList());

        Path plain = dir.resolve("plain");
        Session once = kernelSession(mix, plain);
        ListeningFiles unheld = new ListeningFiles(once, plain, "");
        unheld.mixOpened();
        unheld.stepRan(once.step("tilt", new HighShelf(6_000, -3)));
        for (int i = 0; i < ListeningFiles.VERSIONS_WAITING + 2; i++) {
            unheld.stepRan(once.step("louder " + i, new Gain(1)));
        }
        List<Version> expected = unheld.finish();
        assertEquals(expected, versions);
        for (Version v : expected) {
            if (v.file() != null) {
                assertArrayEquals(Files.readAllBytes(plain.resolve(v.file())), Files.readAllBytes(out.resolve(v.file())),
                        v.file());
            }
        }
    }

    /**
     * A listening file changed or cut short while the kernel runs (same size and modification time put back, or
     * truncated) is written again when its step runs again: only a file untouched since it was written is kept.
     */
    @Test
    void aFileChangedOrCutShortIsWrittenAgainWhenItsStepRunsAgain() throws Exception {
        Path mix = mix(20, 0.05);
        Path out = dir.resolve("kernel");
        Session s = kernelSession(mix, out);
        ListeningFiles files = new ListeningFiles(s, out, "");
        files.mixOpened();
        files.stepRan(s.step("tilt", new HighShelf(6_000, -3)));
        files.awaitWritten();
        Path tilt = out.resolve("listen/step-1-tilt.flac.js");
        byte[] right = Files.readAllBytes(tilt);

        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(tilt);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(tilt,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'A', 'A', 'A', 'A'}), right.length / 2);
        }
        Files.setLastModifiedTime(tilt, modified);
        files.stepRan(s.step("tilt", new HighShelf(6_000, -3)));
        files.awaitWritten();
        assertArrayEquals(right, Files.readAllBytes(tilt), "changed in place: written again");

        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(tilt,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(right.length - 100);
        }
        files.stepRan(s.step("tilt", new HighShelf(6_000, -3)));
        files.awaitWritten();
        assertArrayEquals(right, Files.readAllBytes(tilt), "cut short: written again");

        Files.delete(tilt);
        files.stepRan(s.step("tilt", new HighShelf(6_000, -3)));
        files.finish();
        assertArrayEquals(right, Files.readAllBytes(tilt), "deleted: written again");
    }

    /**
     * A run again into the staging folder beside the last run's output: a listening file with the same bytes
     * as the last run's is linked (the same inode), one whose old copy was changed (same size) or cut short is
     * written with the right bytes, and the old copies are left as they are.
     */
    @Test
    void aRunAgainLinksTheLastRunsFilesWithTheSameBytesAndWritesTheRest() throws Exception {
        Path mix = mix(20, 0.05);
        org.freshears.session.ResultCache cache = new org.freshears.session.MemoryResultCache("test", 1L << 30);
        Path last = dir.resolve("out");
        List<Version> before = run(mix, cache, last, null);
        Path staging = dir.resolve(".out.staging");
        Path mixFile = last.resolve("listen/mix.flac.js");
        Path stepFile = last.resolve("listen/step-1-tilt.flac.js");
        Path masterSource = last.resolve("listen/step-2-louder.flac.js");
        byte[] rightMix = Files.readAllBytes(mixFile);
        byte[] rightStep = Files.readAllBytes(stepFile);
        byte[] rightMaster = Files.readAllBytes(masterSource);
        byte[] changed = rightStep.clone();
        changed[changed.length / 2] ^= 1;
        Files.write(stepFile, changed);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(masterSource,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(rightMaster.length - 1);
        }
        List<Version> again = run(mix, cache, staging, last);
        assertEquals(before, again);
        assertEquals(inode(mixFile), inode(staging.resolve("listen/mix.flac.js")), "the same bytes: linked");
        assertArrayEquals(rightMix, Files.readAllBytes(staging.resolve("listen/mix.flac.js")));
        assertArrayEquals(rightStep, Files.readAllBytes(staging.resolve("listen/step-1-tilt.flac.js")),
                "the old copy changed: written");
        assertArrayEquals(rightMaster, Files.readAllBytes(staging.resolve("listen/step-2-louder.flac.js")),
                "the old copy cut short: written");
        assertArrayEquals(changed, Files.readAllBytes(stepFile), "the old copies are not touched");
        assertEquals(rightMaster.length - 1, Files.size(masterSource));

        // Without a cache the bytes are compared all the same: linked when equal.
        Path uncached = dir.resolve(".out.uncached");
        run(mix, org.freshears.session.ResultCache.NONE, uncached, last);
        assertEquals(inode(mixFile), inode(uncached.resolve("listen/mix.flac.js")));
        assertArrayEquals(rightStep, Files.readAllBytes(uncached.resolve("listen/step-1-tilt.flac.js")));
    }

    private List<Version> run(Path mix, org.freshears.session.ResultCache cache, Path out, Path previous)
            throws Exception {
        Session s = Session.open(mix, new SessionContext(out, Display.NONE, Progress.Factory.NONE).withCache(cache));
        ListeningFiles files = new ListeningFiles(s, out, "", previous);
        files.mixOpened();
        files.stepRan(s.step("tilt", new HighShelf(6_000, -3)));
        files.stepRan(s.step("louder", new Gain(3)));
        return files.finish();
    }

    private static Object inode(Path file) throws java.io.IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private long listenBytes(Path out) throws java.io.IOException {
        try (Stream<Path> files = Files.list(out.resolve("listen"))) {
            long sum = 0;
            for (Path f : (Iterable<Path>) files::iterator) {
                sum += Files.size(f);
            }
            return sum;
        }
    }

    private Session open(Path mix) throws Exception {
        return Session.open(mix, new SessionContext(dir.resolve("out"), Display.NONE, Progress.Factory.NONE));
    }

    /** A session as the kernel holds one: cells may run again, results kept in memory. */
    /** A kernel's session with its listening files, the mix and two steps ("tilt", "louder") written. */
    private record KernelFiles(Path out, Session session, ListeningFiles files) {
    }

    private static KernelFiles twoStepsWritten(Path mix, Path out) throws Exception {
        Session s = kernelSession(mix, out);
        ListeningFiles files = new ListeningFiles(s, out, "");
        files.mixOpened();
        files.stepRan(s.step("tilt", new HighShelf(6_000, -3)));
        files.stepRan(s.step("louder", new Gain(3)));
        files.awaitWritten();
        return new KernelFiles(out, s, files);
    }

    private static Session kernelSession(Path mix, Path out) throws Exception {
        return Session.open(mix, new SessionContext(out, Display.NONE, Progress.Factory.NONE).withRerunnableCells()
                .withCache(new org.freshears.session.MemoryResultCache("test", 1L << 30)));
    }
}
