package org.freshears.audio;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads AIFF and AIFF-C files: big-endian PCM of 1 to 32 bits (left-justified in whole bytes), and in
 * AIFF-C also 'sowt' (little-endian PCM), 'fl32'/'FL32' and 'fl64'/'FL64' (big-endian IEEE float); any
 * other compression is refused by name. Sources: Apple, "Audio Interchange File Format: AIFF, version
 * 1.3" (1989) and "AIFF-C" (1991 draft); the 80-bit sample rate is IEEE 754 extended precision.
 *
 * <p>Integer samples are scaled by 2^-(containerBits-1), like the WAV reader's, so an AIFF decodes to the
 * same floats as the WAV it was made from; floats beyond full scale are measured as they are, with the
 * WAV reader's warning, and NaN, infinity and magnitudes beyond 2^32 are refused.
 */
final class AiffReader {
    static final Decoding AIFF = new Decoding("AIFF", "freshears AiffReader", "1");
    static final Decoding AIFF_C = new Decoding("AIFF-C", "freshears AiffReader", "1");
    private static final int COMM_AIFF_BYTES = 18;
    private static final int COMM_AIFC_BYTES = 22;

    private enum Coding {
        BIG_ENDIAN_PCM, LITTLE_ENDIAN_PCM, BIG_ENDIAN_FLOAT
    }

    private AiffReader() {
    }

    /** Whether the first 12 bytes are an AIFF or AIFF-C form. */
    static boolean isAiff(ByteBuffer head) {
        return head.limit() >= 12 && fourCc(head, 0).equals("FORM")
                && (fourCc(head, 8).equals("AIFF") || fourCc(head, 8).equals("AIFC"));
    }

    static WavStream open(Path file, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        ByteBuffer head = FlacReader.readAt(channel, 0, 12);
        boolean aifc = fourCc(head, 8).equals("AIFC");
        List<String> warnings = new ArrayList<>();
        WavFormat format = null;
        Coding coding = null;
        long declaredFrames = 0;
        long dataOffset = -1;
        long dataBytes = 0;
        long pos = 12;
        while (pos + 8 <= fileSize && (format == null || dataOffset < 0)) {
            ByteBuffer h = FlacReader.readAt(channel, pos, 8);
            String id = fourCc(h, 0);
            long size = h.getInt(4) & 0xFFFF_FFFFL;
            long body = pos + 8;
            long remaining = fileSize - body;
            switch (id) {
                case "COMM" -> {
                    int need = aifc ? COMM_AIFC_BYTES : COMM_AIFF_BYTES;
                    if (size < need || size > remaining) {
                        throw fault(file, "bad COMM chunk: " + size + " bytes" + (size > remaining
                                ? ", only " + remaining + " remain in the file" : ", need at least " + need));
                    }
                    ByteBuffer comm = FlacReader.readAt(channel, body, (int) Math.min(size, 22 + 256));
                    int channels = comm.getShort(0) & 0xFFFF;
                    declaredFrames = comm.getInt(2) & 0xFFFF_FFFFL;
                    int bits = comm.getShort(6);
                    double rateHz = extended(comm, 8);
                    String compression = aifc ? fourCc(comm, 18) : "NONE";
                    coding = coding(file, compression, comm);
                    format = format(file, channels, bits, rateHz, coding, compression);
                }
                case "SSND" -> {
                    if (size < 8 || remaining < 8) {
                        throw fault(file, "bad SSND chunk: " + size + " bytes (need at least 8)");
                    }
                    long offset = FlacReader.readAt(channel, body, 8).getInt(0) & 0xFFFF_FFFFL;
                    dataOffset = body + 8 + offset;
                    dataBytes = size - 8 - offset;
                    if (dataBytes < 0) {
                        throw fault(file, "bad SSND chunk: its offset (" + offset + ") lies beyond its size (" + size
                                + " bytes)");
                    }
                }
                default -> {
                    if (size > remaining) {
                        throw fault(file, "chunk '" + printable(id.strip()) + "' claims " + size + " bytes, but only " + remaining
                                + " remain in the file (corrupt or truncated)");
                    }
                }
            }
            pos = body + size + (size & 1);
        }
        if (format == null) {
            throw fault(file, "missing COMM chunk (no format description)");
        }
        if (dataOffset < 0) {
            throw fault(file, "missing SSND chunk (no audio in the file)");
        }
        int blockAlign = format.blockAlignBytes();
        long present = Math.max(0, Math.min(dataBytes, fileSize - dataOffset)) / blockAlign;
        long frames = Math.min(declaredFrames, present);
        if (frames < declaredFrames) {
            warnings.add("COMM declares " + declaredFrames + " frames, the SSND chunk holds " + present
                    + "; reading those");
        }
        if (frames == 0) {
            throw fault(file, "no audio: the file holds 0 frames");
        }
        WavHeader header = new WavHeader(format, dataOffset, frames, declaredFrames, warnings);
        return new WavStream(file, channel, header, new AiffFrames(file, channel, header, coding), aifc ? AIFF_C : AIFF);
    }

