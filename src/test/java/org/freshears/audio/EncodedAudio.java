package org.freshears.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Test audio made in the test, and real encoders run on it: a WAV of music-like content (tones, noise,
 * silence, full-scale peaks, a stretch with zero low bits) that Debian's {@code flac} and {@code sox}
 * turn into the files the readers must decode to the same samples.
 */
final class EncodedAudio {
    private EncodedAudio() {
    }

    /**
     * A PCM WAV (WAVE_FORMAT_EXTENSIBLE, the layout's standard mask) of {@code frames} frames. The content
     * exercises every FLAC subframe type an encoder picks: silence (CONSTANT), noise (VERBATIM or escapes),
     * tones (FIXED and LPC), samples with zero low bits (wasted bits), both rails.
     */
    static Path wav(Path dir, String name, int bits, int channels, int rateHz, int frames, long seed)
            throws IOException {
        int bytes = bits / 8;
        SplittableRandom random = new SplittableRandom(seed);
        byte[] data = new byte[frames * channels * bytes];
        long max = (1L << (bits - 1)) - 1;
        long min = -(1L << (bits - 1));
        int p = 0;
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rateHz;
            for (int c = 0; c < channels; c++) {
                long v;
                int part = (int) (8L * i / frames);
                double tone = 0.5 * Math.sin(2 * Math.PI * (110 + 55 * c) * t) + 0.25 * Math.sin(2 * Math.PI * 3_000 * t);
                switch (part) {
                    case 0 -> v = 0; // silence
                    case 1 -> v = Math.round(tone * max);
                    case 2 -> v = Math.round(tone * max + random.nextGaussian() * max * 0.01);
                    case 3 -> v = random.nextLong(min, max + 1); // full-band noise over the whole range
                    case 4 -> v = (Math.round(tone * max) >> 4) << 4; // four wasted low bits
                    case 5 -> v = i % 64 < 32 ? max : min; // both rails
                    case 6 -> v = c == 0 ? Math.round(tone * max * 0.9) : Math.round(tone * max * 0.9) - (i & 3);
                    default -> v = Math.round(tone * max * 0.001 + random.nextGaussian() * 3); // quiet tail
                }
                v = Math.max(min, Math.min(max, v));
                if (bits == 8) {
                    v += 128; // 8-bit WAV is unsigned
                }
                for (int k = 0; k < bytes; k++) {
                    data[p++] = (byte) (v >>> (8 * k));
                }
            }
        }
        int mask = ChannelLayout.standard(channels).mask();
        byte[] fmt = WavBytes.fmtExtensible(channels, rateHz, bits, bits, mask, WavBytes.subtypeGuid(1));
        return WavBytes.write(dir, name, WavBytes.riff(fmt, WavBytes.chunk("data", data)));
    }
}
