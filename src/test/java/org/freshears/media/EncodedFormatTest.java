package org.freshears.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first bytes, never the name, say what a file is; WAV, FLAC (even after ID3) and AIFF stay native. */
class EncodedFormatTest {
    @TempDir
    Path dir;

    private Optional<EncodedFormat> sniff(byte[] head) throws Exception {
        Path file = dir.resolve("file.wav");
        byte[] padded = java.util.Arrays.copyOf(head, Math.max(head.length, 256));
        Files.write(file, padded);
        return EncodedFormat.sniff(file);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void mpegAudioAndAdtsByTheirFrameHeaders() throws Exception {
        assertEquals("MP3", sniff(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0}).orElseThrow().describe());
        assertEquals("MP3", sniff(new byte[] {(byte) 0xFF, (byte) 0xF3, (byte) 0x64, 0}).orElseThrow().describe());
        assertEquals("MP2", sniff(new byte[] {(byte) 0xFF, (byte) 0xFD, (byte) 0x90, 0}).orElseThrow().describe());
        assertEquals(EncodedFormat.Container.ADTS,
                sniff(new byte[] {(byte) 0xFF, (byte) 0xF1, (byte) 0x50, (byte) 0x80}).orElseThrow().container());
        // A sync word with a reserved sample-rate index is no MPEG frame.
        assertTrue(sniff(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x9C, 0}).isEmpty());
    }

    @Test
    void anId3TagIsSkippedAndFlacAfterItStaysNative() throws Exception {
        byte[] id3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 20};
        byte[] frame = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0};
        assertEquals("MP3", sniff(concat(id3, new byte[20], frame)).orElseThrow().describe());
        assertTrue(sniff(concat(id3, new byte[20], ascii("fLaC"))).isEmpty());
    }

    @Test
    void oggNamesItsCodecFromTheFirstPacket() throws Exception {
        byte[] page = new byte[28];
        System.arraycopy(ascii("OggS"), 0, page, 0, 4);
        page[26] = 1;
        page[27] = 19;
        byte[] opusHead = concat(ascii("OpusHead"), new byte[] {1, 2, 0x38, 1, 0x44, (byte) 0xAC, 0, 0, 0, 0, 0});
        EncodedFormat opus = sniff(concat(page, opusHead)).orElseThrow();
        assertEquals("Ogg Opus", opus.describe());
        assertEquals(44_100, opus.opusInputRateHz());
        assertEquals("Ogg Vorbis", sniff(concat(page, new byte[] {1}, ascii("vorbis"))).orElseThrow().describe());
        assertEquals("Ogg FLAC", sniff(concat(page, new byte[] {0x7F}, ascii("FLAC"))).orElseThrow().describe());
    }

    @Test
    void containersByTheirMagic() throws Exception {
        EncodedFormat m4a = sniff(concat(new byte[] {0, 0, 0, 0x20}, ascii("ftypM4A "))).orElseThrow();
        assertEquals("AAC (M4A)", m4a.name("aac"));
        assertEquals("ALAC (M4A)", m4a.name("alac"));
        assertEquals("AAC (MP4)", sniff(concat(new byte[] {0, 0, 0, 0x20}, ascii("ftypisom"))).orElseThrow().name("aac"));
        assertEquals("Opus (WebM/Matroska)",
                sniff(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}).orElseThrow().name("opus"));
        assertEquals("an M4A", m4a.article());
        assertEquals("a WebM/Matroska", sniff(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}).orElseThrow().article());
    }

    @Test
    void whatFreshEarsReadsItselfIsNotEncoded() throws Exception {
        assertTrue(sniff(ascii("RIFF\0\0\0\0WAVEfmt ")).isEmpty());
        assertTrue(sniff(ascii("fLaC\0\0\0\"")).isEmpty());
        assertTrue(sniff(ascii("FORM\0\0\0\0AIFFCOMM")).isEmpty());
        assertTrue(sniff(ascii("just some text")).isEmpty());
    }
}