    private static Coding coding(Path file, String compression, ByteBuffer comm) throws AudioFormatException {
        return switch (compression) {
            case "NONE", "twos", "in24", "in32" -> Coding.BIG_ENDIAN_PCM;
            case "sowt" -> Coding.LITTLE_ENDIAN_PCM;
            case "fl32", "FL32", "fl64", "FL64" -> Coding.BIG_ENDIAN_FLOAT;
            default -> {
                String name = comm.limit() > 22 ? pascalString(comm, 22) : "";
                throw fault(file, "unsupported AIFF-C compression '" + printable(compression) + "'"
                        + (name.isBlank() ? "" : " (" + name + ")") + "; " + ConversionHint.convertFirst(file));
            }
        };
    }

    private static WavFormat format(Path file, int channels, int bits, double rateHz, Coding coding,
            String compression) throws AudioFormatException {
        if (channels < WavHeaderParser.MIN_CHANNELS || channels > WavHeaderParser.MAX_CHANNELS) {
            throw fault(file, "bad COMM chunk: " + channels + " channels (1 to 8 are supported)");
        }
        if (!(rateHz >= WavHeaderParser.MIN_RATE_HZ && rateHz <= WavHeaderParser.MAX_RATE_HZ)) {
            throw fault(file, "bad COMM chunk: sample rate " + String.format(Locale.ROOT, "%.6g", rateHz)
                    + " Hz is out of range (8000 to 384000 Hz)");
        }
        if (rateHz != Math.rint(rateHz)) {
            throw fault(file, "bad COMM chunk: sample rate " + rateHz + " Hz is not a whole number of hertz");
        }
        int container;
        WavFormat.Encoding encoding;
        if (coding == Coding.BIG_ENDIAN_FLOAT) {
            container = compression.equalsIgnoreCase("fl64") ? 64 : 32;
            encoding = WavFormat.Encoding.IEEE_FLOAT;
            bits = container;
        } else {
            if (bits < 1 || bits > 32) {
                throw fault(file, "bad COMM chunk: " + bits + " bits per sample (1 to 32 are supported)");
            }
            container = (bits + 7) / 8 * 8;
            encoding = WavFormat.Encoding.PCM_INTEGER;
        }
        return new WavFormat(encoding, container, bits, channels, (int) rateHz, ChannelLayout.standard(channels),
                false);
    }

    /** An 80-bit IEEE 754 extended-precision number: sign, 15-bit exponent, 64-bit mantissa with its integer bit. */
    static double extended(ByteBuffer b, int at) {
        int signExponent = b.getShort(at) & 0xFFFF;
        long mantissa = b.getLong(at + 2);
        int exponent = signExponent & 0x7FFF;
        if (exponent == 0x7FFF) {
            return Double.NaN;
        }
        double unsigned = (mantissa >>> 1) * 2.0 + (mantissa & 1);
        double value = Math.scalb(unsigned, exponent - 16383 - 63);
        return (signExponent & 0x8000) != 0 ? -value : value;
    }

