package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GainReductionTraceTest {

    @Test
    void keepsTheMostExtremeGainPerHopAndSkipsLatency() {
        GainReductionTrace t = new GainReductionTrace(4, 3);
        t.restart(2);
        double[] pushes = {-9, -9, /* skipped */ 0, -1, -3, -2, /* hop 1 */ -0.5, 2, -1, 0, /* hop 2 */ -4};
        for (double g : pushes) {
            t.push(g);
        }
        assertEquals(3, t.hops());
        assertArrayEquals(new double[] {-3, 2, -4}, t.toArray());
        t.push(-1);
        t.push(-1);
        t.push(-1);
        t.push(-7); // beyond capacity
        assertEquals(1, t.droppedFrames());
        assertEquals(-4, t.gainDb(2));
    }

    @Test
    void sizedForADurationInWholeHops() {
        GainReductionTrace t = GainReductionTrace.forFrames(48_000, 48_001, 10);
        assertEquals(480, t.hopFrames());
        assertEquals(101, t.capacityHops());
        assertEquals(0, t.hops());
        assertEquals("hopMs must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> GainReductionTrace.forFrames(48_000, 10, 0))
                        .getMessage());
    }
}
