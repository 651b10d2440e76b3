package org.freshears.audio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.freshears.audio.FlacBitReader.FlacFault;

/**
 * Reads native FLAC files (RFC 9639), streaming frame by frame: memory is one frame and one read buffer
 * whatever the length. An ID3v2 tag before "fLaC" is skipped, as is every metadata block but STREAMINFO.
 * Every frame's CRC-8 and CRC-16 is checked, and at the end the MD5 of the decoded samples against
 * STREAMINFO's: a FLAC file either decodes to exactly what was encoded or is refused.
 *
 * <p>Samples are scaled by 2^-(bits-1), like the WAV reader's: a FLAC file decodes to the same floats as
 * the WAV file it was made from.
 */
final class FlacReader {
    /** Bump when the decoded samples could change. */
    static final Decoding DECODING = new Decoding("FLAC", "freshears FlacReader", "1");
    private static final int STREAMINFO = 0;
    private static final int STREAMINFO_BYTES = 34;
    private static final int INVALID_BLOCK_TYPE = 127;

    private FlacReader() {
    }

    /** Opens a FLAC file whose channel is open: reads the metadata, then the stream decodes as it is read. */
    static WavStream open(Path file, FileChannel channel) throws IOException {
        long start = id3v2Length(channel);
        ByteBuffer magic = readAt(channel, start, 4);
        if (magic.limit() < 4 || magic.getInt(0) != 0x664C6143) { // "fLaC"
            throw new AudioFormatException(file, start > 0 ? "an ID3 tag not followed by FLAC audio (an MP3 file?); "
                    + ConversionHint.convertFirstLossy(file) : "not a FLAC file (no \"fLaC\" marker)");
        }
        long pos = start + 4;
        FlacStreamInfo info = null;
        boolean last = false;
        while (!last) {
            ByteBuffer header = readAt(channel, pos, 4);
            if (header.limit() < 4) {
                throw new AudioFormatException(file, "truncated: the file ends inside the metadata (byte " + pos
                        + ")");
            }
            int word = header.getInt(0);
            last = word < 0;
            int type = (word >>> 24) & 0x7F;
            int length = word & 0xFF_FFFF;
            long body = pos + 4;
            if (body + length > channel.size()) {
                throw new AudioFormatException(file, "truncated: metadata block of type " + type + " claims "
                        + length + " bytes, only " + (channel.size() - body) + " remain");
            }
            if (info == null && type != STREAMINFO) {
                throw new AudioFormatException(file, "corrupt: the first metadata block is of type " + type
                        + ", not STREAMINFO");
            }
            if (type == INVALID_BLOCK_TYPE) {
                throw new AudioFormatException(file, "corrupt: metadata block of the invalid type 127");
            }
            if (type == STREAMINFO) {
                if (info != null) {
                    throw new AudioFormatException(file, "corrupt: a second STREAMINFO block");
                }
                if (length != STREAMINFO_BYTES) {
                    throw new AudioFormatException(file, "corrupt: STREAMINFO is " + length + " bytes, not "
                            + STREAMINFO_BYTES);
                }
                info = streamInfo(file, readAt(channel, body, STREAMINFO_BYTES));
            }
            pos = body + length;
        }
        List<String> warnings = new ArrayList<>();
        long total = info.totalSamples();
        if (total == 0) {
            // Encoders that write to a pipe cannot go back to fill in the length: count it by decoding once.
            FlacFrames counter = new FlacFrames(file, channel, pos, info, Long.MAX_VALUE);
            total = counter.countToEnd();
            if (total == 0) {
                throw new AudioFormatException(file, "no audio: the FLAC stream holds no frames");
            }
            warnings.add("STREAMINFO does not give the length; " + total + " frames counted by decoding");
        }
        // A frame takes at least its header and footer (8 bytes) and a CONSTANT subframe per channel: a
        // length beyond what the file's bytes can hold is a corrupt STREAMINFO, refused before any memory is
        // set aside for it.
        long minFrameBytes = 8 + (info.channels() * (8L + info.bitsPerSample()) + 7) / 8;
        long leastBytes = (total + info.maxBlockSize() - 1) / info.maxBlockSize() * minFrameBytes;
        if (channel.size() - pos < leastBytes) {
            throw new AudioFormatException(file, "truncated, or a corrupt STREAMINFO: its " + total + " frames need "
                    + "at least " + leastBytes + " bytes of audio, the file has " + (channel.size() - pos)
                    + " after its metadata");
        }
        if (total > WavReader.MAX_FRAMES) {
            throw new AudioFormatException(file, "too long: " + total + " frames per channel (at most "
                    + WavReader.MAX_FRAMES + " can be measured or held)");
        }
        if (!info.hasMd5()) {
            warnings.add("no MD5 signature in STREAMINFO: the decode is checked by the frames' CRCs only");
        }
        int bits = info.bitsPerSample();
        int container = (bits + 7) / 8 * 8;
        WavFormat format = new WavFormat(WavFormat.Encoding.PCM_INTEGER, container, bits, info.channels(),
                info.sampleRate(), ChannelLayout.standard(info.channels()), false);
        WavHeader header = new WavHeader(format, pos, total, total, warnings);
        FlacFrames frames = new FlacFrames(file, channel, pos, info, total);
        return new WavStream(file, channel, header, frames, DECODING);
    }

