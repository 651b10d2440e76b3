package org.freshears.audio;

import static org.freshears.audio.WavBytes.bytes;
import static org.freshears.audio.WavBytes.chunk;
import static org.freshears.audio.WavBytes.fmt;
import static org.freshears.audio.WavBytes.fmtExtensible;
import static org.freshears.audio.WavBytes.riff;
import static org.freshears.audio.WavBytes.subtypeGuid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each readable format, from bytes built here, decodes to the sample values the scaling rule gives. */
class WavReaderTest {
    @TempDir
    Path dir;

    private WavContents read(byte[] file) throws IOException {
        return WavReader.read(WavBytes.write(dir, "t.wav", file));
    }

    @Test
    void eightBitIsUnsignedAroundOneHundredTwentyEight() throws IOException {
        byte[] data = bytes().u8(0x00).u8(0x80).u8(0xFF).u8(0x40).toBytes();
        WavContents w = read(riff(fmt(1, 1, 8000, 8), chunk("data", data)));
        assertArrayEquals(new float[] {-1.0f, 0.0f, 127 / 128f, -0.5f}, w.audio().channel(0));
        assertEquals("8-bit PCM, 8000 Hz, mono", w.format().description());
        assertTrue(w.warnings().isEmpty(), w.warnings().toString());
    }

    @Test
    void sixteenBitStereoDeinterleavesAndScalesByTwoToTheFifteen() throws IOException {
        byte[] data = bytes().le16(-32768).le16(32767).le16(0).le16(16384).le16(1).le16(-1).toBytes();
        WavContents w = read(riff(fmt(1, 2, 44100, 16), chunk("data", data)));
        assertArrayEquals(new float[] {-1.0f, 0.0f, 1 / 32768f}, w.audio().channel(0));
        assertArrayEquals(new float[] {32767 / 32768f, 0.5f, -1 / 32768f}, w.audio().channel(1));
        assertEquals(44100, w.audio().sampleRate());
        assertEquals(ChannelLayout.standard(2), w.audio().layout());
        assertEquals(3, w.declaredFrames());
    }

