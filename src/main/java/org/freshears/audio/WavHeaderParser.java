package org.freshears.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Walks the RIFF/RF64 chunk list with small positioned reads, never allocating more than a fixed
 * few dozen bytes whatever a chunk claims. Sources: Microsoft/IBM "Multimedia Programming Interface
 * and Data Specifications 1.0" (1991, RIFF and WAVE); Microsoft "Multiple channel audio data and
 * WAVE files" (WAVE_FORMAT_EXTENSIBLE); EBU Tech 3306 (RF64, ds64) and ITU-R BS.2088 (BW64).
 */
final class WavHeaderParser {
    static final int MIN_CHANNELS = 1;
    static final int MAX_CHANNELS = 8;
    static final int MIN_RATE_HZ = 8_000;
    static final int MAX_RATE_HZ = 384_000;
    /** A 32-bit RIFF size of all ones: RF64's "look in ds64" placeholder (EBU Tech 3306, sec. 3). */
    static final long PLACEHOLDER_SIZE = 0xFFFF_FFFFL;
    /** The fields of WAVEFORMATEXTENSIBLE end at byte 40 of the fmt chunk body. */
    private static final int EXTENSIBLE_FMT_BYTES = 40;
    /** The fmt fields common to every format (WAVEFORMAT plus wBitsPerSample). */
    private static final int BASIC_FMT_BYTES = 16;
    /** ds64 fixed part: riffSize, dataSize, sampleCount (8 bytes each), tableLength (4). */
    private static final int DS64_FIXED_BYTES = 28;
    /** A ds64 table entry: a chunk id and its 64-bit size. */
    private static final int DS64_ENTRY_BYTES = 12;
    /**
     * ds64 table entries read at most. Real files list a handful of chunks (EBU Tech 3306 expects only
     * those over 4 GiB); a corrupt table length must not make us read or keep millions of entries.
     */
    private static final int DS64_MAX_ENTRIES = 256;
    /**
     * The tail shared by KSDATAFORMAT_SUBTYPE_PCM {00000001-0000-0010-8000-00AA00389B71} and
     * _IEEE_FLOAT {00000003-...}: bytes 4..15 of the GUID as stored (Data2, Data3 little-endian, Data4).
     */
    private static final byte[] BASE_GUID_TAIL = {0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00,
            0x38, (byte) 0x9B, 0x71};

    private final Path file;
    private final FileChannel channel;
    private final long fileSize;
    private final List<String> warnings = new ArrayList<>();

    private WavHeaderParser(Path file, FileChannel channel, long fileSize) {
        this.file = file;
        this.channel = channel;
        this.fileSize = fileSize;
    }

    static WavHeader parse(Path file, FileChannel channel) throws IOException {
        return new WavHeaderParser(file, channel, channel.size()).parse();
    }

