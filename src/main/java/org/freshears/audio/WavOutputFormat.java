package org.freshears.audio;

import java.util.Objects;

/**
 * The sample format a master is written in: 16 or 24-bit PCM (requantised with {@link Dither}) or
 * 32-bit IEEE float (written exactly, no dither). Factories {@link #pcm16()}, {@link #pcm24()},
 * {@link #float32()}; {@code pcm24().dither(Dither.tpdf())} adds dither (integer formats default to
 * none, so nothing is added unless asked for and recorded).
 */
public record WavOutputFormat(int bitsPerSample, boolean floatingPoint, Dither dither) {

    public WavOutputFormat {
        Objects.requireNonNull(dither, "dither");
        if (floatingPoint) {
            if (bitsPerSample != 32) {
                throw new IllegalArgumentException("float output must be 32-bit, got " + bitsPerSample);
            }
            if (!dither.isNone()) {
                throw new IllegalArgumentException("dither applies to integer output; 32-bit float takes none, got "
                        + dither);
            }
        } else if (bitsPerSample != 16 && bitsPerSample != 24) {
            throw new IllegalArgumentException("integer output must be 16 or 24-bit, got " + bitsPerSample);
        }
    }

    public static WavOutputFormat pcm16() {
        return new WavOutputFormat(16, false, Dither.none());
    }

    public static WavOutputFormat pcm24() {
        return new WavOutputFormat(24, false, Dither.none());
    }

    public static WavOutputFormat float32() {
        return new WavOutputFormat(32, true, Dither.none());
    }

    /** A copy with the given dither. */
    public WavOutputFormat dither(Dither newDither) {
        return new WavOutputFormat(bitsPerSample, floatingPoint, newDither);
    }

    /**
     * What a user should know before trusting a render in this format, or null: 16-bit PCM without dither
     * truncates, and the error it leaves is distortion that follows the music (audible in fades and quiet
     * tails) instead of a steady noise floor. Allowed, since some want it, but never silently.
     */
    public String warning() {
        if (!floatingPoint && bitsPerSample == 16 && dither.isNone()) {
            return "16-bit without dither: the rounding to 16 bits is truncation distortion that follows the music"
                    + " (audible in fades and quiet passages); add .dither(tpdf()) for a steady noise floor instead";
        }
        return null;
    }

    public int bytesPerSample() {
        return bitsPerSample / 8;
    }
}
