package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KWeightedPowerTest {

    /**
     * A meter that keeps its squares and one that does not run the same loop (the second into a ring of its
     * own), so they must give the same hop sums to the bit, however the audio is fed; and the kept squares are
     * the ones those sums add up.
     */
    @Test
    void keepingTheSquaresOrNotGivesTheSameHopSumsToTheBit() {
        int rate = 48_000;
        HopGrid grid = new HopGrid(rate);
        float[] audio = new float[3 * rate + 1234];
        long seed = 0x5EED;
        for (int i = 0; i < audio.length; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            audio[i] = (float) (0.5 * StrictMath.sin(2 * StrictMath.PI * 997 * i / rate) + (seed >> 40) * 0x1p-25);
        }
        float[] ring = new float[1 << 18]; // longer than the audio: every square stays where it was written
        KWeightedPower keeping = new KWeightedPower(grid, KWeighting.shelf(rate), KWeighting.highPass(rate), ring);
        KWeightedPower notKeeping = new KWeightedPower(grid, KWeighting.shelf(rate), KWeighting.highPass(rate), null);
        keeping.feed(audio, 0, audio.length);
        for (int from = 0, block = 1000; from < audio.length; from += block, block = block * 3 % 7919 + 1) {
            notKeeping.feed(audio, from, Math.min(block, audio.length - from));
        }

        assertEquals(30, keeping.completeHops());
        assertEquals(keeping.completeHops(), notKeeping.completeHops());
        for (int k = 0; k < keeping.completeHops(); k++) {
            assertEquals(Double.doubleToRawLongBits(keeping.hopSum(k)), Double.doubleToRawLongBits(notKeeping.hopSum(k)),
                    "hop " + k);
            double sum = 0;
            for (long frame = grid.start(k); frame < grid.start(k + 1); frame++) {
                sum += ring[(int) frame];
            }
            assertEquals(keeping.hopSum(k), sum, 0.0, "hop " + k);
        }
        assertEquals(Double.doubleToRawLongBits(keeping.partialHopSum()),
                Double.doubleToRawLongBits(notKeeping.partialHopSum()));
    }
}