    private WavHeader parse() throws IOException {
        if (fileSize == 0) {
            throw fault("empty file (0 bytes)");
        }
        ByteBuffer head = readAt(0, 12);
        String riffId = fourCc(head, 0, Math.min(4, head.limit()));
        boolean rf64 = riffId.equals("RF64") || riffId.equals("BW64");
        if (!riffId.equals("RIFF") && !rf64) {
            throw fault(notRiff(head, file));
        }
        if (head.limit() < 12) {
            throw fault("truncated header: the file is only " + fileSize + " bytes");
        }
        String formType = fourCc(head, 8, 12);
        if (!formType.equals("WAVE")) {
            throw fault(riffId + " file of type '" + printable(head, 8, 12) + "', not WAVE");
        }

        WavFormat format = null;
        long dataOffset = -1;
        long declaredDataBytes = 0;
        Map<String, Long> ds64Sizes = null;
        long ds64DataBytes = -1;
        long pos = 12;
        boolean previousWasPadded = false;
        boolean first = true;
        while (pos + 8 <= fileSize) {
            ByteBuffer header = readAt(pos, 8);
            String id = fourCc(header, 0, 4);
            if (!isChunkId(header)) {
                // Some writers forget the pad byte after an odd-sized chunk; the id then sits one byte
                // earlier. Accept that (as libsndfile does) rather than reject a mix over it.
                ByteBuffer earlier = previousWasPadded ? readAt(pos - 1, 8) : null;
                if (earlier != null && earlier.limit() == 8 && isChunkId(earlier)) {
                    pos--;
                    header = earlier;
                    id = fourCc(header, 0, 4);
                    warnings.add("chunk before '" + id + "' lacks its pad byte (a writer bug); tolerated");
                } else {
                    throw fault("corrupt chunk header at byte " + pos + " (" + printable(header, 0, 4)
                            + " is not a chunk id)");
                }
            }
            long size = header.getInt(4) & 0xFFFF_FFFFL;
            long body = pos + 8;
            long remaining = fileSize - body;
            if (first && rf64 && !id.equals("ds64")) {
                throw fault(riffId + " file without a ds64 chunk (it must be the first chunk)");
            }
            first = false;
            if (rf64 && size == PLACEHOLDER_SIZE && ds64Sizes != null) {
                if (id.equals("data")) {
                    size = ds64DataBytes;
                } else if (ds64Sizes.containsKey(id)) {
                    size = ds64Sizes.get(id);
                    if (size < 0) {
                        // Read as a signed 64-bit value, a size of -8 or -9 would step the walk back onto
                        // this very header, and a larger one before the file's start.
                        throw fault("ds64 table gives chunk '" + id.strip() + "' a negative size (" + size
                                + " bytes; corrupt)");
                    }
                }
            }
            switch (id) {
                case "ds64" -> {
                    if (size < DS64_FIXED_BYTES) {
                        throw fault("ds64 chunk too small (" + size + " bytes, need " + DS64_FIXED_BYTES + ")");
                    }
                    requireWithin(id, size, remaining);
                    ByteBuffer ds = readAt(body, DS64_FIXED_BYTES);
                    ds64DataBytes = ds.getLong(8);
                    if (ds64DataBytes < 0) {
                        throw fault("ds64 data size is absurd (" + Long.toUnsignedString(ds64DataBytes) + " bytes)");
                    }
                    long tableLength = ds.getInt(24) & 0xFFFF_FFFFL;
                    // Each table entry is a chunk id and a 64-bit size; never trust the count beyond
                    // what the chunk can hold.
                    int entries = (int) Math.min(DS64_MAX_ENTRIES,
                            Math.min(tableLength, (size - DS64_FIXED_BYTES) / DS64_ENTRY_BYTES));
                    ByteBuffer table = readAt(body + DS64_FIXED_BYTES, entries * DS64_ENTRY_BYTES);
                    ds64Sizes = new HashMap<>();
                    for (int i = 0; i < entries; i++) {
                        ds64Sizes.put(fourCc(table, i * DS64_ENTRY_BYTES, i * DS64_ENTRY_BYTES + 4),
                                table.getLong(i * DS64_ENTRY_BYTES + 4));
                    }
                }
                case "fmt " -> {
                    if (size < BASIC_FMT_BYTES) {
                        throw fault("fmt chunk too small (" + size + " bytes, need at least " + BASIC_FMT_BYTES + ")");
                    }
                    if (size > remaining) {
                        throw fault("truncated header: fmt chunk claims " + size + " bytes but only " + remaining
                                + " remain in the file");
                    }
                    if (format == null) {
                        format = parseFormat(readAt(body, (int) Math.min(size, EXTENSIBLE_FMT_BYTES)), size);
                    } else {
                        warnings.add("second fmt chunk ignored");
                    }
                }
                case "data" -> {
                    if (dataOffset >= 0) {
                        warnings.add("second data chunk ignored");
                        break;
                    }
                    dataOffset = body;
                    declaredDataBytes = size;
                    if (!rf64 && size == PLACEHOLDER_SIZE) {
                        warnings.add("data chunk size is unset (0xFFFFFFFF, an unfinished recording?); reading "
                                + "to the end of the file");
                        declaredDataBytes = remaining;
                    }
                }
                default -> requireWithin(id, size, remaining);
            }
            if (format != null && dataOffset >= 0) {
                break;
            }
            if (id.equals("data") && size > remaining) {
                break; // a truncated data chunk is the end of the file; fmt must be missing
            }
            previousWasPadded = (size & 1) == 1;
            long next = body + size + (size & 1);
            if (next <= pos) {
                // Only a chunk size outside the file (ruled out above) could do this; never loop on it.
                throw fault("chunk '" + id.strip() + "' at byte " + pos + " has an impossible size (" + size
                        + " bytes; corrupt)");
            }
            pos = next;
        }
        if ((format == null || dataOffset < 0) && pos < fileSize && fileSize - pos < 8) {
            throw fault("truncated header: the file ends inside a chunk header (byte " + pos + " of " + fileSize
                    + ")");
        }
        if (format == null) {
            throw fault(dataOffset >= 0 ? "missing fmt chunk (there is a data chunk but no format description)"
                    : "missing fmt chunk");
        }
        if (dataOffset < 0) {
            throw fault("missing data chunk (no audio in the file)");
        }
        return frames(format, dataOffset, declaredDataBytes);
    }

