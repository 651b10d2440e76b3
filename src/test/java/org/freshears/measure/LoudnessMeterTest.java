package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.audio.Speaker;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/** Behaviour beyond the EBU cases: calibration, missing values, timing of the histories, weights, grid. */
class LoudnessMeterTest {

    @Test
    void fullScaleSineOnOneFrontChannelReadsMinus3Point01() {
        // BS.1770-4: a 0 dBFS 997 Hz sine on one front channel reads -3.01 LKFS.
        AudioBuffer a = Signals.sine(2, 48_000, 10, 997, 0);
        java.util.Arrays.fill(a.channel(1), 0f);
        LoudnessReport r = LoudnessMeter.measure(a);
        assertEquals(-3.01, r.integratedLufs(), 0.01);
        assertEquals(-3.01, r.momentaryLufs()[50], 0.01);
        Pins.check("997Hz-one-channel I", r.integratedLufs());
    }

    @Test
    void silenceHasNoIntegratedLoudnessAndReadsMinusInfinityPerWindow() {
        LoudnessReport r = LoudnessMeter.measure(AudioBuffer.silence(2, 48_000 * 5, 48_000));
        assertTrue(Double.isNaN(r.integratedLufs()));
        assertTrue(Double.isNaN(r.relativeGateLufs()));
        assertTrue(Double.isNaN(r.loudnessRangeLu()));
        assertTrue(Double.isNaN(r.lraLowLufs()));
        assertEquals(Double.NEGATIVE_INFINITY, r.maxMomentaryLufs());
        assertEquals(Double.NEGATIVE_INFINITY, r.momentaryLufs()[10]);
        assertEquals(-70.0, r.absoluteGateLufs());
        assertTrue(Double.isNaN(LoudnessMeter.integratedLufs(AudioBuffer.silence(2, 48_000, 48_000))));
    }

    @Test
    void filesShorterThanTheWindowsHaveNoValues() {
        LoudnessReport r = LoudnessMeter.measure(Signals.sine(2, 48_000, 0.35, 1000, -20));
        assertEquals(3, r.historyLength()); // hops ending at 0.1, 0.2, 0.3 s
        assertTrue(Double.isNaN(r.momentaryLufs()[2]));
        assertTrue(Double.isNaN(r.integratedLufs()));
        assertTrue(Double.isNaN(r.maxMomentaryLufs()));
        assertTrue(Double.isNaN(r.maxShortTermLufs()));
        assertTrue(Double.isNaN(r.loudnessRangeLu()));
    }

    @Test
    void historyValueIEndsAtIPlusOneHundredMilliseconds() {
        // 1 s of silence, then a tone: the window ending at 1.0 s (value 9) is silent, the next is not.
        AudioBuffer a = Signals.concat(Signals.silence(2, 48_000, 1), Signals.sine(2, 48_000, 4, 1000, -20));
        LoudnessReport r = LoudnessMeter.measure(a);
        double[] m = r.momentaryLufs();
        double[] s = r.shortTermLufs();
        assertEquals(50, m.length);
        assertEquals(1.0, LoudnessReport.windowEndSeconds(9), 1e-15);
        assertTrue(Double.isNaN(m[2]) && !Double.isNaN(m[3]));
        assertTrue(Double.isNaN(s[28]) && !Double.isNaN(s[29]));
        assertEquals(Double.NEGATIVE_INFINITY, m[9]);
        assertTrue(m[10] > -40, "value 10 holds 100 ms of tone: " + m[10]);
        // 100 ms of a -20 dBFS tone in a 400 ms window: -20 + 10 log10(1/4), give or take the filter.
        assertEquals(-20 + 10 * Math.log10(0.25), m[10], 0.1);
        assertEquals(-20, m[13], 0.1);
    }

    @Test
    void integratedOnlyIsTheSameNumberAsTheFullMeasurementAndRunsAreIdentical() {
        AudioBuffer a = Signals.noise(2, 44_100, 44_100 * 7, 0.3, 7);
        LoudnessReport first = LoudnessMeter.measure(a);
        assertEquals(first.integratedLufs(), LoudnessMeter.integratedLufs(a), 0.0);
        assertEquals(first, LoudnessMeter.measure(a));
        Pins.check("noise7s I", first.integratedLufs());
        Pins.check("noise7s maxM", first.maxMomentaryLufs());
        Pins.check("noise7s LRA", first.loudnessRangeLu());
    }

