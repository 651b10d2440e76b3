package org.freshears.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * A compressed audio file that Fresh Ears decodes through ffmpeg, recognised by its first bytes, never by
 * its name: MP3 (and MP2), AAC in ADTS or MP4/M4A (and ALAC there), Ogg (Vorbis, Opus, FLAC, Speex),
 * WebM/Matroska, WMA (ASF), Core Audio (CAF), WavPack, Monkey's Audio and AC-3. WAV, FLAC and AIFF are not
 * here: Fresh Ears reads those itself.
 *
 * @param container the container as it is known from its bytes
 * @param codec     the codec when the bytes say (Ogg's first packet, MP3's frame header); null when only
 *                  ffmpeg can say (MP4, Matroska, ASF, CAF)
 * @param opusInputRateHz for Opus, the sample rate the encoder was given (OpusHead), 0 when unknown or not Opus
 */
public record EncodedFormat(Container container, String codec, int opusInputRateHz) {
    /** What the first bytes tell apart. */
    public enum Container {
        MPEG_AUDIO("MPEG audio"), ADTS("ADTS"), MP4("MP4"), M4A("M4A"), OGG("Ogg"), MATROSKA("WebM/Matroska"), ASF("ASF"),
        CAF("CAF"), WAVPACK("WavPack"), MONKEYS_AUDIO("Monkey's Audio"), AC3("AC-3");

        private final String label;

        Container(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** ASF's header object GUID (75B22630-668E-11CF-A6D9-00AA0062CE6C) as stored. */
    private static final byte[] ASF_GUID = {0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF, 0x11};
    private static final int HEAD_BYTES = 128;

    /** The format of the file by its first bytes, or empty when it is none of these (WAV, FLAC, AIFF, other). */
    public static Optional<EncodedFormat> sniff(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = readAt(channel, 0, HEAD_BYTES);
            long start = 0;
            if (head.limit() >= 10 && ascii(head, 0, 3).equals("ID3")) {
                // An ID3v2 tag (10 bytes, a syncsafe size, a footer when flagged) before the audio: MP3 usually,
                // but FLAC may carry one too, and that is read natively.
                start = 10 + syncsafe(head, 6) + ((head.get(5) & 0x10) != 0 ? 10 : 0);
                head = readAt(channel, start, HEAD_BYTES);
                if (head.limit() >= 4 && ascii(head, 0, 4).equals("fLaC")) {
                    return Optional.empty();
                }
            }
            return Optional.ofNullable(byHead(head, start > 0));
        }
    }

    private static EncodedFormat byHead(ByteBuffer head, boolean afterId3) {
        int n = head.limit();
        if (n < 4) {
            return null;
        }
        String first4 = ascii(head, 0, 4);
        int b0 = head.get(0) & 0xFF;
        int b1 = head.get(1) & 0xFF;
        int b2 = head.get(2) & 0xFF;
        if (b0 == 0xFF && (b1 & 0xF6) == 0xF0) {
            return new EncodedFormat(Container.ADTS, "aac", 0);
        }
        if (b0 == 0xFF && (b1 & 0xE0) == 0xE0) {
            int version = (b1 >> 3) & 3; // 1 is reserved
            int layer = (b1 >> 1) & 3; // 1 = Layer III, 2 = II, 3 = I
            boolean valid = version != 1 && layer != 0 && (b2 >> 4) != 15 && ((b2 >> 2) & 3) != 3;
            if (valid) {
                return new EncodedFormat(Container.MPEG_AUDIO, layer == 1 ? "mp3" : layer == 2 ? "mp2" : "mp1", 0);
            }
        }
        if (afterId3) {
            return null; // a tag before something we do not know: the native readers say what it is
        }
        if (first4.equals("OggS")) {
            return ogg(head);
        }
        if (n >= 12 && ascii(head, 4, 8).equals("ftyp")) {
            return new EncodedFormat(ascii(head, 8, 10).equals("M4") ? Container.M4A : Container.MP4, null, 0);
        }
        if (b0 == 0x1A && b1 == 0x45 && b2 == 0xDF && (head.get(3) & 0xFF) == 0xA3) {
            return new EncodedFormat(Container.MATROSKA, null, 0);
        }
        if (n >= 8 && startsWith(head, ASF_GUID)) {
            return new EncodedFormat(Container.ASF, null, 0);
        }
        if (first4.equals("caff")) {
            return new EncodedFormat(Container.CAF, null, 0);
        }
        if (first4.equals("wvpk")) {
            return new EncodedFormat(Container.WAVPACK, "wavpack", 0);
        }
        if (first4.equals("MAC ")) {
            return new EncodedFormat(Container.MONKEYS_AUDIO, "ape", 0);
        }
        if (b0 == 0x0B && b1 == 0x77) {
            return new EncodedFormat(Container.AC3, "ac3", 0);
        }
        return null;
    }