    private static FlacStreamInfo streamInfo(Path file, ByteBuffer b) throws AudioFormatException {
        int minBlock = b.getShort(0) & 0xFFFF;
        int maxBlock = b.getShort(2) & 0xFFFF;
        long packed = b.getLong(10); // rate 20 bits, channels-1 3, bits-1 5, total samples 36
        int rate = (int) (packed >>> 44);
        int channels = (int) ((packed >>> 41) & 7) + 1;
        int bits = (int) ((packed >>> 36) & 31) + 1;
        long total = packed & 0xF_FFFF_FFFFL;
        byte[] md5 = new byte[16];
        b.get(18, md5);
        if (maxBlock < 16 || minBlock > maxBlock) {
            throw new AudioFormatException(file, "corrupt STREAMINFO: block sizes " + minBlock + " to " + maxBlock
                    + " (at least 16, the smallest first)");
        }
        if (rate < WavHeaderParser.MIN_RATE_HZ || rate > WavHeaderParser.MAX_RATE_HZ) {
            throw new AudioFormatException(file, "sample rate " + rate + " Hz is out of range ("
                    + WavHeaderParser.MIN_RATE_HZ + " to " + WavHeaderParser.MAX_RATE_HZ + " Hz)");
        }
        if (bits < 4) {
            throw new AudioFormatException(file, "corrupt STREAMINFO: " + bits + " bits per sample (4 to 32)");
        }
        return new FlacStreamInfo(minBlock, maxBlock, rate, channels, bits, total, md5);
    }

    /** The bytes of an ID3v2 tag at the file's start (some taggers put one before "fLaC"), or 0. */
    private static long id3v2Length(FileChannel channel) throws IOException {
        ByteBuffer h = readAt(channel, 0, 10);
        if (h.limit() < 10 || h.get(0) != 'I' || h.get(1) != 'D' || h.get(2) != '3') {
            return 0;
        }
        // Sizes are "syncsafe": 7 bits per byte (ID3v2.4 section 3.1); a footer adds 10 bytes.
        long size = 0;
        for (int i = 6; i < 10; i++) {
            size = (size << 7) | (h.get(i) & 0x7F);
        }
        boolean footer = (h.get(5) & 0x10) != 0;
        return 10 + size + (footer ? 10 : 0);
    }

