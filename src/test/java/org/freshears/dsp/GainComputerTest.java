package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GainComputerTest {

    @Test
    void hardKneeIsThresholdPlusOvershootOverRatio() {
        GainComputer gc = new GainComputer(-20, 4, 0);
        assertEquals(0, gc.reductionDb(-30), 0);
        assertEquals(0, gc.reductionDb(-20), 0);
        // Output -20 + 12/4 = -17 for an input of -8: reduction 9 dB.
        assertEquals(9, gc.reductionDb(-8), 1e-12);
    }

    @Test
    void softKneeFollowsGiannoulisQuadratic() {
        GainComputer gc = new GainComputer(-20, 4, 10);
        assertEquals(-25, gc.kneeStartDb(), 0);
        assertEquals(0, gc.reductionDb(-25), 0);
        // At the threshold: (1 - 1/R) (W/2)^2 / (2W) = 0.75 * 25 / 20 = 0.9375 dB.
        assertEquals(0.9375, gc.reductionDb(-20), 1e-12);
        // Knee end (-15): meets the straight line 0.75 * 5 = 3.75 dB.
        assertEquals(3.75, gc.reductionDb(-15), 1e-12);
        assertEquals(0.75 * 10, gc.reductionDb(-10), 1e-12);
        // Continuous with matching slope at both knee edges.
        double h = 1e-6;
        assertEquals(gc.reductionDb(-15 - h), gc.reductionDb(-15 + h), 2e-6);
        assertEquals(0.75, (gc.reductionDb(-15 + h) - gc.reductionDb(-15 - h)) / (2 * h), 1e-5);
        assertEquals(0, (gc.reductionDb(-25 + h) - gc.reductionDb(-25 - h)) / (2 * h), 1e-5);
    }

    @Test
    void ratioOneNeverReduces() {
        GainComputer gc = new GainComputer(-40, 1, 6);
        for (double x = -60; x <= 20; x += 0.5) {
            assertEquals(0, gc.reductionDb(x), 0);
        }
    }

    @Test
    void rejectsBadSettings() {
        assertEquals("ratio must be >= 1 and finite, got 0.5",
                assertThrows(IllegalArgumentException.class, () -> new GainComputer(-20, 0.5, 0)).getMessage());
        assertEquals("kneeDb must be >= 0 and finite, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new GainComputer(-20, 2, -1)).getMessage());
    }
}
