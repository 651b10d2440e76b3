package org.freshears.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lossy codecs a master is checked through, each with the ffmpeg encoder Debian's ffmpeg has and the
 * bit rates that encoder accepts.
 */
public enum Codec {
    /** AAC-LC, ffmpeg's native encoder, in an MP4 (.m4a) container: what Apple Music and YouTube stream. */
    AAC("aac", "m4a", 32, 512),
    /** MP3 through LAME at a constant bit rate. */
    MP3("libmp3lame", "mp3", 32, 320),
    /** Opus through libopus in Ogg (always 48 kHz inside): what YouTube and many apps stream. */
    OPUS("libopus", "opus", 6, 510),
    /** Ogg Vorbis through libvorbis: what Spotify streams (to 320 kb/s). */
    VORBIS("libvorbis", "ogg", 45, 500);

    private final String encoder;
    private final String extension;
    private final int minKbps;
    private final int maxKbps;

    Codec(String encoder, String extension, int minKbps, int maxKbps) {
        this.encoder = encoder;
        this.extension = extension;
        this.minKbps = minKbps;
        this.maxKbps = maxKbps;
    }

    /** The lower-case name the CLI, the JSON and the DSL use. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** ffmpeg's name for the encoder ({@code -c:a}). */
    public String encoder() {
        return encoder;
    }

    public String extension() {
        return extension;
    }

    /** A codec at a bit rate, checked against what its encoder accepts. */
    public CodecSetting at(int bitrateKbps) {
        if (bitrateKbps < minKbps || bitrateKbps > maxKbps) {
            throw new IllegalArgumentException(key() + " bit rate must be " + minKbps + " to " + maxKbps + " kb/s, got "
                    + bitrateKbps);
        }
        return new CodecSetting(this, bitrateKbps);
    }

    /** The codec a lower-case name gives; refused with the valid names. */
    public static Codec named(String name) {
        for (Codec c : values()) {
            if (c.key().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown codec \"" + name.strip() + "\"; valid: " + validNames());
    }

    static String validNames() {
        List<String> names = new ArrayList<>();
        for (Codec c : values()) {
            names.add(c.key());
        }
        return String.join(", ", names) + " (as name:kbps, e.g. aac:256)";
    }
}
