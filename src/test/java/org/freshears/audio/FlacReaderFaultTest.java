package org.freshears.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.freshears.testing.ExternalPrograms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken FLAC files, made from a real one by cutting and flipping bytes, each give one line naming the
 * file and the fault, in both the whole-file and the streaming reader.
 */
class FlacReaderFaultTest {
    @TempDir
    static Path dir;
    static byte[] good;
    static Path wav;

    @BeforeAll
    static void encode() throws Exception {
        ExternalPrograms.assumeInstalled("flac", "--version");
        wav = EncodedAudio.wav(dir, "source.wav", 24, 2, 48_000, 48_000, 3);
        Path flac = dir.resolve("good.flac");
        ExternalPrograms.run(dir, "flac", "--silent", "--no-padding", "-5", "-o", flac.toString(), wav.toString());
        good = Files.readAllBytes(flac);
    }

    private static String fault(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioReader.read(file));
        assertEquals(file + ": " + e.fault(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        AudioFormatException streamed = assertThrows(AudioFormatException.class, () -> {
            try (WavStream stream = AudioReader.open(file)) {
                float[][] block = new float[stream.format().channels()][4096];
                while (stream.read(block) > 0) {
                    // read to the end: the MD5 is checked there
                }
            }
        });
        assertEquals(e.fault(), streamed.fault(), "the streaming reader names the same fault");
        return e.fault();
    }

    /** Where the first audio frame starts: after the metadata blocks (the last has its top bit set). */
    private static int firstFrame() {
        int pos = 4;
        while (true) {
            boolean last = (good[pos] & 0x80) != 0;
            int length = ((good[pos + 1] & 0xFF) << 16) | ((good[pos + 2] & 0xFF) << 8) | (good[pos + 3] & 0xFF);
            pos += 4 + length;
            if (last) {
                return pos;
            }
        }
    }

    @Test
    void truncatedInsideAFrame() throws IOException {
        String fault = fault("cut.flac", Arrays.copyOf(good, good.length * 2 / 3));
        assertTrue(fault.startsWith("truncated: the file ends inside a frame in the frame at byte "), fault);
    }

    @Test
    void truncatedBetweenFramesOrInTheMetadata() throws IOException {
        assertEquals("truncated: the file ends inside the metadata (byte 42)", fault("meta.flac",
                Arrays.copyOf(good, 42)));
        assertEquals("truncated, or a corrupt STREAMINFO: its 48000 frames need at least 192 bytes of audio, the file"
                + " has 0 after its metadata", fault("frames.flac", Arrays.copyOf(good, firstFrame())));
        // 12 frames of 4096 (16 bytes each at the least: 192); cut a sixth of the way into them, in a frame.
        int frameBytes = (good.length - firstFrame()) / 12;
        String fault = fault("frames2.flac", Arrays.copyOf(good, firstFrame() + 2 * frameBytes));
        assertTrue(fault.startsWith("truncated: the file ends inside a frame in the frame at byte "), fault);
    }

    @Test
    void aFlippedBitFailsTheFramesCrc() throws IOException {
        byte[] footer = good.clone();
        footer[footer.length - 1] ^= 0x01; // the last frame's CRC-16
        assertTrue(fault("crc16.flac", footer).matches("frame CRC-16 mismatch \\(corrupt\\) in the frame at byte \\d+"
                + " \\(0:00\\.9\\d\\d\\)"), fault("crc16.flac", footer));
        byte[] header = good.clone();
        // The first header: sync (2 bytes), block size and rate, channels and depth, frame number 0, CRC-8.
        header[firstFrame() + 5] ^= 0x01;
        assertEquals("frame header CRC-8 mismatch (corrupt) in the frame at byte " + firstFrame() + " (0:00.000)",
                fault("crc8.flac", header));
        byte[] inside = good.clone();
        inside[firstFrame() + (good.length - firstFrame()) / 2] ^= 0x10;
        String fault = fault("inside.flac", inside);
        assertTrue(fault.matches(".* in the frame at byte \\d+ \\(0:00\\.\\d{3}\\)"), fault);
    }

    @Test
    void aWrongMd5IsRefusedAtTheEnd() throws IOException {
        byte[] bad = good.clone();
        bad[8 + 18] ^= 0x01; // STREAMINFO's MD5 starts 18 bytes into its body, after "fLaC" and the block header
        String fault = fault("md5.flac", bad);
        assertTrue(fault.startsWith("MD5 mismatch: the decoded audio is not what was encoded (corrupt file; "
                + "STREAMINFO "), fault);
    }

    @Test
    void aCorruptStreamInfoIsNamed() throws IOException {
        byte[] bad = good.clone();
        bad[8 + 2] = 0; // max block size 0..
        bad[8 + 3] = 8;
        assertEquals("corrupt STREAMINFO: block sizes 4096 to 8 (at least 16, the smallest first)",
                fault("info.flac", bad));
        byte[] notInfo = good.clone();
        notInfo[4] = (byte) ((notInfo[4] & 0x80) | 4); // the first block claims to be a Vorbis comment
        assertEquals("corrupt: the first metadata block is of type 4, not STREAMINFO", fault("first.flac", notInfo));
    }

    /** Some taggers put an ID3v2 tag before "fLaC": skipped, the audio is the same. */
    @Test
    void anId3TagBeforeTheStreamIsSkipped() throws IOException {
        byte[] tag = new byte[10 + 300];
        tag[0] = 'I';
        tag[1] = 'D';
        tag[2] = '3';
        tag[3] = 4;
        tag[8] = (byte) (300 >> 7); // syncsafe size 300
        tag[9] = (byte) (300 & 0x7F);
        byte[] tagged = new byte[tag.length + good.length];
        System.arraycopy(tag, 0, tagged, 0, tag.length);
        System.arraycopy(good, 0, tagged, tag.length, good.length);
        Path file = dir.resolve("tagged.flac");
        Files.write(file, tagged);
        assertArrayEquals(WavReader.read(wav).audio().channel(1), AudioReader.read(file).audio().channel(1));
    }
}