    static ByteBuffer readAt(FileChannel channel, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.max(0, Math.min(n, channel.size() - pos)))
                .order(ByteOrder.BIG_ENDIAN);
        long at = pos;
        while (b.hasRemaining()) {
            int got = channel.read(b, at);
            if (got <= 0) {
                break;
            }
            at += got;
        }
        return b.flip();
    }

    /** Whether the first bytes are FLAC: "fLaC", or an ID3v2 tag followed by "fLaC". */
    static boolean isFlac(FileChannel channel) throws IOException {
        long start = id3v2Length(channel);
        ByteBuffer magic = readAt(channel, start, 4);
        return magic.limit() == 4 && magic.getInt(0) == 0x664C6143;
    }

    /**
     * The frames of a FLAC stream in order, as floats: decodes a frame when the last is used up, feeds the
     * MD5 as it goes and checks it once the last sample is out.
     */
    static final class FlacFrames implements FrameSource, Closeable {
        private final Path file;
        private final FileChannel channel;
        private final FlacStreamInfo info;
        private final FlacBitReader in;
        private final FlacFrameDecoder decoder;
        private final long total;
        private final float scale;
        private final MessageDigest md5;
        private final byte[] md5Bytes;
        private final int bytesPerSample;
        /** Samples per channel handed out so far, and the decoded frame's first sample and used part. */
        private long position;
        private long frameStart;
        private int frameUsed;
        private int frameCount;

        FlacFrames(Path file, FileChannel channel, long firstFrame, FlacStreamInfo info, long total) {
            this.file = file;
            this.channel = channel;
            this.info = info;
            this.in = new FlacBitReader(file, channel, firstFrame);
            this.decoder = new FlacFrameDecoder(in, info);
            this.total = total;
            this.scale = (float) Math.scalb(1.0, 1 - info.bitsPerSample());
            this.bytesPerSample = (info.bitsPerSample() + 7) / 8;
            this.md5Bytes = new byte[Math.max(16, info.maxBlockSize()) * info.channels() * bytesPerSample];
            try {
                this.md5 = info.hasMd5() ? MessageDigest.getInstance("MD5") : null;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has MD5", e);
            }
        }

        @Override
        public void decode(long first, float[][] out, int at, int frames) throws IOException {
            if (first != position) {
                throw new IllegalStateException("a FLAC stream is read in order: asked for frame " + first
                        + ", next is " + position);
            }
            int done = 0;
            while (done < frames) {
                if (frameUsed == decoder.blockSize) {
                    nextFrame();
                }
                int n = Math.min(frames - done, decoder.blockSize - frameUsed);
                for (int c = 0; c < out.length; c++) {
                    long[] s = decoder.samples[c];
                    float[] dst = out[c];
                    int o = at + done - frameUsed;
                    for (int i = frameUsed, end = frameUsed + n; i < end; i++) {
                        dst[o + i] = s[i] * scale;
                    }
                }
                frameUsed += n;
                done += n;
                position += n;
            }
            if (position == total) {
                checkMd5();
            }
        }

        @Override
        public float floatPeak() {
            return 0;
        }

        /** Decodes every frame to the end of the file, checking them; returns the samples per channel. */
        long countToEnd() throws IOException {
            long count = 0;
            while (!in.atEnd()) {
                count += nextFrameOrFault();
            }
            if (md5 != null) {
                checkMd5();
            }
            return count;
        }

        private void nextFrame() throws IOException {
            if (in.atEnd()) {
                throw fault("truncated: the file ends after " + Timecode.of(position, info.sampleRate()) + " of "
                        + Timecode.of(total, info.sampleRate()) + " (" + position + " of " + total + " frames)");
            }
            nextFrameOrFault();
            if (frameStart + decoder.blockSize > total) {
                throw fault("corrupt: a frame at " + Timecode.of(frameStart, info.sampleRate())
                        + " runs past the " + total + " frames STREAMINFO gives");
            }
        }

        private int nextFrameOrFault() throws IOException {
            long at = in.bytePosition();
            long sampleAt = position;
            int n;
            try {
                n = decoder.decode();
            } catch (FlacFault e) {
                throw fault(e.getMessage() + " in the frame at byte " + at + " ("
                        + Timecode.of(sampleAt, info.sampleRate()) + ")");
            }
            long expected = decoder.variableBlockSize ? sampleAt : frameCount;
            if (decoder.codedNumber != expected) {
                throw fault("corrupt: the frame at byte " + at + " is numbered " + decoder.codedNumber + ", expected "
                        + expected + " (a frame missing or repeated)");
            }
            frameCount++;
            frameStart = sampleAt;
            frameUsed = 0;
            if (md5 != null) {
                feedMd5(n);
            }
            if (total == Long.MAX_VALUE) {
                position += n; // counting: nothing is handed out
                frameUsed = n;
            }
            return n;
        }

        /** MD5 input: the samples interleaved, little-endian, in whole bytes (RFC 9639 section 8.2). */
        private void feedMd5(int n) {
            int channels = info.channels();
            byte[] b = md5Bytes;
            int bps = bytesPerSample;
            for (int c = 0; c < channels; c++) {
                long[] s = decoder.samples[c];
                int p = c * bps;
                int step = channels * bps;
                switch (bps) {
                    case 2 -> {
                        for (int i = 0; i < n; i++, p += step) {
                            long v = s[i];
                            b[p] = (byte) v;
                            b[p + 1] = (byte) (v >>> 8);
                        }
                    }
                    case 3 -> {
                        for (int i = 0; i < n; i++, p += step) {
                            long v = s[i];
                            b[p] = (byte) v;
                            b[p + 1] = (byte) (v >>> 8);
                            b[p + 2] = (byte) (v >>> 16);
                        }
                    }
                    default -> {
                        for (int i = 0; i < n; i++, p += step) {
                            long v = s[i];
                            for (int k = 0; k < bps; k++) {
                                b[p + k] = (byte) (v >>> (8 * k));
                            }
                        }
                    }
                }
            }
            md5.update(b, 0, n * channels * bps);
        }

        private void checkMd5() throws AudioFormatException {
            if (md5 == null) {
                return;
            }
            byte[] actual = md5.digest();
            if (!Arrays.equals(actual, info.md5())) {
                throw fault("MD5 mismatch: the decoded audio is not what was encoded (corrupt file; STREAMINFO "
                        + hex(info.md5()) + ", decoded " + hex(actual) + ")");
            }
        }

        private static String hex(byte[] bytes) {
            StringBuilder s = new StringBuilder();
            for (byte b : bytes) {
                s.append(String.format("%02x", b));
            }
            return s.toString();
        }

        private AudioFormatException fault(String message) {
            return new AudioFormatException(file, message);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