    private WavHeader frames(WavFormat format, long dataOffset, long declaredDataBytes) {
        int blockAlign = format.blockAlignBytes();
        long available = fileSize - dataOffset;
        long usable = Math.min(declaredDataBytes, available);
        long declaredFrames = declaredDataBytes / blockAlign;
        long frames = usable / blockAlign;
        if (declaredDataBytes > available) {
            warnings.add("data chunk declares " + declaredFrames + " frames, file holds " + frames
                    + "; reading those");
        } else if (usable % blockAlign != 0) {
            warnings.add("data chunk ends with " + usable % blockAlign + " bytes of a partial frame; ignored");
        }
        return new WavHeader(format, dataOffset, frames, declaredFrames, warnings);
    }

    private WavFormat parseFormat(ByteBuffer fmt, long fmtSize) throws IOException {
        int tag = fmt.getShort(0) & 0xFFFF;
        int channels = fmt.getShort(2) & 0xFFFF;
        long rateHz = fmt.getInt(4) & 0xFFFF_FFFFL;
        long byteRate = fmt.getInt(8) & 0xFFFF_FFFFL;
        int blockAlign = fmt.getShort(12) & 0xFFFF;
        int bits = fmt.getShort(14) & 0xFFFF;

        boolean extensible = tag == FormatTags.EXTENSIBLE;
        int codec = tag;
        int validBits;
        int mask = 0;
        if (extensible) {
            if (fmtSize < EXTENSIBLE_FMT_BYTES) {
                throw fault("extensible fmt chunk too small (" + fmtSize + " bytes, need " + EXTENSIBLE_FMT_BYTES
                        + ")");
            }
            validBits = fmt.getShort(18) & 0xFFFF;
            mask = fmt.getInt(20);
            codec = subFormat(fmt);
        } else {
            validBits = bits;
        }
        if (codec != FormatTags.PCM && codec != FormatTags.IEEE_FLOAT) {
            throw fault("unsupported codec: " + FormatTags.describe(codec,
                    extensible ? "extensible subformat" : "format tag")
                    + (FormatTags.name(codec) == null ? "" : "; " + ConversionHint.convertFirst(file)));
        }
        boolean isFloat = codec == FormatTags.IEEE_FLOAT;

        if (channels == 0) {
            throw fault("zero channels");
        }
        if (channels > MAX_CHANNELS) {
            throw fault(channels + " channels (" + MIN_CHANNELS + " to " + MAX_CHANNELS + " are supported)");
        }
        if (rateHz == 0) {
            throw fault("sample rate is 0 Hz");
        }
        if (rateHz < MIN_RATE_HZ || rateHz > MAX_RATE_HZ) {
            throw fault("sample rate " + rateHz + " Hz is out of range (" + MIN_RATE_HZ + " to " + MAX_RATE_HZ
                    + " Hz)");
        }
        if (bits == 0) {
            throw fault("bits per sample is 0");
        }
        // Plain PCM may state a depth that is not a whole number of bytes (e.g. 12 or 20): the 1991
        // spec stores such samples left-justified in the next whole byte, so read the container.
        int container = extensible ? bits : (bits + 7) / 8 * 8;
        if (extensible && bits % 8 != 0) {
            throw fault("unsupported bit depth: " + bits + "-bit container (must be whole bytes)");
        }
        if (isFloat && container != 32 && container != 64) {
            throw fault("unsupported bit depth: " + bits + "-bit float (32 and 64-bit are supported)");
        }
        if (!isFloat && container != 8 && container != 16 && container != 24 && container != 32) {
            throw fault("unsupported bit depth: " + bits + "-bit PCM (8, 16, 24 and 32-bit are supported)");
        }
        if (validBits == 0) {
            validBits = container; // some writers leave wValidBitsPerSample at 0; the container is the best reading
        }
        if (validBits > container) {
            throw fault("valid bits per sample (" + validBits + ") exceed the " + container + "-bit container");
        }
        int expectedAlign = channels * (container / 8);
        if (blockAlign != expectedAlign) {
            throw fault("block align is " + blockAlign + " bytes, expected " + expectedAlign + " (" + channels
                    + (channels == 1 ? " channel" : " channels") + " of " + container + "-bit samples)");
        }
        if (byteRate != rateHz * blockAlign) {
            warnings.add("fmt byte rate is " + byteRate + ", expected " + rateHz * blockAlign + "; ignored");
        }
        ChannelLayout layout = extensible ? ChannelLayout.fromMask(channels, mask) : ChannelLayout.standard(channels);
        return new WavFormat(isFloat ? WavFormat.Encoding.IEEE_FLOAT : WavFormat.Encoding.PCM_INTEGER, container,
                validBits, channels, (int) rateHz, layout, extensible);
    }