    /** Ogg: the first page's first packet names the codec (RFC 7845 for Opus, the Vorbis I spec, Ogg FLAC). */
    private static EncodedFormat ogg(ByteBuffer head) {
        int n = head.limit();
        if (n < 27) {
            return new EncodedFormat(Container.OGG, null, 0);
        }
        int packet = 27 + (head.get(26) & 0xFF);
        String codec = null;
        int inputRate = 0;
        if (packet + 8 <= n) {
            String magic = ascii(head, packet, packet + 8);
            if (magic.startsWith("OpusHead")) {
                codec = "opus";
                if (packet + 16 <= n) {
                    inputRate = head.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(packet + 12);
                }
            } else if (magic.substring(1, 7).equals("vorbis") && head.get(packet) == 1) {
                codec = "vorbis";
            } else if (magic.substring(1, 5).equals("FLAC") && head.get(packet) == 0x7F) {
                codec = "flac";
            } else if (magic.startsWith("Speex")) {
                codec = "speex";
            }
        }
        return new EncodedFormat(Container.OGG, codec, Math.max(0, inputRate));
    }

    /**
     * The name a user knows, given the codec ffmpeg found when the bytes did not say: "MP3", "AAC (M4A)",
     * "ALAC (M4A)", "Ogg Vorbis", "Ogg Opus", "AAC (ADTS)", "Opus (WebM/Matroska)".
     */
    public String name(String ffmpegCodec) {
        String c = codecName(codec != null ? codec : ffmpegCodec);
        return switch (container) {
            case MPEG_AUDIO, WAVPACK, MONKEYS_AUDIO, AC3 -> c;
            case OGG -> "Ogg " + c;
            default -> c + " (" + container.label() + ")";
        };
    }

    /** What the bytes alone say it is, before ffmpeg has looked: "MP3", "Ogg Vorbis", "M4A", "ADTS AAC". */
    public String describe() {
        return switch (container) {
            case MPEG_AUDIO, WAVPACK, MONKEYS_AUDIO, AC3 -> codecName(codec);
            case OGG -> codec == null ? "Ogg" : "Ogg " + codecName(codec);
            case ADTS -> "ADTS AAC";
            default -> container.label();
        };
    }

    /** "an MP3", "a WebM/Matroska": for a sentence. */
    public String article() {
        String d = describe();
        boolean vowelSound = "AEFHILMNORSX".indexOf(d.charAt(0)) >= 0 && !d.startsWith("Mon") && !d.startsWith("Ho");
        return (vowelSound ? "an " : "a ") + d;
    }

    /** ffmpeg's codec names as people say them. */
    static String codecName(String ffmpegCodec) {
        if (ffmpegCodec == null || ffmpegCodec.isBlank()) {
            return "unknown codec";
        }
        return switch (ffmpegCodec) {
            case "mp3", "mp3float" -> "MP3";
            case "mp2", "mp2float" -> "MP2";
            case "mp1" -> "MP1";
            case "aac", "aac_latm" -> "AAC";
            case "alac" -> "ALAC";
            case "vorbis" -> "Vorbis";
            case "opus" -> "Opus";
            case "flac" -> "FLAC";
            case "speex" -> "Speex";
            case "wavpack" -> "WavPack";
            case "ape" -> "Monkey's Audio";
            case "ac3" -> "AC-3";
            case "eac3" -> "E-AC-3";
            case "wmav1", "wmav2" -> "WMA";
            case "wmapro" -> "WMA Pro";
            case "wmalossless" -> "WMA Lossless";
            default -> ffmpegCodec.startsWith("pcm_") ? "PCM" : ffmpegCodec.toUpperCase(Locale.ROOT);
        };
    }

    static ByteBuffer readAt(FileChannel channel, long position, int bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                break;
            }
        }
        return buffer.flip();
    }

    private static long syncsafe(ByteBuffer b, int at) {
        return ((b.get(at) & 0x7FL) << 21) | ((b.get(at + 1) & 0x7FL) << 14) | ((b.get(at + 2) & 0x7FL) << 7)
                | (b.get(at + 3) & 0x7FL);
    }

    private static boolean startsWith(ByteBuffer b, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b.get(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(ByteBuffer b, int from, int to) {
        byte[] bytes = new byte[Math.max(0, Math.min(to, b.limit()) - from)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = b.get(from + i);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
