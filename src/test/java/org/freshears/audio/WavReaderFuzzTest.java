package org.freshears.audio;

import static org.freshears.audio.WavBytes.bytes;
import static org.freshears.audio.WavBytes.chunk;
import static org.freshears.audio.WavBytes.chunkClaiming;
import static org.freshears.audio.WavBytes.fmt;
import static org.freshears.audio.WavBytes.fmtExtensible;
import static org.freshears.audio.WavBytes.riff;
import static org.freshears.audio.WavBytes.subtypeGuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.freshears.measure.Analysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded, seeded mutation fuzzer of the WAV reader (Jazzer's JUnit mode only replays its corpus unless
 * a fuzzing environment is set up, so this one is our own and runs in every build). It mutates valid
 * files of every supported kind with what a hostile or broken writer produces: flipped bytes, chunk sizes
 * of 0, -1, -8, -9, 2^32 - 1 and 2^63 - 1, RF64 ds64 fields and table entries, truncations, extra and
 * repeated chunks, odd format fields. Every input must be read (and then measured) or refused with an
 * {@link AudioFormatException} that names the file on one line; within two seconds; with no other
 * exception and no OutOfMemoryError, whatever size the input claims.
 *
 * <p>The run is deterministic (fixed seed) and limited to {@value #DEFAULT_SECONDS} seconds; set
 * {@code -Dfreshears.fuzz.seconds=600 -Dfreshears.fuzz.seed=N} to fuzz longer or elsewhere.
 */
class WavReaderFuzzTest {
    private static final int DEFAULT_SECONDS = 8;
    private static final long DEFAULT_SEED = 0x5EED_F00DL;
    private static final long PER_INPUT_LIMIT_MS = 2_000;
    private static final int MIN_INPUTS = 300;
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final long[] INTERESTING_32 = {0, 1, 2, 3, 4, 7, 8, 15, 16, 17, 18, 27, 28, 39, 40, 0x7FFF_FFFFL,
        0x8000_0000L, 0xFFFF_FFF7L, 0xFFFF_FFF8L, 0xFFFF_FFFEL, 0xFFFF_FFFFL};
    private static final long[] INTERESTING_64 = {0, 1, 4, 8, -1, -8, -9, -(1L << 40), Long.MIN_VALUE, Long.MAX_VALUE,
        1L << 32, 1L << 40, 0xFFFF_FFFFL};

    @TempDir
    Path dir;

    @Test
    void everyMutatedFileIsReadOrRefusedNamingTheFile() throws Exception {
        long seconds = Long.getLong("freshears.fuzz.seconds", DEFAULT_SECONDS);
        long seed = Long.getLong("freshears.fuzz.seed", DEFAULT_SEED);
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> seeds = seeds();
        Path file = dir.resolve("fuzzed.wav");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int inputs = 0;
        int read = 0;
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true); // a hung read must not keep the test JVM alive
            return t;
        });
        try {
            // Past the budget only on a machine so busy that the run has not yet tried enough inputs.
            while (System.nanoTime() < deadline || (inputs < MIN_INPUTS && System.nanoTime() < deadline + GRACE_NANOS)) {
                byte[] input = seeds.get(random.nextInt(seeds.size())).clone();
                int mutations = 1 + random.nextInt(4);
                for (int m = 0; m < mutations; m++) {
                    input = mutate(input, random);
                }
                Files.write(file, input);
                Future<Boolean> outcome = worker.submit(() -> readAndMeasure(file));
                try {
                    if (outcome.get(PER_INPUT_LIMIT_MS, TimeUnit.MILLISECONDS)) {
                        read++;
                    }
                } catch (TimeoutException e) {
                    outcome.cancel(true);
                    fail("no answer in " + PER_INPUT_LIMIT_MS + " ms (seed " + seed + ", input " + inputs + "): "
                            + hex(input));
                } catch (ExecutionException e) {
                    throw new AssertionError("seed " + seed + ", input " + inputs + " threw " + e.getCause() + ": "
                            + hex(input), e.getCause());
                }
                inputs++;
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println("WavReaderFuzzTest: " + inputs + " inputs in " + seconds + " s, " + read + " read (seed "
                + seed + ")");
        // The run must have exercised both outcomes a good deal, or it fuzzed nothing.
        assertTrue(inputs >= MIN_INPUTS, inputs + " inputs");
        assertTrue(read > inputs / 20 && read < inputs - inputs / 20, read + " of " + inputs + " read");
    }

    /** True if the file was read (and measured), false if it was refused as it should be. */
    private static boolean readAndMeasure(Path file) {
        try {
            WavProbeReport probe = WavReader.probe(file);
            WavContents contents = WavReader.read(file);
            assertEquals(probe.frames(), contents.audio().frames());
            Analysis analysis = Analysis.withoutSpectrum(contents.audio(), f -> { });
            // A reading never comes alone: a sample peak has its true peak, and silence has neither.
            assertEquals(Double.isNaN(analysis.samplePeakDbfs()), Double.isNaN(analysis.truePeakDbtp()),
                    analysis.samplePeakDbfs() + " dBFS sample peak, " + analysis.truePeakDbtp() + " dBTP true peak");
            return true;
        } catch (AudioFormatException e) {
            assertEquals(file + ": " + e.fault(), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertFalse(e.fault().isBlank());
            return false;
        }
    }

    private static byte[] mutate(byte[] in, SplittableRandom random) {
        if (in.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        byte[] out = in.clone();
        switch (random.nextInt(10)) {
            case 0 -> { // a few random bytes
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8)); // one bit
            case 2 -> putLe(out, chunkSizeOffset(out, random), INTERESTING_32[random.nextInt(INTERESTING_32.length)], 4);
            case 3 -> putLe(out, random.nextInt(out.length), INTERESTING_32[random.nextInt(INTERESTING_32.length)], 4);
            case 4 -> putLe(out, random.nextInt(out.length), INTERESTING_64[random.nextInt(INTERESTING_64.length)], 8);
            case 5 -> out = Arrays.copyOf(out, random.nextInt(out.length)); // truncated
            case 6 -> { // a chunk inserted at a chunk boundary, claiming any size
                int at = chunkStart(out, random);
                byte[] extra = chunkClaiming(random.nextBoolean() ? "JUNK" : "data",
                        INTERESTING_32[random.nextInt(INTERESTING_32.length)], new byte[random.nextInt(12)]);
                out = splice(out, at, extra);
            }
            case 7 -> { // a stretch repeated (a second fmt, data or ds64)
                int from = random.nextInt(out.length);
                int to = Math.min(out.length, from + 1 + random.nextInt(64));
                out = splice(out, chunkStart(out, random), Arrays.copyOfRange(out, from, to));
            }
            case 8 -> { // one ds64 field: RIFF size, data size, sample count, table length, a table entry's size
                int ds64Body = indexOf(out, "ds64") + 8;
                if (ds64Body >= 8) {
                    int[] fields = {0, 8, 16, 24, 32, 44};
                    int field = fields[random.nextInt(fields.length)];
                    putLe(out, ds64Body + field, field == 24 ? INTERESTING_32[random.nextInt(INTERESTING_32.length)]
                            : INTERESTING_64[random.nextInt(INTERESTING_64.length)], field == 24 ? 4 : 8);
                }
            }
            default -> { // one format field: tag, channels, rate, byte rate, align, bits, extensible fields
                int fmtBody = indexOf(out, "fmt ") + 8;
                if (fmtBody >= 8) {
                    int[] fields = {0, 2, 4, 8, 12, 14, 16, 18, 20, 24};
                    int field = fields[random.nextInt(fields.length)];
                    putLe(out, fmtBody + field, INTERESTING_32[random.nextInt(INTERESTING_32.length)],
                            field == 4 || field == 8 || field == 20 || field == 24 ? 4 : 2);
                }
            }
        }
        return out;
    }

    /** The size field of a chunk of the file (found by its id), or a random offset. */
    private static int chunkSizeOffset(byte[] b, SplittableRandom random) {
        String[] ids = {"RIFF", "RF64", "ds64", "fmt ", "data", "JUNK", "LIST"};
        int at = indexOf(b, ids[random.nextInt(ids.length)]);
        return at >= 0 ? at + 4 : random.nextInt(b.length);
    }

    private static int chunkStart(byte[] b, SplittableRandom random) {
        String[] ids = {"fmt ", "data", "JUNK", "LIST"};
        int at = indexOf(b, ids[random.nextInt(ids.length)]);
        return at >= 0 ? at : random.nextInt(b.length + 1);
    }

    private static int indexOf(byte[] b, String id) {
        outer:
        for (int i = 0; i + 4 <= b.length; i++) {
            for (int k = 0; k < 4; k++) {
                if (b[i + k] != id.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void putLe(byte[] b, int at, long value, int bytes) {
        for (int k = 0; k < bytes && at + k < b.length; k++) {
            b[at + k] = (byte) (value >>> (8 * k));
        }
    }

    private static byte[] splice(byte[] b, int at, byte[] insert) {
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }

    /** Valid files of every kind the reader supports, a little audio in each. */
    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(riff(fmt(1, 2, 44100, 16), chunk("data", samples(64 * 4))));
        seeds.add(riff(fmt(1, 1, 48000, 24), chunk("LIST", new byte[7]), chunk("data", samples(48 * 3))));
        seeds.add(riff(fmt(1, 1, 8000, 8), chunk("data", samples(33))));
        seeds.add(riff(fmt(1, 2, 96000, 32), chunk("data", samples(16 * 8))));
        seeds.add(riff(fmt(3, 2, 48000, 32), chunk("data", floats(32, false))));
        seeds.add(riff(fmt(3, 1, 48000, 32), chunk("data", floats(32, true))));
        seeds.add(riff(fmt(3, 1, 44100, 64), chunk("data", doubles(16))));
        seeds.add(riff(fmtExtensible(6, 48000, 24, 24, 0x3F, subtypeGuid(1)), chunk("data", samples(6 * 3 * 8))));
        seeds.add(riff(fmtExtensible(2, 48000, 32, 32, 3, subtypeGuid(3)), chunk("data", floats(16, false))));
        byte[] data = samples(4 * 16);
        byte[] ds64 = chunk("ds64", bytes().le64(0).le64(data.length).le64(16).le32(1).ascii("JUNK").le64(6)
                .toBytes());
        byte[] rf64 = WavBytes.container("RF64", "WAVE", ds64, chunkClaiming("JUNK", 0xFFFF_FFFFL, new byte[6]),
                fmt(1, 2, 48000, 16), chunkClaiming("data", 0xFFFF_FFFFL, data));
        rf64[4] = rf64[5] = rf64[6] = rf64[7] = (byte) 0xFF;
        seeds.add(rf64);
        byte[] bw64Ds64 = chunk("ds64", bytes().le64(0).le64(3 * 8).le64(8).le32(0).toBytes());
        seeds.add(WavBytes.container("BW64", "WAVE", bw64Ds64, fmt(1, 1, 48000, 24),
                chunkClaiming("data", 0xFFFF_FFFFL, samples(3 * 8))));
        return seeds;
    }

    /** Bytes of a smooth wave (not noise), so that measuring them is measuring audio. */
    private static byte[] samples(int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) (100 * StrictMath.sin(i * 0.3));
        }
        return b;
    }

    private static byte[] floats(int count, boolean beyondFullScale) {
        WavBytes b = bytes();
        for (int i = 0; i < count; i++) {
            b.f32((float) ((beyondFullScale ? 3.0 : 0.5) * StrictMath.sin(i * 0.3)));
        }
        return b.toBytes();
    }

    private static byte[] doubles(int count) {
        WavBytes b = bytes();
        for (int i = 0; i < count; i++) {
            b.f64(0.5 * StrictMath.sin(i * 0.2));
        }
        return b.toBytes();
    }

    private static String hex(byte[] input) {
        return HexFormat.of().formatHex(input, 0, Math.min(input.length, 400)) + (input.length > 400 ? "..." : "");
    }

    @Test
    void seedsAreAllReadable() throws IOException {
        for (byte[] seed : seeds()) {
            Path file = Files.write(dir.resolve("seed.wav"), seed);
            assertTrue(readAndMeasure(file), hex(seed));
        }
    }
}
