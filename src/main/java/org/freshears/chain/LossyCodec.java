package org.freshears.chain;

/**
 * A lossy codec at a bit rate, as a step names it ({@code aac} at 256 kb/s). Which names and rates are
 * valid is the translation package's business (it runs the codec); a step only records them.
 *
 * @param name        lower-case codec name: aac, mp3, opus, vorbis
 * @param bitrateKbps bit rate, kb/s
 */
public record LossyCodec(String name, int bitrateKbps) {
    public LossyCodec {
        if (name == null || !name.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("a codec name is lower-case letters and digits, got " + name);
        }
        if (bitrateKbps < 1 || bitrateKbps > 2_000) {
            throw new IllegalArgumentException("bitrateKbps must be in [1, 2000], got " + bitrateKbps);
        }
    }

    /** {@code aac:256}. */
    public String label() {
        return name + ":" + bitrateKbps;
    }

    @Override
    public String toString() {
        return label();
    }
}
