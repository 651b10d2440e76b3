package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DelayLineTest {
    @Test
    void blocksGiveTheSamplesOfOneSampleAtATime() {
        // Delays 0 to 9 and 64, block lengths from 1 to three times the delay in a random order: the block path
        // (array copies, once a block is at least the delay) and the sample loop (shorter blocks) take turns.
        SplittableRandom random = new SplittableRandom(7);
        int blocksShorterThanTheDelay = 0;
        int blocksAtLeastTheDelay = 0;
        for (int delay : new int[] {0, 1, 2, 3, 5, 9, 64}) {
            float[] input = new float[4_000];
            for (int i = 0; i < input.length; i++) {
                input[i] = (float) random.nextDouble(-1, 1);
            }
            DelayLine one = new DelayLine(delay);
            float[] expected = new float[input.length];
            for (int i = 0; i < input.length; i++) {
                expected[i] = one.process(input[i]);
            }
            DelayLine blocks = new DelayLine(delay);
            float[] actual = new float[input.length + 10];
            System.arraycopy(input, 0, actual, 5, input.length); // an offset into a larger array
            for (int done = 0; done < input.length; ) {
                int n = Math.min(input.length - done, 1 + random.nextInt(3 * delay + 2));
                if (delay > 0 && n < delay) {
                    blocksShorterThanTheDelay++;
                } else if (delay > 0) {
                    blocksAtLeastTheDelay++;
                }
                blocks.process(actual, 5 + done, n);
                done += n;
            }
            float[] delayed = java.util.Arrays.copyOfRange(actual, 5, 5 + input.length);
            assertArrayEquals(expected, delayed, "delay " + delay);
            for (int i = 0; i < delay; i++) {
                assertEquals(0f, delayed[i], "silence first, delay " + delay);
            }
            assertEquals(input[input.length - 1 - delay], delayed[input.length - 1], "delay " + delay);
            assertEquals(0f, actual[4]);
            assertEquals(0f, actual[5 + input.length]);
        }
        assertTrue(blocksShorterThanTheDelay > 100 && blocksAtLeastTheDelay > 100,
                blocksShorterThanTheDelay + " short and " + blocksAtLeastTheDelay + " long blocks");
    }

    @Test
    void resetBringsBackSilence() {
        DelayLine line = new DelayLine(3);
        float[] first = {1, 2, 3, 4, 5};
        line.process(first, 0, first.length);
        line.reset();
        float[] second = {6, 7, 8, 9};
        line.process(second, 0, second.length);
        assertArrayEquals(new float[] {0, 0, 0, 6}, second);
    }
}
