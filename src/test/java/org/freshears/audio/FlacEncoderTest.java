package org.freshears.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        int rate = 48_000;
        int frames = 3 * FlacEncoder.BLOCK_FRAMES + 1234; // a short last block
        float[][] x = new float[2][frames];
        SplitMix64 random = new SplitMix64(7);
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double common = 0.4 * StrictMath.sin(2 * Math.PI * 220 * t) + 0.1 * StrictMath.sin(2 * Math.PI * 3_300 * t);
            x[0][i] = (float) (common + 0.01 * (random.nextDouble() - 0.5));
            x[1][i] = (float) (0.9 * common + 0.02 * StrictMath.sin(2 * Math.PI * 5 * t));
        }
        x[0][100] = 1.5f; // beyond full scale: clamped, not wrapped
        x[1][101] = -1.5f;
        roundTrip(new AudioBuffer(x, rate, ChannelLayout.standard(2)));
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