    private static String pascalString(ByteBuffer b, int at) {
        int length = Math.min(b.get(at) & 0xFF, b.limit() - at - 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int c = b.get(at + 1 + i) & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return s.toString();
    }

    /** A four-character code fit for a one-line message: anything but printable ASCII as \\xNN. */
    private static String printable(String code) {
        StringBuilder s = new StringBuilder();
        for (char c : code.toCharArray()) {
            s.append(c >= 0x20 && c < 0x7F && c != '\'' && c != '\\' ? String.valueOf(c)
                    : String.format(Locale.ROOT, "\\x%02X", (int) c));
        }
        return s.toString();
    }

    private static String fourCc(ByteBuffer b, int at) {
        if (b.limit() < at + 4) {
            return "";
        }
        byte[] bytes = new byte[4];
        b.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static AudioFormatException fault(Path file, String message) {
        return new AudioFormatException(file, message);
    }

    /** The sound data, decoded block by block through one buffer; any frame can be read first. */
    private static final class AiffFrames implements FrameSource {
        private static final VarHandle SHORT_BE = view(short[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle INT_BE = view(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle LONG_BE = view(long[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle SHORT_LE = view(short[].class, ByteOrder.LITTLE_ENDIAN);
        private static final VarHandle INT_LE = view(int[].class, ByteOrder.LITTLE_ENDIAN);
        private static final int SLACK_BYTES = 8;

        private final Path file;
        private final FileChannel channel;
        private final WavHeader header;
        private final WavFormat format;
        private final Coding coding;
        private final int blockFrames;
        private final byte[] bytes;
        private float floatPeak;

        AiffFrames(Path file, FileChannel channel, WavHeader header, Coding coding) {
            this.file = file;
            this.channel = channel;
            this.header = header;
            this.format = header.format();
            this.coding = coding;
            this.blockFrames = (int) Math.max(1, Math.min(header.frames(), WavReader.CHUNK_BYTES
                    / format.blockAlignBytes()));
            this.bytes = new byte[blockFrames * format.blockAlignBytes() + SLACK_BYTES];
        }

        private static VarHandle view(Class<?> type, ByteOrder order) {
            return MethodHandles.byteArrayViewVarHandle(type, order);
        }

        @Override
        public float floatPeak() {
            return floatPeak;
        }

        @Override
        public void decode(long first, float[][] out, int at, int frames) throws IOException {
            int align = format.blockAlignBytes();
            for (int done = 0; done < frames; ) {
                int n = Math.min(blockFrames, frames - done);
                ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, n * align);
                long position = header.dataOffset() + (first + done) * align;
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new AudioFormatException(file, "file ended while reading the audio (changed on disk?)");
                    }
                }
                for (int c = 0; c < out.length; c++) {
                    decode(c, out[c], at + done, n, first + done);
                }
                done += n;
            }
        }

        private void decode(int c, float[] dst, int at, int frames, long firstFrame) throws AudioFormatException {
            byte[] in = bytes;
            int step = format.blockAlignBytes();
            int p = c * format.bytesPerSample();
            int end = at + frames;
            int container = format.bitsPerSample();
            if (coding == Coding.BIG_ENDIAN_FLOAT) {
                float peak = floatPeak;
                for (int i = at; i < end; i++, p += step) {
                    double v = container == 32 ? Float.intBitsToFloat((int) INT_BE.get(in, p))
                            : Double.longBitsToDouble((long) LONG_BE.get(in, p));
                    float f = (float) v;
                    float a = Math.abs(f);
                    if (!(a <= WavReader.Decoder.FLOAT_LIMIT)) {
                        String what = Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? "infinite" : "out-of-range ("
                                + v + ", beyond +192.7 dBFS)";
                        throw new AudioFormatException(file, Timecode.badSample(what, firstFrame + (i - at), c,
                                format.sampleRate()));
                    }
                    peak = a > peak ? a : peak;
                    dst[i] = f;
                }
                floatPeak = peak;
                return;
            }
            boolean little = coding == Coding.LITTLE_ENDIAN_PCM;
            switch (container) {
                case 8 -> {
                    for (int i = at; i < end; i++, p += step) {
                        dst[i] = in[p] * 0x1p-7f; // AIFF's 8-bit samples are signed
                    }
                }
                case 16 -> {
                    if (little) {
                        for (int i = at; i < end; i++, p += step) {
                            dst[i] = (short) SHORT_LE.get(in, p) * 0x1p-15f;
                        }
                    } else {
                        for (int i = at; i < end; i++, p += step) {
                            dst[i] = (short) SHORT_BE.get(in, p) * 0x1p-15f;
                        }
                    }
                }
                case 24 -> {
                    // One 4-byte load per sample (the buffer has slack), keeping the sample's three bytes.
                    if (little) {
                        for (int i = at; i < end; i++, p += step) {
                            dst[i] = ((int) INT_LE.get(in, p) << 8 >> 8) * 0x1p-23f;
                        }
                    } else {
                        for (int i = at; i < end; i++, p += step) {
                            dst[i] = ((int) INT_BE.get(in, p) >> 8) * 0x1p-23f;
                        }
                    }
                }
                default -> {
                    if (little) {
                        for (int i = at; i < end; i++, p += step) {
                            dst[i] = (int) INT_LE.get(in, p) * 0x1p-31f;
                        }
                    } else {
                        for (int i = at; i < end; i++, p += step) {
                            dst[i] = (int) INT_BE.get(in, p) * 0x1p-31f;
                        }
                    }
                }
            }
        }
    }
}
