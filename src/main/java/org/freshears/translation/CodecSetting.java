package org.freshears.translation;

import java.util.ArrayList;
import java.util.List;

/**
 * A codec at a bit rate: {@code aac:256}. Made through {@link Codec#at(int)}, which checks the rate.
 *
 * @param codec       the codec
 * @param bitrateKbps the bit rate asked of the encoder, kb/s (Vorbis at 160: quality 5, about 160 kb/s)
 */
public record CodecSetting(Codec codec, int bitrateKbps) {
    /** What the streaming services use: AAC 256 (Apple), MP3 320, Opus 160 (YouTube), Vorbis ~160 (Spotify). */
    public static final List<CodecSetting> DEFAULTS = List.of(Codec.AAC.at(256), Codec.MP3.at(320), Codec.OPUS.at(160),
            Codec.VORBIS.at(160));
    /** libvorbis's quality 5 is nominally 160 kb/s for 44.1 kHz stereo (libvorbis docs; ffmpeg -q:a 5). */
    static final int VORBIS_QUALITY_5_KBPS = 160;

    public CodecSetting {
        if (codec == null) {
            throw new IllegalArgumentException("a codec setting needs a codec");
        }
    }

    /** {@code aac:256}. */
    public String label() {
        return codec.key() + ":" + bitrateKbps;
    }

    @Override
    public String toString() {
        return label();
    }

    /** The encoder's arguments: its name and its rate (Vorbis at 160 by quality, as Spotify's encodes are). */
    List<String> encoderArguments() {
        List<String> args = new ArrayList<>(List.of("-c:a", codec.encoder()));
        if (codec == Codec.VORBIS && bitrateKbps == VORBIS_QUALITY_5_KBPS) {
            args.addAll(List.of("-q:a", "5"));
        } else {
            args.addAll(List.of("-b:a", bitrateKbps + "k"));
        }
        return args;
    }

    /** The codec a step names, checked: refused, with the valid names, when it is not one. */
    public static CodecSetting of(org.freshears.chain.LossyCodec codec) {
        return Codec.named(codec.name()).at(codec.bitrateKbps());
    }

    /** As a step names it. */
    public org.freshears.chain.LossyCodec asStepCodec() {
        return new org.freshears.chain.LossyCodec(codec.key(), bitrateKbps);
    }

    /** {@code aac:256} → AAC at 256 kb/s; refused, with the valid names, when it is not one. */
    public static CodecSetting parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("codec \"" + t + "\" needs a bit rate; valid: " + Codec.validNames());
        }
        Codec codec = Codec.named(t.substring(0, colon));
        int kbps;
        try {
            kbps = Integer.parseInt(t.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("codec \"" + t + "\": the bit rate must be whole kb/s; valid: "
                    + Codec.validNames());
        }
        return codec.at(kbps);
    }

    /** A comma-separated list: {@code aac:256,mp3:320}. */
    public static List<CodecSetting> parseList(String commaSeparated) {
        List<CodecSetting> settings = new ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) {
            CodecSetting s = parse(part);
            if (!settings.contains(s)) {
                settings.add(s);
            }
        }
        return settings;
    }
}
