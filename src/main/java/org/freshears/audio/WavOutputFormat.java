package org.freshears.audio;

import java.util.Objects;

/**
 * The sample format a master is written in: 16 or 24-bit PCM (requantised with {@link Dither}) or
 * 32-bit IEEE float (written exactly, no dither), at the master's own sample rate or, for a deliverable,
 * another one ({@code sampleRateHz}, 0 for the master's own: the render converts before it dithers).
 * Factories {@link #pcm16()}, {@link #pcm24()}, {@link #float32()}; {@code pcm24().dither(Dither.tpdf())}
 * adds dither (integer formats default to none, so nothing is added unless asked for and recorded),
 * {@code pcm16().sampleRate(44_100)} a delivery rate.
 */
public record WavOutputFormat(int bitsPerSample, boolean floatingPoint, Dither dither, int sampleRateHz) {
    /** {@link #sampleRateHz} of a format written at the master's own rate. */
    public static final int MASTER_RATE = 0;

    public WavOutputFormat {
        Objects.requireNonNull(dither, "dither");
        if (sampleRateHz != MASTER_RATE
                && (sampleRateHz < WavHeaderParser.MIN_RATE_HZ || sampleRateHz > WavHeaderParser.MAX_RATE_HZ)) {
            throw new IllegalArgumentException("sample rate must be " + WavHeaderParser.MIN_RATE_HZ + " to "
                    + WavHeaderParser.MAX_RATE_HZ + " Hz, got " + sampleRateHz
                    + (sampleRateHz > 0 && sampleRateHz < 1000 ? " (if you meant " + sampleRateHz + " kHz, write "
                    + sampleRateHz * 1000 + ")" : ""));
        }
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

    /** At the master's own sample rate. */
    public WavOutputFormat(int bitsPerSample, boolean floatingPoint, Dither dither) {
        this(bitsPerSample, floatingPoint, dither, MASTER_RATE);
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
        return new WavOutputFormat(bitsPerSample, floatingPoint, newDither, sampleRateHz);
    }

    /** A copy written at another sample rate (Hz): the master is converted before it is dithered. */
    public WavOutputFormat sampleRate(int newSampleRateHz) {
        return new WavOutputFormat(bitsPerSample, floatingPoint, dither, newSampleRateHz);
    }

    /** The rate the file is written at, for a master at {@code masterRateHz}. */
    public int sampleRateFor(int masterRateHz) {
        return sampleRateHz == MASTER_RATE ? masterRateHz : sampleRateHz;
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

    /** What the file's name must end in (compared ignoring case): ".wav", since every format here is WAV. */
    public String extension() {
        return ".wav";
    }

    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /** Every parameter; a format at the master's own rate says so rather than "0". */
    @Override
    public String toString() {
        return "WavOutputFormat[bitsPerSample=" + bitsPerSample + ", floatingPoint=" + floatingPoint + ", dither="
                + dither + ", sampleRateHz=" + (sampleRateHz == MASTER_RATE ? "the master's" : sampleRateHz) + "]";
    }
}
