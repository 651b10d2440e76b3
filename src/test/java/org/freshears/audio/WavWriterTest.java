package org.freshears.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {
    @TempDir
    Path dir;

    /** Random codes on the n-bit grid, including both extremes, as floats k / 2^(bits-1). */
    private static AudioBuffer onGrid(int channels, int frames, int bits, long seed) {
        Xoshiro256StarStar random = Xoshiro256StarStar.seeded(seed);
        float[][] a = new float[channels][frames];
        long span = 1L << bits;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                long code = Long.remainderUnsigned(random.nextLong(), span) - span / 2;
                a[c][i] = (float) (code / (double) (span / 2));
            }
            a[c][0] = -1.0f;
            a[c][1] = (float) ((span / 2 - 1) / (double) (span / 2));
        }
        return new AudioBuffer(a, 48000, ChannelLayout.standard(channels));
    }

    private static ByteBuffer le(Path file) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void pcm16RoundTripsGridValuesExactlyAsPlainPcm() throws Exception {
        AudioBuffer in = onGrid(2, 10_000, 16, 1);
        Path file = dir.resolve("m16.wav");
        WriteReport report = WavWriter.write(in, file, WavOutputFormat.pcm16());
        WavContents back = WavReader.read(file);
        SameBits.assertSameBits(in, back.audio());
        assertEquals(0, report.clippedSamples());
        assertEquals(10_000, report.frames());
        assertEquals(sha256(file), report.sha256());
        assertEquals(file, report.file());
        ByteBuffer b = le(file);
        assertEquals(16, b.getInt(16), "plain PCM fmt is 16 bytes");
        assertEquals(1, b.getShort(20), "WAVE_FORMAT_PCM");
        assertEquals(44 + 40_000, Files.size(file));
        assertEquals(Files.size(file) - 8, b.getInt(4), "RIFF size");
        assertTrue(back.warnings().isEmpty(), back.warnings().toString());
    }

    @Test
    void pcm24RoundTripsExactlyAsExtensibleWithTheChannelMask() throws Exception {
        float[][] planar = onGrid(6, 4_001, 24, 2).planar();
        AudioBuffer in = new AudioBuffer(planar, 96000, ChannelLayout.fromMask(6, 0x60F));
        Path file = dir.resolve("m24.wav");
        WavWriter.write(in, file, WavOutputFormat.pcm24());
        WavContents back = WavReader.read(file);
        SameBits.assertSameBits(in, back.audio());
        assertEquals(in.layout(), back.audio().layout());
        assertEquals("24-bit PCM, 96000 Hz, 6 channels", back.format().description());
        ByteBuffer b = le(file);
        assertEquals(40, b.getInt(16));
        assertEquals((short) 0xFFFE, b.getShort(20));
        assertEquals(0x60F, b.getInt(40), "dwChannelMask");
        // 6 * 3 * 4001 = 72018 bytes: even, no pad
        assertEquals(12 + 48 + 8 + 72_018, Files.size(file));
    }

    @Test
    void oddDataSizeGetsItsPadByte() throws Exception {
        AudioBuffer in = onGrid(1, 3, 24, 3); // 9 data bytes
        Path file = dir.resolve("odd.wav");
        WavWriter.write(in, file, WavOutputFormat.pcm24());
        ByteBuffer b = le(file);
        assertEquals(12 + 48 + 8 + 9 + 1, Files.size(file));
        assertEquals(9, b.getInt(64), "data size excludes the pad");
        assertEquals(Files.size(file) - 8, b.getInt(4), "RIFF size includes the pad");
        SameBits.assertSameBits(in, WavReader.read(file).audio());
    }

    @Test
    void float32IsBitExactWithAFactChunk() throws Exception {
        float[][] a = {{-0.0f, 1.5f, -3.25f, Float.MIN_VALUE, 0.1f, 1e-30f}, {0.3f, -1f, 1f, 2f, -0.5f, 7e-8f}};
        AudioBuffer in = new AudioBuffer(a, 44100, ChannelLayout.standard(2));
        Path file = dir.resolve("f.wav");
        WriteReport report = WavWriter.write(in, file, WavOutputFormat.float32());
        WavContents back = WavReader.read(file);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < a[c].length; i++) {
                assertEquals(Float.floatToRawIntBits(a[c][i]), Float.floatToRawIntBits(back.audio().channel(c)[i]));
            }
        }
        assertEquals(0, report.clippedSamples(), "float keeps overs; nothing is clamped");
        ByteBuffer b = le(file);
        assertEquals(3, b.getShort(20), "plain WAVE_FORMAT_IEEE_FLOAT for stereo");
        assertEquals(18, b.getInt(16));
        assertEquals("fact", new String(new byte[] {b.get(38), b.get(39), b.get(40), b.get(41)}));
        assertEquals(6, b.getInt(46), "fact holds the frame count");
    }

    @Test
    void roundsToNearestAndCountsEveryClampedSample() throws Exception {
        double lsb = 1 / 32768.0;
        float[][] a = {{(float) (2.4 * lsb), (float) (2.6 * lsb), (float) (-2.6 * lsb), 1.0f, 1.5f, -1.0f, -1.2f,
                (float) (32767.4 * lsb)}};
        Path file = dir.resolve("clip.wav");
        WriteReport report = WavWriter.write(new AudioBuffer(a, 48000, ChannelLayout.standard(1)), file,
                WavOutputFormat.pcm16());
        ByteBuffer b = le(file);
        short[] codes = new short[8];
        for (int i = 0; i < 8; i++) {
            codes[i] = b.getShort(44 + 2 * i);
        }
        assertArrayEquals(new short[] {2, 3, -3, 32767, 32767, -32768, -32768, 32767}, codes);
        assertEquals(3, report.clippedSamples(), "+1.0, +1.5 and -1.2 do not fit; -1.0 and 32767.4 LSB do");
    }

    @Test
    void refusesToOverwriteAnInputAndLeavesItUntouched() throws Exception {
        Path input = dir.resolve("mix.wav");
        WavWriter.write(onGrid(2, 1000, 16, 4), input, WavOutputFormat.pcm16());
        byte[] before = Files.readAllBytes(input);
        FileTime modified = Files.getLastModifiedTime(input);
        AudioBuffer master = onGrid(2, 1000, 16, 5);
        for (Path spelling : List.of(input, dir.resolve("./sub/../mix.wav"), dir.resolve("mix.wav").toAbsolutePath())) {
            AudioFormatException e = assertThrows(AudioFormatException.class,
                    () -> WavWriter.write(master, spelling, WavOutputFormat.pcm24(), List.of(input)));
            assertEquals("refusing to overwrite an input file", e.fault());
        }
        Path link = Files.createSymbolicLink(dir.resolve("link.wav"), input);
        AudioFormatException e = assertThrows(AudioFormatException.class,
                () -> WavWriter.write(master, link, WavOutputFormat.pcm24(), List.of(input)));
        assertEquals("refusing to overwrite an input file", e.fault());
        assertArrayEquals(before, Files.readAllBytes(input));
        assertEquals(modified, Files.getLastModifiedTime(input));
        assertEquals(List.of("link.wav", "mix.wav"), names());
    }

    @Test
    void aFailureMidWayLeavesTheOldFileAndNoTempFile() throws Exception {
        Path target = dir.resolve("master.wav");
        Files.writeString(target, "previous master");
        // 3 MiB of 16-bit stereo: the NaN sits in the second 2 MiB block, after bytes were written.
        int frames = 800_000;
        AudioBuffer bad = onGrid(2, frames, 16, 6);
        bad.channel(1)[700_001] = Float.NaN;
        AudioFormatException e = assertThrows(AudioFormatException.class,
                () -> WavWriter.write(bad, target, WavOutputFormat.pcm16().dither(Dither.tpdf())));
        assertEquals("cannot write: NaN sample at frame 700001 (0:14.583), channel 2", e.fault());
        assertEquals("previous master", Files.readString(target));
        assertEquals(List.of("master.wav"), names());
    }

    @Test
    void replacesAnExistingOutputAtomically() throws Exception {
        Path target = dir.resolve("master.wav");
        Files.writeString(target, "old");
        AudioBuffer in = onGrid(1, 100, 16, 7);
        WavWriter.write(in, target, WavOutputFormat.pcm16(), List.of(dir.resolve("mix.wav")));
        SameBits.assertSameBits(in, WavReader.read(target).audio());
        assertEquals(List.of("master.wav"), names());
    }

    @Test
    void clearFaultsForBadTargets() {
        AudioBuffer in = onGrid(1, 10, 16, 8);
        assertEquals("folder does not exist: " + dir.resolve("nowhere"), assertThrows(AudioFormatException.class,
                () -> WavWriter.write(in, dir.resolve("nowhere/m.wav"), WavOutputFormat.pcm16())).fault());
        assertEquals("is a directory; give a file name for the master", assertThrows(AudioFormatException.class,
                () -> WavWriter.write(in, dir, WavOutputFormat.pcm16())).fault());
        assertEquals("nothing to write: the audio holds 0 frames", assertThrows(AudioFormatException.class,
                () -> WavWriter.write(AudioBuffer.silence(2, 0, 48000), dir.resolve("e.wav"),
                        WavOutputFormat.pcm16())).fault());
        java.util.List<Speaker> ten = java.util.Collections.nCopies(10, Speaker.UNASSIGNED);
        AudioBuffer tenChannels = new AudioBuffer(new float[10][4], 48000, new ChannelLayout(ten));
        assertEquals("10 channels (1 to 8 are supported)", assertThrows(AudioFormatException.class,
                () -> WavWriter.write(tenChannels, dir.resolve("ten.wav"), WavOutputFormat.pcm16())).fault());
    }

    @Test
    void rf64IsWrittenWhenTheRiffSizeWouldOverflowAndReadsBack() throws Exception {
        // A lowered limit stands in for 4 GiB so the test writes kilobytes, not gigabytes.
        AudioBuffer in = onGrid(2, 1000, 24, 9);
        Path file = dir.resolve("big.wav");
        WavWriter.write(in, file, WavOutputFormat.pcm24(), List.of(), 1000);
        ByteBuffer b = le(file);
        assertEquals("RF64", new String(Files.readAllBytes(file), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(-1, b.getInt(4));
        assertEquals(Files.size(file) - 8, b.getLong(20), "ds64 RIFF size");
        assertEquals(6000, b.getLong(28), "ds64 data size");
        assertEquals(1000, b.getLong(36), "ds64 sample count");
        WavContents back = WavReader.read(file);
        SameBits.assertSameBits(in, back.audio());
        assertTrue(back.warnings().isEmpty(), back.warnings().toString());

        AudioBuffer floats = new AudioBuffer(new float[][] {{0.25f, -1.75f, 3e-9f}}, 44100, ChannelLayout.standard(1));
        Path floatFile = dir.resolve("bigfloat.wav");
        WavWriter.write(floats, floatFile, WavOutputFormat.float32(), List.of(), 16);
        assertEquals(-1, le(floatFile).getInt(4), "RF64 placeholder size");
        SameBits.assertSameBits(floats, WavReader.read(floatFile).audio());
    }

    @Test
    void ditheredOutputIsReproducibleFromTheSeed() throws Exception {
        AudioBuffer sine = Signals.sine(2, 44100, 0.5, 997, -20);
        WavOutputFormat format = WavOutputFormat.pcm16().dither(Dither.shaped().seed(42));
        String a = WavWriter.write(sine, dir.resolve("a.wav"), format).sha256();
        String b = WavWriter.write(sine, dir.resolve("b.wav"), format).sha256();
        String c = WavWriter.write(sine, dir.resolve("c.wav"), format.dither(Dither.shaped().seed(43))).sha256();
        assertEquals(a, b);
        assertNotEquals(a, c);
        // The dithered master stays within the shaped error bound of the source: |e| <= 1.5 LSB times
        // the NTF's L1 norm (1 + sum |h| = 22.4 for the 9-tap filter).
        float[] back = WavReader.read(dir.resolve("a.wav")).audio().channel(0);
        double worst = 0;
        for (int i = 0; i < back.length; i++) {
            worst = Math.max(worst, Math.abs(back[i] - sine.channel(0)[i]) * 32768);
        }
        assertTrue(worst > 1 && worst <= 1.5 * 22.4, "worst error " + worst + " LSB");
    }

    @Test
    void outputFormatValidation() {
        assertEquals("integer output must be 16 or 24-bit, got 20", assertThrows(IllegalArgumentException.class,
                () -> new WavOutputFormat(20, false, Dither.none())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WavOutputFormat.float32().dither(Dither.tpdf()))
                .getMessage().startsWith("dither applies to integer output"));
        assertEquals(new WavOutputFormat(24, false, Dither.tpdf(7)), WavOutputFormat.pcm24().dither(Dither.tpdf(7)));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
