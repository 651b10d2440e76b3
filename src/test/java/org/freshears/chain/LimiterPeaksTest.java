package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import org.freshears.audio.AudioBuffer;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/** The held maxima a limiter's hold reads instead of searching its window's minimum again per try. */
class LimiterPeaksTest {
    /** What the hold window holds, searched the plain way: the largest of the last {@code window} values. */
    private static double[] bruteForce(double[] values, int window) {
        double[] out = new double[values.length];
        for (int m = 0; m < values.length; m++) {
            double max = 0;
            for (int j = Math.max(0, m - window + 1); j <= m; j++) {
                max = Math.max(max, values[j]);
            }
            out[m] = max;
        }
        return out;
    }

    @Test
    void theSlidingMaximumIsEachWindowsLargestValueForEveryWindowAndLength() {
        SplittableRandom random = new SplittableRandom(11);
        for (int length : new int[] {1, 2, 7, 256, 257, 1000}) {
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                // Mostly quiet with bursts, and runs of equal values (a held peak), as detected peaks are.
                values[i] = random.nextInt(5) == 0 ? random.nextDouble(2) : (i % 9 < 4 ? 0.25 : 0.0);
            }
            for (int window : new int[] {1, 2, 3, 16, 255, 256, 257, 999, 1000, 1001, 5000}) {
                assertArrayEquals(bruteForce(values, window), LimiterPeaks.slidingMaximum(values, window),
                        length + " values, window " + window);
            }
        }
    }

    @Test
    void theHeldMaximaAreKeptUntilADetectionRaisesPeaks() {
        // Loud then quiet: detecting down to 0.5 leaves the quiet half's peaks out; down to 0 raises them.
        AudioBuffer input = Signals.concat(Signals.sine(2, 48_000, 0.25, 1_000, -1),
                Signals.sine(2, 48_000, 0.25, 1_000, -40));
        Limiter limiter = new Limiter().ceilingDbtp(-1);
        PeakEnvelope envelope = PeakEnvelope.of(input, limiter);
        envelope.detectDownTo(0.5);
        double[] first = envelope.heldPeaks(272);
        assertSame(first, envelope.heldPeaks(272), "nothing detected since: the same maxima");
        assertArrayEquals(bruteForce(envelope.peaks(), 272), first);
        envelope.detectDownTo(0.5);
        assertSame(first, envelope.heldPeaks(272), "a detection that found nothing left to detect changes nothing");
        envelope.detectDownTo(0);
        double[] after = envelope.heldPeaks(272);
        assertNotSame(first, after, "peaks were raised: worked out again");
        assertArrayEquals(bruteForce(envelope.peaks(), 272), after);
        assertNotSame(after, envelope.heldPeaks(16), "another window: its own maxima");
    }
}
