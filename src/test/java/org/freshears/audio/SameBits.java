package org.freshears.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bit identity of two buffers: same shape, rate, and raw float bits (so -0.0 differs from 0.0). */
final class SameBits {
    private SameBits() {
    }

    static void assertSameBits(AudioBuffer expected, AudioBuffer actual) {
        assertEquals(expected.channels(), actual.channels(), "channels");
        assertEquals(expected.frames(), actual.frames(), "frames");
        assertEquals(expected.sampleRate(), actual.sampleRate(), "sample rate");
        for (int c = 0; c < expected.channels(); c++) {
            float[] e = expected.channel(c);
            float[] a = actual.channel(c);
            for (int i = 0; i < e.length; i++) {
                if (Float.floatToRawIntBits(e[i]) != Float.floatToRawIntBits(a[i])) {
                    assertEquals(e[i], a[i], "channel " + c + ", frame " + i);
                    throw new AssertionError("channel " + c + ", frame " + i + ": " + e[i] + " vs " + a[i]);
                }
            }
        }
    }
}
