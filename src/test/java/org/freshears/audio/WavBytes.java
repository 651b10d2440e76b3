package org.freshears.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds WAV files byte by byte, so tests say exactly what is in the file (right or wrong). */
final class WavBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static WavBytes bytes() {
        return new WavBytes();
    }

    WavBytes ascii(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        out.write(b, 0, b.length);
        return this;
    }

    WavBytes u8(int v) {
        out.write(v);
        return this;
    }

    WavBytes le16(int v) {
        return u8(v & 0xFF).u8(v >> 8 & 0xFF);
    }

    WavBytes le24(int v) {
        return u8(v & 0xFF).u8(v >> 8 & 0xFF).u8(v >> 16 & 0xFF);
    }

    WavBytes le32(long v) {
        return le16((int) (v & 0xFFFF)).le16((int) (v >> 16 & 0xFFFF));
    }

    WavBytes le64(long v) {
        return le32(v & 0xFFFF_FFFFL).le32(v >>> 32);
    }

    WavBytes f32(float v) {
        return le32(Float.floatToRawIntBits(v) & 0xFFFF_FFFFL);
    }

    WavBytes f64(double v) {
        return le64(Double.doubleToRawLongBits(v));
    }

    WavBytes raw(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    int size() {
        return out.size();
    }

    /** A chunk with its true size and the pad byte RIFF requires after odd sizes. */
    static byte[] chunk(String id, byte[] body) {
        WavBytes b = bytes().ascii(id).le32(body.length).raw(body);
        if ((body.length & 1) == 1) {
            b.u8(0);
        }
        return b.toBytes();
    }

    /** A chunk header that claims any size, followed by whatever body is given. */
    static byte[] chunkClaiming(String id, long claimedSize, byte[] body) {
        return bytes().ascii(id).le32(claimedSize).raw(body).toBytes();
    }

    /** "RIFF" size "WAVE" and the chunks. */
    static byte[] riff(byte[]... chunks) {
        return container("RIFF", "WAVE", chunks);
    }

    static byte[] container(String riffId, String formType, byte[]... chunks) {
        WavBytes body = bytes().ascii(formType);
        for (byte[] c : chunks) {
            body.raw(c);
        }
        byte[] b = body.toBytes();
        return bytes().ascii(riffId).le32(b.length).raw(b).toBytes();
    }

    /** A plain fmt chunk with consistent byte rate and block align. */
    static byte[] fmt(int tag, int channels, int rateHz, int bits) {
        int align = channels * ((bits + 7) / 8);
        return fmt(tag, channels, rateHz, (long) rateHz * align, align, bits);
    }

    static byte[] fmt(int tag, int channels, long rateHz, long byteRate, int blockAlign, int bits) {
        return chunk("fmt ", bytes().le16(tag).le16(channels).le32(rateHz).le32(byteRate).le16(blockAlign).le16(bits)
                .toBytes());
    }

    /** The KSDATAFORMAT_SUBTYPE GUID for a format tag: {tag-0000-0010-8000-00AA00389B71}. */
    static byte[] subtypeGuid(int tag) {
        return bytes().le32(tag).le16(0x0000).le16(0x0010).u8(0x80).u8(0x00).u8(0x00).u8(0xAA).u8(0x00).u8(0x38)
                .u8(0x9B).u8(0x71).toBytes();
    }

    static byte[] fmtExtensible(int channels, int rateHz, int containerBits, int validBits, int mask, byte[] guid) {
        int align = channels * containerBits / 8;
        return chunk("fmt ", bytes().le16(0xFFFE).le16(channels).le32(rateHz).le32((long) rateHz * align).le16(align)
                .le16(containerBits).le16(22).le16(validBits).le32(mask & 0xFFFF_FFFFL).raw(guid).toBytes());
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }
}
