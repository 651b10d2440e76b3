package org.freshears.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether an Ogg file ends as a whole stream does: with a complete page (its CRC right) that carries the
 * end-of-stream flag. ffmpeg decodes a cut-off Ogg file without a word (its granule positions end where the
 * file does), so this is how a truncated Vorbis or Opus file is caught. Page layout: RFC 3533, section 6.
 */
final class OggEnd {
    /** The largest page: 27 header bytes, 255 lacing values, 255 segments of 255 bytes. */
    private static final int MAX_PAGE_BYTES = 27 + 255 + 255 * 255;
    private static final int END_OF_STREAM = 0x04;
    private static final int[] CRC_TABLE = crcTable();

    private OggEnd() {
    }

    /** Null when the file ends with a complete end-of-stream page; else how it falls short, in a few words. */
    static String fault(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long from = Math.max(0, size - 2L * MAX_PAGE_BYTES);
            ByteBuffer tail = EncodedFormat.readAt(channel, from, (int) (size - from));
            for (int at = tail.limit() - 27; at >= 0; at--) {
                if (tail.get(at) != 'O' || tail.get(at + 1) != 'g' || tail.get(at + 2) != 'g' || tail.get(at + 3) != 'S') {
                    continue;
                }
                int length = pageLength(tail, at);
                if (length < 0 || !crcMatches(tail, at, length)) {
                    continue; // "OggS" inside a packet, or a page cut short: look further back
                }
                long end = from + at + length;
                if (end < size) {
                    return "the file ends " + (size - end) + " bytes into an Ogg page that is not all there";
                }
                if ((tail.get(at + 5) & END_OF_STREAM) == 0) {
                    return "the last Ogg page does not end the stream (no end-of-stream flag)";
                }
                return null;
            }
            return "no complete Ogg page in its last " + (size - from) + " bytes";
        }
    }

    /** The page's whole length, or -1 when its header or body runs past the bytes there are. */
    private static int pageLength(ByteBuffer b, int at) {
        int segments = b.get(at + 26) & 0xFF;
        if (at + 27 + segments > b.limit()) {
            return -1;
        }
        int body = 0;
        for (int i = 0; i < segments; i++) {
            body += b.get(at + 27 + i) & 0xFF;
        }
        int length = 27 + segments + body;
        return at + length <= b.limit() ? length : -1;
    }

    /** Ogg's CRC-32: polynomial 0x04C11DB7, initial 0, not reflected, over the page with its CRC field zeroed. */
    private static boolean crcMatches(ByteBuffer b, int at, int length) {
        int stored = (b.get(at + 22) & 0xFF) | (b.get(at + 23) & 0xFF) << 8 | (b.get(at + 24) & 0xFF) << 16
                | (b.get(at + 25) & 0xFF) << 24;
        int crc = 0;
        for (int i = 0; i < length; i++) {
            int value = i >= 22 && i < 26 ? 0 : b.get(at + i) & 0xFF;
            crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ value) & 0xFF];
        }
        return crc == stored;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int k = 0; k < 8; k++) {
                r = (r & 0x8000_0000) != 0 ? (r << 1) ^ 0x04C1_1DB7 : r << 1;
            }
            table[i] = r;
        }
        return table;
    }
}