    /** The format tag a KSDATAFORMAT_SUBTYPE GUID stands for, or a fault naming an unknown GUID. */
    private int subFormat(ByteBuffer fmt) throws IOException {
        long data1 = fmt.getInt(24) & 0xFFFF_FFFFL;
        boolean base = data1 <= 0xFFFF;
        for (int i = 0; i < BASE_GUID_TAIL.length && base; i++) {
            base = fmt.get(28 + i) == BASE_GUID_TAIL[i];
        }
        if (!base) {
            throw fault("unsupported codec: unknown extensible subformat " + guid(fmt, 24));
        }
        return (int) data1;
    }

    private static String guid(ByteBuffer b, int at) {
        return String.format(Locale.ROOT, "{%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x}", b.getInt(at),
                b.getShort(at + 4), b.getShort(at + 6), b.get(at + 8), b.get(at + 9), b.get(at + 10),
                b.get(at + 11), b.get(at + 12), b.get(at + 13), b.get(at + 14), b.get(at + 15));
    }

    private void requireWithin(String id, long size, long remaining) throws IOException {
        if (size > remaining) {
            throw fault("chunk '" + id.strip() + "' claims " + size + " bytes, but only " + remaining
                    + " remain in the file (corrupt or truncated)");
        }
    }

    /** Describes a file that is not RIFF by its first bytes and what they look like. */
    private static String notRiff(ByteBuffer head, Path file) {
        int n = head.limit();
        String start = printable(head, 0, Math.min(4, n));
        String looksLike = null;
        String whatToDo = ConversionHint.convertFirst(file);
        int b0 = n > 0 ? head.get(0) & 0xFF : -1;
        int b1 = n > 1 ? head.get(1) & 0xFF : -1;
        String first4 = fourCc(head, 0, Math.min(4, n));
        if (first4.startsWith("ID3") || (b0 == 0xFF && (b1 & 0xE0) == 0xE0)) {
            looksLike = "an MP3 file";
            whatToDo = ConversionHint.convertFirstLossy(file);
        } else if (first4.equals("fLaC")) {
            return "not a WAV file (starts with \"fLaC\": a FLAC file, which AudioReader reads)";
        } else if (first4.equals("OggS")) {
            looksLike = "an Ogg file"; // Vorbis or Opus are lossy, but FLAC may come in Ogg too
        } else if (first4.equals("FORM") && n >= 12 && (fourCc(head, 8, 12).equals("AIFF")
                || fourCc(head, 8, 12).equals("AIFC"))) {
            return "not a WAV file (starts with \"FORM\": an AIFF file, which AudioReader reads)";
        } else if (first4.equals("FORM")) {
            looksLike = "an IFF file of type '" + printable(head, 8, Math.min(12, n)) + "', not AIFF";
        } else if (first4.equals("RIFX")) {
            looksLike = "a big-endian RIFX file, which is not supported";
        } else if (first4.equals("caff")) {
            looksLike = "a Core Audio file";
        } else if (n >= 8 && fourCc(head, 4, 8).equals("ftyp")) {
            looksLike = "an MP4/M4A file";
        } else if (isText(head)) {
            looksLike = "text";
        }
        boolean audio = looksLike != null && !looksLike.equals("text");
        // What is left is read by none of the native readers (WAV, FLAC, AIFF: AudioReader picks by content).
        return "not a WAV, FLAC or AIFF file (starts with \"" + start + "\"" + (looksLike == null ? "" : ": "
                + looksLike) + ")" + (audio ? "; " + whatToDo : "");
    }

    private static boolean isText(ByteBuffer head) {
        for (int i = 0; i < head.limit(); i++) {
            int b = head.get(i) & 0xFF;
            if (!(b >= 0x20 && b < 0x7F) && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean isChunkId(ByteBuffer header) {
        for (int i = 0; i < 4; i++) {
            int b = header.get(i) & 0xFF;
            if (b < 0x20 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static String fourCc(ByteBuffer b, int from, int to) {
        byte[] bytes = new byte[Math.max(0, to - from)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = b.get(from + i);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Printable ASCII kept, anything else as \xNN, so a fault stays one readable line. */
    private static String printable(ByteBuffer b, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            int c = b.get(i) & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                s.append((char) c);
            } else {
                s.append(String.format(Locale.ROOT, "\\x%02X", c));
            }
        }
        return s.toString();
    }

    /** Up to n bytes at pos (fewer at the end of the file), little-endian. */
    private ByteBuffer readAt(long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.max(0, Math.min(n, fileSize - pos)))
                .order(ByteOrder.LITTLE_ENDIAN);
        long at = pos;
        while (b.hasRemaining()) {
            int got = channel.read(b, at);
            if (got < 0) {
                break;
            }
            at += got;
        }
        b.flip();
        return b;
    }

    private AudioFormatException fault(String message) {
        return new AudioFormatException(file, message);
    }
}
