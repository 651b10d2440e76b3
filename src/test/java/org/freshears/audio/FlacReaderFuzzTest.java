package org.freshears.audio;

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
import org.freshears.testing.ExternalPrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded, seeded mutation fuzzer of the FLAC and AIFF readers, like {@link WavReaderFuzzTest}: real
 * files from {@code flac} and {@code sox} mutated by flipped bytes, truncation, metadata lengths and
 * STREAMINFO fields, and — so that the subframe decoder itself meets garbage rather than only the CRC —
 * frame bodies scrambled with their CRC-16 made right again and the MD5 cleared. Every input must be read
 * (and measured) or refused with an {@link AudioFormatException} naming the file on one line, within two
 * seconds, with no other exception. {@code -Dfreshears.fuzz.seconds=600 -Dfreshears.fuzz.seed=N} fuzzes longer.
 */
class FlacReaderFuzzTest {
    private static final int DEFAULT_SECONDS = 6;
    private static final long DEFAULT_SEED = 0xF1AC_5EEDL;
    private static final long PER_INPUT_LIMIT_MS = 2_000;
    private static final int MIN_INPUTS = 200;
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(20);

    @TempDir
    Path dir;

    @Test
    void everyMutatedFileIsReadOrRefusedNamingTheFile() throws Exception {
        ExternalPrograms.assumeInstalled("flac", "--version");
        ExternalPrograms.assumeInstalled("sox", "--version");
        long seconds = Long.getLong("freshears.fuzz.seconds", DEFAULT_SECONDS);
        long seed = Long.getLong("freshears.fuzz.seed", DEFAULT_SEED);
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> seeds = seeds();
        Path file = dir.resolve("fuzzed.flac");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int inputs = 0;
        int read = 0;
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            while (System.nanoTime() < deadline || (inputs < MIN_INPUTS && System.nanoTime() < deadline + GRACE_NANOS)) {
                byte[] input = seeds.get(random.nextInt(seeds.size())).clone();
                for (int m = 0, n = 1 + random.nextInt(3); m < n; m++) {
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
                            + HexFormat.of().formatHex(input));
                } catch (ExecutionException e) {
                    throw new AssertionError("seed " + seed + ", input " + inputs + " threw " + e.getCause(),
                            e.getCause());
                }
                inputs++;
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println("FlacReaderFuzzTest: " + inputs + " inputs in " + seconds + " s, " + read + " read (seed "
                + seed + ")");
        assertTrue(inputs >= MIN_INPUTS, inputs + " inputs");
        assertTrue(read > inputs / 50 && read < inputs - inputs / 50, read + " of " + inputs + " read");
    }

    private static boolean readAndMeasure(Path file) {
        try {
            WavContents contents = AudioReader.read(file);
            Analysis analysis = Analysis.withoutSpectrum(contents.audio(), f -> { });
            assertEquals(Double.isNaN(analysis.samplePeakDbfs()), Double.isNaN(analysis.truePeakDbtp()));
            return true;
        } catch (AudioFormatException e) {
            assertEquals(file + ": " + e.fault(), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertFalse(e.fault().isBlank());
            return false;
        }
    }

    private List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        String[][] encodings = {{"16", "2", "-0"}, {"24", "2", "-8"}, {"16", "1", "-5 -b 1152"}, {"24", "6", "-5"},
            {"8", "2", "--lax -l 32 -b 576"}};
        for (String[] e : encodings) {
            Path wav = EncodedAudio.wav(dir, "seed.wav", Integer.parseInt(e[0]), Integer.parseInt(e[1]), 16_000, 2_500,
                    e[2].hashCode());
            Path flac = dir.resolve("seed.flac");
            List<String> command = new ArrayList<>(List.of("flac", "--silent", "--force", "--padding=16"));
            command.addAll(List.of(e[2].split(" ")));
            command.addAll(List.of("-o", flac.toString(), wav.toString()));
            ExternalPrograms.run(dir, command.toArray(String[]::new));
            seeds.add(Files.readAllBytes(flac));
        }
        Path wav = EncodedAudio.wav(dir, "seed.wav", 16, 2, 16_000, 500, 1);
        Path aiff = dir.resolve("seed.aiff");
        ExternalPrograms.run(dir, "sox", wav.toString(), aiff.toString());
        seeds.add(Files.readAllBytes(aiff));
        Path aifc = dir.resolve("seed.aifc");
        ExternalPrograms.run(dir, "sox", wav.toString(), "-e", "floating-point", "-b", "32", aifc.toString());
        seeds.add(Files.readAllBytes(aifc));
        return seeds;
    }

    private static byte[] mutate(byte[] in, SplittableRandom random) {
        if (in.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        byte[] out = in.clone();
        boolean flac = in.length > 4 && in[0] == 'f' && in[1] == 'L';
        switch (random.nextInt(8)) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
            case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            case 3 -> { // a header field: STREAMINFO (block sizes, rate/channels/bits/total, MD5) or a COMM field
                int at = flac ? 8 + new int[] {0, 2, 4, 7, 10, 11, 12, 13, 14, 18}[random.nextInt(10)]
                        : 20 + random.nextInt(Math.min(40, Math.max(1, out.length - 20)));
                if (at < out.length) {
                    out[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : out[at] ^ (1 << random.nextInt(8)));
                }
            }
            case 4 -> { // a metadata block header or chunk size
                int at = flac ? 4 + 38 * random.nextInt(2) : 4 + random.nextInt(Math.min(60, out.length));
                for (int k = 0; k < 4 && at + k < out.length; k++) {
                    out[at + k] = random.nextInt(3) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
                }
            }
            case 5 -> { // a stretch repeated
                int from = random.nextInt(out.length);
                int to = Math.min(out.length, from + 1 + random.nextInt(200));
                int at = random.nextInt(out.length + 1);
                byte[] spliced = new byte[out.length + to - from];
                System.arraycopy(out, 0, spliced, 0, at);
                System.arraycopy(out, from, spliced, at, to - from);
                System.arraycopy(out, at, spliced, at + to - from, out.length - at);
                out = spliced;
            }
            default -> {
                if (flac) {
                    scrambleAFrame(out, random);
                } else {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
            }
        }
        return out;
    }

    /**
     * Scrambles bytes inside one frame, then makes its CRC-16 right and clears the MD5: the decoder's
     * subframe parsing meets garbage that no checksum stops.
     */
    private static void scrambleAFrame(byte[] b, SplittableRandom random) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 42; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && ((b[i + 1] & 0xFE) == 0xF8)) {
                starts.add(i);
            }
        }
        if (starts.size() < 2) {
            return;
        }
        int k = random.nextInt(starts.size() - 1);
        int start = starts.get(k);
        int end = starts.get(k + 1); // the next sync; a false sync only makes a shorter "frame"
        if (end - start < 12) {
            return;
        }
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            int at = start + 6 + random.nextInt(end - start - 8);
            b[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (b[at] ^ (1 << random.nextInt(8)));
        }
        int crc = 0;
        for (int i = start; i < end - 2; i++) {
            crc ^= (b[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        b[end - 2] = (byte) (crc >>> 8);
        b[end - 1] = (byte) crc;
        Arrays.fill(b, 8 + 18, 8 + 34, (byte) 0); // no MD5: the scrambled audio may be read
    }
}