    @Test
    void maximaAreFoundBetweenGridPointsAndNeverBelowThem() {
        // A 400 ms burst starting 50 ms after a grid point: no grid window holds all of it.
        AudioBuffer a = Signals.concat(Signals.silence(2, 48_000, 1.05), Signals.sine(2, 48_000, 0.4, 1000, -20),
                Signals.silence(2, 48_000, 3));
        LoudnessReport r = LoudnessMeter.measure(a);
        double gridMax = java.util.Arrays.stream(r.momentaryLufs()).filter(v -> !Double.isNaN(v)).max().getAsDouble();
        assertEquals(-20 + 10 * Math.log10(0.875), gridMax, 0.1); // 350 of 400 ms
        assertEquals(-20, r.maxMomentaryLufs(), 0.05);
        double shortGridMax = java.util.Arrays.stream(r.shortTermLufs()).filter(v -> !Double.isNaN(v)).max()
                .getAsDouble();
        assertTrue(r.maxShortTermLufs() >= shortGridMax);
    }

    @Test
    void silenceAfterLoudMaterialReadsExactlySilentNoDrift() {
        AudioBuffer a = Signals.concat(Signals.noise(2, 48_000, 48_000 * 10, 0.9, 3),
                Signals.silence(2, 48_000, 10));
        double[] m = LoudnessMeter.measure(a).momentaryLufs();
        // The K-filter's tail dies out within a second or two; after that every sum is exactly zero.
        assertEquals(Double.NEGATIVE_INFINITY, m[m.length - 1]);
        assertEquals(Double.NEGATIVE_INFINITY, m[m.length - 30]);
    }

    @Test
    void lfeIsIgnoredAndSurroundsWeighOnePointFourOne() {
        AudioBuffer tone = Signals.sine(1, 48_000, 5, 1000, -20);
        float[] x = tone.channel(0);
        float[] zero = new float[x.length];
        ChannelLayout fivePointOne = ChannelLayout.standard(6); // L R C LFE Ls Rs
        AudioBuffer onLfe = new AudioBuffer(new float[][] {zero, zero, zero, x, zero, zero}, 48_000, fivePointOne);
        assertTrue(Double.isNaN(LoudnessMeter.integratedLufs(onLfe)));
        AudioBuffer onLeft = new AudioBuffer(new float[][] {x, zero, zero, zero, zero, zero}, 48_000, fivePointOne);
        AudioBuffer onSurround = new AudioBuffer(new float[][] {zero, zero, zero, zero, x, zero}, 48_000,
                fivePointOne);
        double difference = LoudnessMeter.integratedLufs(onSurround) - LoudnessMeter.integratedLufs(onLeft);
        assertEquals(10 * Math.log10(1.41), difference, 1e-9);
        AudioBuffer sides = new AudioBuffer(new float[][] {x, zero}, 48_000,
                new ChannelLayout(List.of(Speaker.SIDE_LEFT, Speaker.FRONT_RIGHT)));
        assertEquals(LoudnessMeter.integratedLufs(onSurround), LoudnessMeter.integratedLufs(sides), 1e-9);
    }

    @Test
    void gridOfHopsIsExactAtRatesWhoseHundredMillisecondsAreNotWholeFrames() {
        HopGrid grid = new HopGrid(11_025);
        assertEquals(1103, grid.start(1)); // 1102.5 rounds up
        assertEquals(2205, grid.start(2));
        assertEquals(3308, grid.start(3));
        assertEquals(4410, grid.start(4)); // 400 ms exactly
        assertEquals(33_075, grid.start(30)); // 3 s exactly
        assertEquals(3, grid.hopOf(4409));
        assertEquals(4, grid.hopOf(4410));
        assertEquals(4, grid.completeHops(4411));
        HopGrid odd = new HopGrid(44_101); // not a multiple of 5: hops of 4410 and 4411 frames
        for (int k = 0; k < 1000; k++) {
            long len = odd.start(k + 1) - odd.start(k);
            assertTrue(len == 4410 || len == 4411);
            assertEquals(k, odd.hopOf(odd.start(k)));
            assertEquals(k, odd.hopOf(odd.start(k + 1) - 1));
        }
        for (int rate : new int[] {11_025, 22_050, 44_101}) {
            LoudnessReport r = LoudnessMeter.measure(Signals.sine(2, rate, 10, 1000, -23));
            assertEquals(100, r.historyLength());
            assertEquals(-23, r.integratedLufs(), 0.1, rate + " Hz");
            assertEquals(-23, r.maxMomentaryLufs(), 0.1, rate + " Hz");
            assertEquals(-23, r.maxShortTermLufs(), 0.1, rate + " Hz");
        }
    }

    @Test
    void percentilesUseNearestRank() {
        assertEquals(0, LoudnessMeter.nearestRank(1, 95));
        assertEquals(1, LoudnessMeter.nearestRank(11, 10)); // (10 * 10) / 100 = 1
        assertEquals(1, LoudnessMeter.nearestRank(6, 10)); // 0.5 rounds up
        assertEquals(95, LoudnessMeter.nearestRank(101, 95));
        assertEquals(9, LoudnessMeter.nearestRank(10, 95)); // 8.55 -> 9
    }
}
