package org.freshears.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalDouble;

/**
 * The playing length an MP4/M4A file declares for its first sound track: the duration of its edit list
 * (ISO/IEC 14496-12, 8.6.6), which is how an AAC encoder says where its padding starts. ffmpeg 5.1 skips
 * the priming samples an edit list names at the start but keeps the padding of the last frame (an AAC
 * file of 882 000 frames decodes to 882 688), so the decoded audio is cut to this length. The edit list
 * counts in the movie's timescale, often milliseconds (±22 frames at 44.1 kHz); when the track's own
 * duration less the skipped priming (in its sample-rate timescale: ffmpeg writes it without the padding)
 * agrees with it to within one movie tick, that exact count is the length.
 */
final class Mp4Length {
    /** A moov box larger than this is not an audio file's (the sample tables of hours of audio fit easily). */
    private static final long MAX_MOOV_BYTES = 64L << 20;

    private Mp4Length() {
    }

    /** Seconds, or empty when the file has no edit list of one segment on its sound track (or no moov box). */
    static OptionalDouble editedSeconds(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            for (long at = 0; at + 8 <= size; ) {
                ByteBuffer header = EncodedFormat.readAt(channel, at, 16);
                if (header.limit() < 8) {
                    break;
                }
                long boxSize = header.getInt(0) & 0xFFFF_FFFFL;
                int headerBytes = 8;
                if (boxSize == 1 && header.limit() >= 16) {
                    boxSize = header.getLong(8);
                    headerBytes = 16;
                } else if (boxSize == 0) {
                    boxSize = size - at;
                }
                if (boxSize < headerBytes) {
                    break;
                }
                if (type(header, 4).equals("moov")) {
                    if (boxSize > MAX_MOOV_BYTES || at + boxSize > size) {
                        return OptionalDouble.empty();
                    }
                    ByteBuffer moov = EncodedFormat.readAt(channel, at + headerBytes, (int) (boxSize - headerBytes));
                    return fromMoov(moov);
                }
                at += boxSize;
            }
            return OptionalDouble.empty();
        }
    }

    private static OptionalDouble fromMoov(ByteBuffer moov) {
        ByteBuffer mvhd = child(moov, "mvhd");
        if (mvhd == null) {
            return OptionalDouble.empty();
        }
        long movieTimescale = mvhd.get(0) == 1 ? mvhd.getInt(20) & 0xFFFF_FFFFL : mvhd.getInt(12) & 0xFFFF_FFFFL;
        for (ByteBuffer trak : children(moov, "trak")) {
            ByteBuffer mdia = child(trak, "mdia");
            ByteBuffer hdlr = mdia == null ? null : child(mdia, "hdlr");
            if (hdlr == null || hdlr.limit() < 12 || !type(hdlr, 8).equals("soun")) {
                continue;
            }
            ByteBuffer edts = child(trak, "edts");
            ByteBuffer elst = edts == null ? null : child(edts, "elst");
            if (elst == null || movieTimescale == 0) {
                return OptionalDouble.empty();
            }
            ByteBuffer mdhd = child(mdia, "mdhd");
            boolean wide = elst.get(0) == 1;
            int entries = elst.getInt(4);
            int entryBytes = wide ? 20 : 12;
            long playedTicks = 0;
            long skippedMediaTicks = 0;
            int segments = 0;
            for (int i = 0; i < entries && 8 + (i + 1) * entryBytes <= elst.limit(); i++) {
                int e = 8 + i * entryBytes;
                long duration = wide ? elst.getLong(e) : elst.getInt(e) & 0xFFFF_FFFFL;
                long mediaTime = wide ? elst.getLong(e + 8) : elst.getInt(e + 4);
                if (mediaTime == -1) {
                    continue; // an empty edit: a pause before the track, not part of its audio
                }
                playedTicks += duration;
                skippedMediaTicks = mediaTime;
                segments++;
            }
            if (segments != 1 || playedTicks <= 0) {
                return OptionalDouble.empty();
            }
            double edited = playedTicks / (double) movieTimescale;
            if (mdhd != null) {
                boolean wideMdhd = mdhd.get(0) == 1;
                long mediaTimescale = mdhd.getInt(wideMdhd ? 20 : 12) & 0xFFFF_FFFFL;
                long mediaDuration = wideMdhd ? mdhd.getLong(24) : mdhd.getInt(16) & 0xFFFF_FFFFL;
                if (mediaTimescale > 0) {
                    double exact = (mediaDuration - skippedMediaTicks) / (double) mediaTimescale;
                    if (Math.abs(exact - edited) <= 1.0 / movieTimescale) {
                        return OptionalDouble.of(exact);
                    }
                }
            }
            return OptionalDouble.of(edited);
        }
        return OptionalDouble.empty();
    }

    private static ByteBuffer child(ByteBuffer parent, String type) {
        var found = children(parent, type);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The bodies of the boxes of this type directly inside the parent's body. */
    private static java.util.List<ByteBuffer> children(ByteBuffer parent, String type) {
        java.util.List<ByteBuffer> found = new java.util.ArrayList<>();
        int at = 0;
        while (at + 8 <= parent.limit()) {
            long size = parent.getInt(at) & 0xFFFF_FFFFL;
            int headerBytes = 8;
            if (size == 1 && at + 16 <= parent.limit()) {
                size = parent.getLong(at + 8);
                headerBytes = 16;
            } else if (size == 0) {
                size = parent.limit() - at;
            }
            if (size < headerBytes || at + size > parent.limit()) {
                break;
            }
            if (type(parent, at + 4).equals(type)) {
                found.add(parent.slice(at + headerBytes, (int) size - headerBytes));
            }
            at += (int) size;
        }
        return found;
    }

    private static String type(ByteBuffer b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (b.get(at + i) & 0xFF);
        }
        return new String(c);
    }
}