    @Test
    void twentyFourBitIsExactIncludingTheExtremes() throws IOException {
        int[] codes = {-8388608, 8388607, 1, -1, 0x123456, -0x123456};
        WavBytes data = bytes();
        for (int c : codes) {
            data.le24(c);
        }
        WavContents w = read(riff(fmt(1, 1, 48000, 24), chunk("data", data.toBytes())));
        float[] expected = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            expected[i] = (float) (codes[i] / 8388608.0);
        }
        assertArrayEquals(expected, w.audio().channel(0));
        assertEquals(-1.0f, w.audio().channel(0)[0]);
        assertEquals("24-bit PCM, 48000 Hz, mono", w.format().description());
    }

    @Test
    void thirtyTwoBitIntegerRoundsOnceToFloat() throws IOException {
        byte[] data = bytes().le32(0x8000_0000L).le32(1L << 30).le32(0x7FFF_FFFFL).le32(0xFFFF_FFFFL).toBytes();
        WavContents w = read(riff(fmt(1, 1, 96000, 32), chunk("data", data)));
        // 0x7FFFFFFF rounds to 2^31 in float, so +full scale reads as exactly 1.0.
        assertArrayEquals(new float[] {-1.0f, 0.5f, 1.0f, (float) (-1 / 2147483648.0)}, w.audio().channel(0));
    }

    @Test
    void floatThirtyTwoIsBitExactIncludingOverloadsAndNegativeZero() throws IOException {
        float[] values = {-0.0f, 1.5f, -2.25f, Float.MIN_VALUE, 0.1f};
        WavBytes data = bytes();
        for (float v : values) {
            data.f32(v);
        }
        WavContents w = read(riff(fmt(3, 1, 44100, 32), chunk("fact", bytes().le32(5).toBytes()),
                chunk("data", data.toBytes())));
        float[] got = w.audio().channel(0);
        for (int i = 0; i < values.length; i++) {
            assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(got[i]), "sample " + i);
        }
        assertEquals(WavFormat.Encoding.IEEE_FLOAT, w.format().encoding());
        assertEquals("32-bit float, 44100 Hz, mono", w.format().description());
    }

    @Test
    void floatSixtyFourNarrowsToFloat() throws IOException {
        byte[] data = bytes().f64(0.25).f64(-0.75).f64(1e-10).f64(0.1).toBytes();
        WavContents w = read(riff(fmt(3, 2, 192000, 64), chunk("data", data)));
        assertArrayEquals(new float[] {0.25f, 1e-10f}, w.audio().channel(0));
        assertArrayEquals(new float[] {-0.75f, 0.1f}, w.audio().channel(1));
        assertEquals(64, w.format().bitsPerSample());
    }

    @Test
    void extensibleFivePointOneHonoursTheMask() throws IOException {
        // 5.1 with side surrounds: FL FR FC LFE SL SR = 0x1|0x2|0x4|0x8|0x200|0x400 (Microsoft channel mask bits).
        int mask = 0x60F;
        WavBytes data = bytes();
        for (int frame = 0; frame < 3; frame++) {
            for (int c = 0; c < 6; c++) {
                data.le24((c + 1) * 100_000 * (frame % 2 == 0 ? 1 : -1));
            }
        }
        WavContents w = read(riff(fmtExtensible(6, 48000, 24, 24, mask, subtypeGuid(1)), chunk("data",
                data.toBytes())));
        assertEquals(List.of(Speaker.FRONT_LEFT, Speaker.FRONT_RIGHT, Speaker.FRONT_CENTER, Speaker.LOW_FREQUENCY,
                Speaker.SIDE_LEFT, Speaker.SIDE_RIGHT), w.audio().layout().speakers());
        assertTrue(w.format().extensible());
        for (int c = 0; c < 6; c++) {
            float v = (float) ((c + 1) * 100_000 / 8388608.0);
            assertArrayEquals(new float[] {v, -v, v}, w.audio().channel(c), "channel " + c);
        }
        assertEquals("24-bit PCM, 48000 Hz, 6 channels", w.format().description());
    }

    @Test
    void extensibleValidBitsAreReportedAndSamplesScaleByTheContainer() throws IOException {
        // 20 valid bits left-justified in 24: code 0x7FFFF0 is the top 20-bit value.
        byte[] data = bytes().le24(0x7FFFF0).le24(-0x800000).toBytes();
        WavContents w = read(riff(fmtExtensible(1, 48000, 24, 20, 0x4, subtypeGuid(1)), chunk("data", data)));
        assertEquals(20, w.format().validBitsPerSample());
        assertEquals(24, w.format().bitsPerSample());
        assertArrayEquals(new float[] {(float) (0x7FFFF0 / 8388608.0), -1.0f}, w.audio().channel(0));
        assertEquals("20-bit PCM in 24-bit containers, 48000 Hz, mono", w.format().description());
        assertEquals(List.of(Speaker.FRONT_CENTER), w.audio().layout().speakers());
    }

    @Test
    void extensibleFloatSubformat() throws IOException {
        byte[] data = bytes().f32(0.5f).f32(-0.25f).toBytes();
        WavContents w = read(riff(fmtExtensible(2, 88200, 32, 32, 0x3, subtypeGuid(3)), chunk("data", data)));
        assertEquals(WavFormat.Encoding.IEEE_FLOAT, w.format().encoding());
        assertArrayEquals(new float[] {0.5f}, w.audio().channel(0));
        assertArrayEquals(new float[] {-0.25f}, w.audio().channel(1));
    }

    @Test
    void unknownChunksAreSkippedAndOddSizesArePadded() throws IOException {
        byte[] list = bytes().ascii("INFOISFT").le32(5).ascii("Logic").toBytes(); // 17 bytes: odd, so padded
        assertEquals(17, list.length);
        byte[] data = bytes().le16(1000).le16(-1000).toBytes();
        WavContents w = read(riff(chunk("JUNK", new byte[28]), fmt(1, 1, 48000, 16), chunk("LIST", list),
                chunk("bext", new byte[602]), chunk("iXML", "<BWFXML/>".getBytes()), chunk("data", data),
                chunk("cue ", new byte[4])));
        assertArrayEquals(new float[] {1000 / 32768f, -1000 / 32768f}, w.audio().channel(0));
        assertTrue(w.warnings().isEmpty(), w.warnings().toString());
    }

    @Test
    void fmtAfterDataIsStillFound() throws IOException {
        WavContents w = read(riff(chunk("data", bytes().le16(-512).toBytes()), fmt(1, 1, 22050, 16)));
        assertArrayEquals(new float[] {-512 / 32768f}, w.audio().channel(0));
        assertEquals(22050, w.format().sampleRate());
    }

    @Test
    void aMissingPadByteIsToleratedWithAWarning() throws IOException {
        byte[] unpadded = bytes().ascii("LIST").le32(3).ascii("abc").toBytes(); // writer forgot the pad
        WavContents w = read(riff(fmt(1, 1, 48000, 16), unpadded, chunk("data", bytes().le16(256).toBytes())));
        assertArrayEquals(new float[] {256 / 32768f}, w.audio().channel(0));
        assertEquals(List.of("chunk before 'data' lacks its pad byte (a writer bug); tolerated"), w.warnings());
    }

    @Test
    void rf64TakesTheDataSizeFromDs64() throws IOException {
        byte[] data = bytes().le16(100).le16(-200).le16(300).le16(-400).toBytes();
        byte[] ds64 = chunk("ds64", bytes().le64(0).le64(data.length).le64(2).le32(0).toBytes());
        byte[] file = WavBytes.container("RF64", "WAVE", ds64, fmt(1, 2, 48000, 16),
                WavBytes.chunkClaiming("data", 0xFFFF_FFFFL, data));
        // RF64 puts 0xFFFFFFFF in the RIFF size too (EBU Tech 3306).
        file[4] = file[5] = file[6] = file[7] = (byte) 0xFF;
        WavContents w = read(file);
        assertArrayEquals(new float[] {100 / 32768f, 300 / 32768f}, w.audio().channel(0));
        assertArrayEquals(new float[] {-200 / 32768f, -400 / 32768f}, w.audio().channel(1));
        assertEquals(2, w.declaredFrames());
        assertTrue(w.warnings().isEmpty(), w.warnings().toString());
    }

    @Test
    void bw64IsReadLikeRf64() throws IOException {
        byte[] data = bytes().le24(4096).toBytes();
        byte[] ds64 = chunk("ds64", bytes().le64(0).le64(3).le64(1).le32(0).toBytes());
        byte[] file = WavBytes.container("BW64", "WAVE", ds64, fmt(1, 1, 48000, 24),
                WavBytes.chunkClaiming("data", 0xFFFF_FFFFL, data));
        assertArrayEquals(new float[] {4096 / 8388608f}, read(file).audio().channel(0));
    }

    @Test
    void truncatedDataWarnsWithBothFrameCountsAndReadsWhatIsThere() throws IOException {
        int held = 240_000;
        WavBytes data = bytes();
        for (int i = 0; i < held; i++) {
            data.le16(i % 65536 - 32768);
        }
        byte[] file = riff(fmt(1, 1, 48000, 16), WavBytes.chunkClaiming("data", 2L * 480_000, data.toBytes()));
        WavContents w = read(file);
        assertEquals(List.of("data chunk declares 480000 frames, file holds 240000; reading those"), w.warnings());
        assertEquals(held, w.audio().frames());
        assertEquals(480_000, w.declaredFrames());
        assertEquals(-1.0f, w.audio().channel(0)[0]);
        assertEquals((239_999 % 65536 - 32768) / 32768f, w.audio().channel(0)[held - 1]);
        WavProbeReport probe = WavReader.probe(dir.resolve("t.wav"));
        assertEquals(held, probe.frames());
        assertEquals(480_000, probe.declaredFrames());
        assertEquals(5.0, probe.durationSeconds(), 1e-12);
    }

    @Test
    void anUnsetDataSizeReadsToTheEndOfTheFile() throws IOException {
        byte[] file = riff(fmt(1, 1, 48000, 16), WavBytes.chunkClaiming("data", 0xFFFF_FFFFL,
                bytes().le16(5).le16(6).u8(7).toBytes()));
        WavContents w = read(file);
        assertArrayEquals(new float[] {5 / 32768f, 6 / 32768f}, w.audio().channel(0));
        assertEquals(List.of("data chunk size is unset (0xFFFFFFFF, an unfinished recording?); reading to the end "
                + "of the file", "data chunk ends with 1 bytes of a partial frame; ignored"), w.warnings());
    }

    @Test
    void nanSampleIsAnErrorNamingTheFirstBadFrameAndChannel() throws IOException {
        int frames = 2000;
        WavBytes data = bytes();
        for (int i = 0; i < frames; i++) {
            data.f32(i == 1234 ? Float.NaN : 0.1f).f32(i >= 1234 ? Float.NaN : 0.2f);
        }
        // Channel 1 (the second) goes bad at 1234 as well; the report names the first in frame, then channel order.
        byte[] bytes = data.toBytes();
        int at = 1234 * 8;
        bytes[at] = bytes[at + 1] = bytes[at + 2] = bytes[at + 3] = 0; // left of 1234 is fine after all
        Path file = WavBytes.write(dir, "nan.wav", riff(fmt(3, 2, 48000, 32), chunk("data", bytes)));
        AudioFormatException e = org.junit.jupiter.api.Assertions.assertThrows(AudioFormatException.class,
                () -> WavReader.read(file));
        assertEquals("NaN sample at frame 1234 (0:00.026), channel 2", e.fault());
    }

    /**
     * Issue #10: a float file of 3.4e38 samples read a sample peak of +770.6 dBFS and no true peak (the
     * interpolation overflowed). Beyond 2^32 (+192.7 dBFS) no sample is audio: refused, by read and stream alike.
     */
    @Test
    void floatSamplesTooLargeToMeasureAreRefused() throws IOException {
        WavBytes data = bytes();
        for (int i = 0; i < 100; i++) {
            data.f32(i < 40 ? 0.5f : 3.4e38f).f32(0.5f);
        }
        Path file = WavBytes.write(dir, "huge.wav", riff(fmt(3, 2, 48000, 32), chunk("data", data.toBytes())));
        String expected = "out-of-range (3.4E38, +770.6 dBFS, beyond the +192.7 dBFS measured) sample at frame 40 "
                + "(0:00.001), channel 1";
        assertEquals(expected, org.junit.jupiter.api.Assertions.assertThrows(AudioFormatException.class,
                () -> WavReader.read(file)).fault());
        try (WavStream stream = WavReader.open(file)) {
            assertEquals(expected, org.junit.jupiter.api.Assertions.assertThrows(AudioFormatException.class,
                    () -> stream.read(new float[2][4096])).fault());
        }
        WavBytes doubles = bytes().f64(0.25).f64(1e300);
        Path wide = WavBytes.write(dir, "wide.wav", riff(fmt(3, 1, 48000, 64), chunk("data", doubles.toBytes())));
        assertEquals("out-of-range (1.0E300, +6000.0 dBFS, beyond the +192.7 dBFS measured) sample at frame 1 "
                + "(0:00.000), channel 1", org.junit.jupiter.api.Assertions.assertThrows(AudioFormatException.class,
                        () -> WavReader.read(wide)).fault());
    }

    /** Beyond full scale but measurable: read as it is, with a warning that says so and by how much. */
    @Test
    void floatSamplesAboveFullScaleAreReadAsTheyAreWithAWarning() throws IOException {
        WavBytes data = bytes();
        for (int i = 0; i < 100; i++) {
            data.f32(i == 50 ? -4f : 0.5f);
        }
        Path file = WavBytes.write(dir, "hot.wav", riff(fmt(3, 1, 48000, 32), chunk("data", data.toBytes())));
        WavContents contents = WavReader.read(file);
        assertEquals(-4f, contents.audio().channel(0)[50]);
        String warning = "float samples reach +12.0 dBFS, above full scale: measured as they are (legal in a float "
                + "file), but a PCM render clips them unless the chain brings them down";
        assertEquals(List.of(warning), contents.warnings());
        try (WavStream stream = WavReader.open(file)) {
            assertEquals(List.of(), stream.warnings()); // known only once the samples are read
            assertEquals(100, stream.read(new float[1][4096]));
            assertEquals(List.of(warning), stream.warnings());
        }
        // At full scale exactly: no warning.
        Path atFullScale = WavBytes.write(dir, "full.wav", riff(fmt(3, 1, 48000, 32), chunk("data",
                bytes().f32(1f).f32(-1f).toBytes())));
        assertEquals(List.of(), WavReader.read(atFullScale).warnings());
    }

    @Test
    void aStreamReadsTheSameSamplesAsAWholeRead() throws IOException {
        int frames = 10_001;
        WavBytes data = bytes();
        for (int i = 0; i < frames; i++) {
            data.le24(i * 731 % 8_000_000 - 4_000_000).le24(-i);
        }
        Path file = WavBytes.write(dir, "s.wav", riff(fmt(1, 2, 44100, 24), chunk("data", data.toBytes())));
        AudioBuffer whole = WavReader.read(file).audio();
        try (WavStream stream = WavReader.open(file)) {
            assertEquals(frames, stream.frames());
            float[][] block = new float[2][999];
            int at = 0;
            for (int n = stream.read(block); n > 0; n = stream.read(block)) {
                for (int c = 0; c < 2; c++) {
                    assertArrayEquals(Arrays.copyOfRange(whole.channel(c), at, at + n), Arrays.copyOf(block[c], n));
                }
                at += n;
                assertEquals(at, stream.position());
            }
            assertEquals(frames, at);
        }
    }

    @Test
    void aLongFileDecodedInTwoHalvesReadsEveryFrameExactly() throws IOException {
        // Past PARALLEL_FRAMES the halves decode at once: 24-bit codes k / 2^23 must come back exactly.
        int frames = WavReader.PARALLEL_FRAMES + 12_345;
        float[][] samples = new float[2][frames];
        long seed = 1;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < 2; c++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                samples[c][i] = (int) (seed >> 40) / 0x1p23f; // a 24-bit code
            }
        }
        Path file = dir.resolve("long.wav");
        WavWriter.write(new AudioBuffer(samples, 48000, ChannelLayout.standard(2)), file, WavOutputFormat.pcm24());
        AudioBuffer back = WavReader.read(file).audio();
        assertArrayEquals(samples[0], back.channel(0));
        assertArrayEquals(samples[1], back.channel(1));
    }

    @Test
    void aBadSampleInTheFirstHalfIsReportedBeforeOneInTheSecond() throws IOException {
        int frames = WavReader.PARALLEL_FRAMES + 10;
        int early = 1000;
        int late = frames - 5;
        for (boolean both : new boolean[] {true, false}) {
            WavBytes data = bytes();
            for (int i = 0; i < frames; i++) {
                data.f32((both && i == early) || i == late ? Float.NaN : 0.1f);
            }
            Path file = WavBytes.write(dir, "nan-" + both + ".wav", riff(fmt(3, 1, 48000, 32),
                    chunk("data", data.toBytes())));
            AudioFormatException e = org.junit.jupiter.api.Assertions.assertThrows(AudioFormatException.class,
                    () -> WavReader.read(file));
            assertTrue(e.fault().startsWith("NaN sample at frame " + (both ? early : late) + " "), e.fault());
        }
    }

    @Test
    void infiniteDoubleIsAnError() throws IOException {
        byte[] data = bytes().f64(0.5).f64(Double.NEGATIVE_INFINITY).f64(1e300).toBytes();
        Path file = WavBytes.write(dir, "inf.wav", riff(fmt(3, 1, 44100, 64), chunk("data", data)));
        AudioFormatException e = org.junit.jupiter.api.Assertions.assertThrows(AudioFormatException.class,
                () -> WavReader.read(file));
        assertEquals("infinite sample at frame 1 (0:00.000), channel 1", e.fault());
    }

    @Test
    void probeReadsTheHeaderOnly() throws IOException {
        byte[] file = riff(fmtExtensible(2, 48000, 24, 24, 0x3, subtypeGuid(1)), chunk("data", new byte[6 * 480]));
        WavProbeReport p = WavReader.probe(WavBytes.write(dir, "p.wav", file));
        assertEquals("24-bit PCM, 48000 Hz, stereo", p.format().description());
        assertEquals(480, p.frames());
        assertEquals(0.01, p.durationSeconds(), 1e-12);
    }

    @Test
    void largeFilesDecodeAcrossBlockBoundariesWithProgress() throws IOException {
        // 24-bit stereo: 6-byte frames, so the 2 MiB blocks end mid-way through no frame but many
        // blocks are needed; a ramp of distinct codes shows any misplaced byte.
        int frames = 900_000;
        float[][] planar = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            planar[0][i] = (float) ((i * 9 % 16_777_216 - 8_388_608) / 8388608.0);
            planar[1][i] = (float) ((8_388_607 - i * 7 % 16_777_216) / 8388608.0);
        }
        AudioBuffer in = new AudioBuffer(planar, 48000, ChannelLayout.standard(2));
        Path file = dir.resolve("big.wav");
        WavWriter.write(in, file, WavOutputFormat.pcm24());
        List<Double> progress = new ArrayList<>();
        WavContents w = WavReader.read(file, progress::add);
        assertArrayEquals(planar[0], w.audio().channel(0));
        assertArrayEquals(planar[1], w.audio().channel(1));
        assertEquals((int) Math.ceil(frames * 6.0 / (WavReader.CHUNK_BYTES / 6 * 6)), progress.size());
        assertEquals(1.0, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1));
        }
        assertTrue(w.format().extensible(), "24-bit output is WAVE_FORMAT_EXTENSIBLE");
    }
}
