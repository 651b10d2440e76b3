package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.dsp.Decibels;
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
    void aReductionGivenAsAnAmplitudeKeepsTheDbOfTheHopsSmallest() {
        GainReductionTrace t = new GainReductionTrace(4, 4);
        t.restart(1);
        double[] amplitudes = {/* skipped */ 0.1, 1, 0.5, 0.25, 0.9, /* hop 1 */ 1, 1, 1, 1, /* hop 2 */ 0.8, 0.7};
        for (double a : amplitudes) {
            t.pushReduction(a);
        }
        assertEquals(3, t.hops());
        // The partial hop is read as it stands, and goes on from there.
        assertEquals(Decibels.fromAmplitude(0.7), t.gainDb(2));
        t.pushReduction(0.75);
        t.pushReduction(0.6);
        assertArrayEquals(new double[] {Decibels.fromAmplitude(0.25), 0, Decibels.fromAmplitude(0.6)}, t.toArray());
        // Mixed with dB in one hop, the more extreme stands, whichever came first.
        t.push(-9);
        t.pushReduction(0.5);
        t.pushReduction(0.01);
        t.push(-1);
        assertArrayEquals(new double[] {Decibels.fromAmplitude(0.25), 0, Decibels.fromAmplitude(0.6),
                Decibels.fromAmplitude(0.01)}, t.toArray());
        t.pushReduction(0.001); // beyond capacity
        assertEquals(1, t.droppedFrames());
        // A copy taken mid-hop carries the hop's smallest amplitude on.
        GainReductionTrace mid = new GainReductionTrace(4, 2);
        mid.pushReduction(0.5);
        GainReductionTrace copy = new GainReductionTrace(4, 2);
        assertTrue(copy.copyFrom(mid));
        copy.pushReduction(0.9);
        assertEquals(Decibels.fromAmplitude(0.5), copy.gainDb(0));
        // restart forgets it.
        mid.restart(0);
        mid.pushReduction(1);
        assertEquals(0, mid.gainDb(0));
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
