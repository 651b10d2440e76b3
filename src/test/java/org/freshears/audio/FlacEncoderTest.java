package org.freshears.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoder's files are checked by the reference decoder (flac -t: frame CRCs and the MD5 of the samples)
 * and decoded by ffmpeg back to exactly the integer codes the encoder was given: lossless, in every
 * channel coding, across block boundaries, for silence, full scale, noise and odd lengths.
 */
class FlacEncoderTest {
    @TempDir
    Path dir;

    @Test
    void musicLikeStereoDecodesToTheSameCodes() throws Exception {
        roundTrip(FlacEncoderCases.musicLikeStereo(3 * FlacEncoder.BLOCK_FRAMES + 1234)); // a short last block
    }

    @Test
    void framesCodedInParallelChunksDecodeInOrder() throws Exception {
        int rate = 44_100;
        int frames = (2 * FlacEncoder.CHUNK_BLOCKS + 5) * FlacEncoder.BLOCK_FRAMES + 77; // three chunks, short end
        float[][] x = new float[2][frames];
        SplitMix64 random = new SplitMix64(11);
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            // A sweep, so every frame differs and a frame out of place cannot decode to the same codes.
            double sweep = 0.3 * StrictMath.sin(2 * Math.PI * (100 + 2_000 * t) * t);
            x[0][i] = (float) (sweep + 0.005 * (random.nextDouble() - 0.5));
            x[1][i] = (float) (-0.8 * sweep);
        }
        roundTrip(new AudioBuffer(x, rate, ChannelLayout.standard(2)));
    }

    @Test
    void silenceThenNoiseInMono() throws Exception {
        int frames = 2 * FlacEncoder.BLOCK_FRAMES + 3;
        float[][] x = new float[1][frames];
        SplitMix64 random = new SplitMix64(3);
        for (int i = FlacEncoder.BLOCK_FRAMES; i < frames; i++) {
            x[0][i] = (float) (random.nextDouble() * 2 - 1); // white noise: verbatim beats any predictor
        }
        roundTrip(new AudioBuffer(x, 44_100, ChannelLayout.standard(1)));
    }

    @Test
    void compressesMusicWellBelowPcm() throws Exception {
        AudioBuffer demo = WavReader.read(Path.of("samples/demo-mix.wav")).audio();
        byte[] flac = new FlacEncoder(Dither.tpdf()).encode(demo);
        double pcm16 = demo.frames() * 2.0 * demo.channels();
        double ratio = flac.length / pcm16;
        assertTrue(ratio < 0.6, "FLAC/PCM16 = " + ratio);
        Path file = dir.resolve("demo.flac");
        Files.write(file, flac);
        run(List.of("flac", "-s", "-t", file.toString()));
    }

    /**
     * The bytes of the encoder before its faster bit writer and sums (a run of the older build on the same
     * audio): the listening files of a session run again are the same files. "none": no dither.
     */
    private static final Map<String, String> SHA256_BEFORE = Map.ofEntries(
            Map.entry("none stereo music, short last block",
                    "aceaff7cc546ef2b3a0fdae878313a3b3de7326c34dca88f97ea8683cd378fba"),
            Map.entry("tpdf5 stereo music, short last block",
                    "4e93ff1668d2afcda752665def779d53b7425800a8cac52ab7d9a737510645cd"),
            Map.entry("none stereo, last block of 2",
                    "49cb9405f443779346798843cc92a552d03a6eb661ba600b205953c7625ec820"),
            Map.entry("none stereo, last block of 3",
                    "052912306961015594c954f837082ff42fbec8057e1dd477282c12f61328f7c6"),
            Map.entry("none stereo, last block of 4",
                    "ff87f8144bf134206a5342edf2cf7f851d75e0a100cd9f6ff0b278245e4ce982"),
            Map.entry("none stereo, last block of 5",
                    "c295d5b320648c09884b73eac3cc0915be2ee3bb20f43701572d63dc94125ef5"),
            Map.entry("none mono silence then noise",
                    "db89b728c9f6403479a21531e9f542209c452a08f2cb0853702c476ec5427217"),
            Map.entry("none impulse in a 1001-frame block (a unary run of 1310 zeros)",
                    "508d0a5dc6446151d1c3e250ada0ecba6d255a79335b3f2966118b2258459dd6"),
            Map.entry("none loud noise beside silence (Rice parameter 14)",
                    "cf84107126371d7a11c43aad5c6d400a8bbe0e97d2451bbe529bccf1ef8c9bdb"),
            Map.entry("none full-scale square, channels opposed, and beyond full scale",
                    "3ced3d02bda65fd61403d02a0f3ae37b4fda54f26c319390c4cb38611427a3e5"),
            Map.entry("none three channels",
                    "5223cd5f330dd9f2ab6b15b1f237a9a985789aa06d5e39ca67087215ee9a2236"));

    @Test
    void sameBytesAsTheEncoderBefore() throws Exception {
        int checked = 0;
        for (Map.Entry<String, AudioBuffer> c : FlacEncoderCases.all().entrySet()) {
            for (Dither dither : List.of(Dither.none(), Dither.tpdf(5))) {
                String expected = SHA256_BEFORE.get((dither.isNone() ? "none " : "tpdf5 ") + c.getKey());
                if (expected != null) {
                    byte[] flac = new FlacEncoder(dither).encode(c.getValue());
                    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(flac));
                    assertEquals(expected, sha, c.getKey() + ", " + dither);
                    checked++;
                }
            }
        }
        assertEquals(SHA256_BEFORE.size(), checked);
    }

    /**
     * Every case decodes to its codes; among them a last block of one frame, which the encoder before failed
     * on (an index out of bounds in its fixed-order sums): one file in 4096 lengths.
     */
    @Test
    void everyCaseDecodesToTheSameCodes() throws Exception {
        for (AudioBuffer audio : FlacEncoderCases.all().values()) {
            roundTrip(audio);
        }
    }

    /** The early stop of the Rice parameter search finds what trying all 15 finds, ties to the lowest. */
    @Test
    void riceParameterIsTheBestOfAll() {
        SplitMix64 random = new SplitMix64(15);
        for (int trial = 0; trial < 200_000; trial++) {
            int count = 1 + (int) (random.nextDouble() * (trial % 2 == 0 ? 32 : 4096));
            long sum = (long) (StrictMath.pow(2, random.nextDouble() * 36) * count / 64);
            int best = 0;
            for (int k = 1; k <= 14; k++) {
                if (FlacEncoder.riceBits(sum, count, k) < FlacEncoder.riceBits(sum, count, best)) {
                    best = k;
                }
            }
            assertEquals(best, FlacEncoder.riceParameter(sum, count), "sum " + sum + ", count " + count);
        }
    }

    /** Frame numbers in FLAC's extended UTF-8 (RFC 9639 9.1.5), at each length's edges. */
    @Test
    void frameNumbersInExtendedUtf8() {
        Map<Long, String> expected = Map.of(
                0L, "00", 0x7FL, "7f", 0x80L, "c280", 0x7FFL, "dfbf", 0x800L, "e0a080", 0xFFFFL, "efbfbf",
                0x10000L, "f0908080", 0x1FFFFFL, "f7bfbfbf", 0x200000L, "f888808080", (1L << 36) - 1,
                "febfbfbfbfbfbf");
        expected.forEach((number, hex) -> {
            FlacBitWriter out = new FlacBitWriter(8);
            FlacEncoder.utf8Number(out, number);
            assertEquals(hex, HexFormat.of().formatHex(out.toBytes(0)), "frame " + number);
        });
    }

    @Test
    void sameAudioSameBytes() {
        AudioBuffer a = new AudioBuffer(new float[][] {{0.1f, 0.2f, -0.3f, 0.25f}}, 48_000, ChannelLayout.standard(1));
        assertArrayEquals(new FlacEncoder(Dither.tpdf(5)).encode(a), new FlacEncoder(Dither.tpdf(5)).encode(a));
    }

    private void roundTrip(AudioBuffer audio) throws Exception {
        int bits = 16;
        byte[] flac = new FlacEncoder(Dither.none()).encode(audio);
        Path file = dir.resolve("t" + audio.channels() + ".flac");
        Files.write(file, flac);
        run(List.of("flac", "-s", "-t", file.toString()));
        Path raw = dir.resolve(file.getFileName() + ".raw");
        run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", file.toString(), "-f",
                "s16le", "-acodec", "pcm_s16le", raw.toString()));
        ByteBuffer decoded = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        int max = (1 << (bits - 1)) - 1;
        assertEquals(audio.frames() * audio.channels() * bits / 8, decoded.capacity());
        for (int i = 0; i < audio.frames(); i++) {
            for (int c = 0; c < audio.channels(); c++) {
                long expected = Math.max(-max - 1, Math.min(max, (long) Math.rint(audio.channel(c)[i] * (1 << (bits - 1)))));
                int got = decoded.getShort();
                if (got != expected) {
                    throw new AssertionError("frame " + i + " channel " + c + ": " + got + " != " + expected);
                }
            }
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + output);
    }
}
