package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.freshears.audio.AudioBuffer;
import org.freshears.testing.Signals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EBU Tech 3341 (loudness) and Tech 3342 (loudness range) conformance, signals synthesised from the
 * published definitions (1 kHz sines, stereo in phase, levels in peak dBFS per channel). Each case
 * first asserts the published tolerance, then the exact value this implementation gives
 * ({@link Pins}), so that any drift shows.
 */
class LoudnessConformanceTest {
    private static final double TOLERANCE_LU = 0.1; // Tech 3341: +-0.1 LU for cases 1-13
    private static final double LRA_TOLERANCE_LU = 1.0; // Tech 3342: +-1 LU

    private static AudioBuffer tone(int rate, double seconds, double peakDbfs) {
        return Signals.sine(2, rate, seconds, 1000, peakDbfs);
    }

    private static AudioBuffer silence(int rate, double seconds) {
        return Signals.silence(2, rate, seconds);
    }

    private static void assertNear(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance, what + ": expected " + expected + " +- " + tolerance
                + ", measured " + actual);
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void case1SteadyMinus23(int rate) {
        LoudnessReport r = LoudnessMeter.measure(tone(rate, 20, -23));
        assertSteady(r, -23, "3341-1@" + rate);
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void case2SteadyMinus33(int rate) {
        LoudnessReport r = LoudnessMeter.measure(tone(rate, 20, -33));
        assertSteady(r, -33, "3341-2@" + rate);
    }

    /** Every momentary and short-term value that exists, their maxima and the integrated loudness. */
    private static void assertSteady(LoudnessReport r, double lufs, String key) {
        double[] m = r.momentaryLufs();
        double[] s = r.shortTermLufs();
        assertEquals(200, m.length);
        for (int i = 3; i < m.length; i++) {
            assertNear(lufs, m[i], TOLERANCE_LU, key + " momentary[" + i + "]");
        }
        for (int i = 29; i < s.length; i++) {
            assertNear(lufs, s[i], TOLERANCE_LU, key + " short-term[" + i + "]");
        }
        assertNear(lufs, r.maxMomentaryLufs(), TOLERANCE_LU, key + " max M");
        assertNear(lufs, r.maxShortTermLufs(), TOLERANCE_LU, key + " max S");
        assertNear(lufs, r.integratedLufs(), TOLERANCE_LU, key + " I");
        Pins.check(key + " I", r.integratedLufs());
        Pins.check(key + " maxM", r.maxMomentaryLufs());
        Pins.check(key + " maxS", r.maxShortTermLufs());
        Pins.check(key + " M[100]", m[100]);
        Pins.check(key + " S[100]", s[100]);
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void case3RelativeGateRemovesQuietParts(int rate) {
        AudioBuffer a = Signals.concat(tone(rate, 10, -36), tone(rate, 60, -23), tone(rate, 10, -36));
        double i = LoudnessMeter.measure(a).integratedLufs();
        assertNear(-23, i, TOLERANCE_LU, "3341-3 I");
        Pins.check("3341-3@" + rate + " I", i);
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void case4AbsoluteGateRemovesNearSilence(int rate) {
        AudioBuffer a = Signals.concat(tone(rate, 10, -72), tone(rate, 10, -36), tone(rate, 60, -23),
                tone(rate, 10, -36), tone(rate, 10, -72));
        double i = LoudnessMeter.measure(a).integratedLufs();
        assertNear(-23, i, TOLERANCE_LU, "3341-4 I");
        Pins.check("3341-4@" + rate + " I", i);
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void case5LouderMiddle(int rate) {
        AudioBuffer a = Signals.concat(tone(rate, 20, -26), tone(rate, 20.1, -20), tone(rate, 20, -26));
        double i = LoudnessMeter.measure(a).integratedLufs();
        assertNear(-23, i, TOLERANCE_LU, "3341-5 I");
        Pins.check("3341-5@" + rate + " I", i);
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void case6FiveChannelsWithSurroundWeights(int rate) {
        // 5.0: L, R at -28, C at -24, Ls, Rs at -30 dBFS (surrounds weighted 1.41).
        AudioBuffer a = Signals.sineLevels(rate, 20, 1000, -28, -28, -24, -30, -30);
        double i = LoudnessMeter.measure(a).integratedLufs();
        assertNear(-23, i, TOLERANCE_LU, "3341-6 I");
        Pins.check("3341-6@" + rate + " I", i);
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void case9ShortTermSteadyAfterThreeSeconds(int rate) {
        List<AudioBuffer> parts = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            parts.add(tone(rate, 1.34, -20));
            parts.add(tone(rate, 1.66, -30));
        }
        LoudnessReport r = LoudnessMeter.measure(Signals.concat(parts.toArray(new AudioBuffer[0])));
        double[] s = r.shortTermLufs();
        assertEquals(150, s.length);
        for (int i = 29; i < s.length; i++) { // windows ending at 3.0 s and later
            assertNear(-23, s[i], TOLERANCE_LU, "3341-9 short-term[" + i + "]");
        }
        Pins.check("3341-9@" + rate + " S[29]", s[29]);
        Pins.check("3341-9@" + rate + " S[149]", s[149]);
        Pins.check("3341-9@" + rate + " maxS", r.maxShortTermLufs());
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void case10MaxShortTermAtAnyOffset(int rate) {
        for (int file = 0; file < 20; file++) {
            AudioBuffer a = Signals.concat(silence(rate, file * 0.15), tone(rate, 3, -23), silence(rate, 1));
            double maxS = LoudnessMeter.measure(a).maxShortTermLufs();
            assertNear(-23, maxS, TOLERANCE_LU, "3341-10 file " + file + " max S");
            Pins.check("3341-10@" + rate + " #" + file, maxS);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void case12MomentarySteadyAfterOneSecond(int rate) {
        List<AudioBuffer> parts = new ArrayList<>();
        for (int k = 0; k < 25; k++) {
            parts.add(tone(rate, 0.18, -20));
            parts.add(tone(rate, 0.22, -30));
        }
        LoudnessReport r = LoudnessMeter.measure(Signals.concat(parts.toArray(new AudioBuffer[0])));
        double[] m = r.momentaryLufs();
        assertEquals(100, m.length);
        for (int i = 9; i < m.length; i++) { // windows ending at 1.0 s and later
            assertNear(-23, m[i], TOLERANCE_LU, "3341-12 momentary[" + i + "]");
        }
        Pins.check("3341-12@" + rate + " M[9]", m[9]);
        Pins.check("3341-12@" + rate + " M[99]", m[99]);
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void case13MaxMomentaryAtAnyOffset(int rate) {
        for (int file = 0; file < 20; file++) {
            AudioBuffer a = Signals.concat(silence(rate, file * 0.02), tone(rate, 0.4, -23), silence(rate, 1));
            double maxM = LoudnessMeter.measure(a).maxMomentaryLufs();
            assertNear(-23, maxM, TOLERANCE_LU, "3341-13 file " + file + " max M");
            Pins.check("3341-13@" + rate + " #" + file, maxM);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void tech3342Case1(int rate) {
        assertRange(rate, 10, "3342-1", new double[] {-20, -30});
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void tech3342Case2(int rate) {
        assertRange(rate, 5, "3342-2", new double[] {-20, -15});
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void tech3342Case3(int rate) {
        assertRange(rate, 20, "3342-3", new double[] {-40, -20});
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void tech3342Case4(int rate) {
        assertRange(rate, 15, "3342-4", new double[] {-50, -35, -20, -35, -50});
    }

    private static void assertRange(int rate, double expectedLu, String name, double[] levels) {
        AudioBuffer[] parts = new AudioBuffer[levels.length];
        for (int k = 0; k < levels.length; k++) {
            parts[k] = tone(rate, 20, levels[k]);
        }
        LoudnessReport r = LoudnessMeter.measure(Signals.concat(parts));
        assertNear(expectedLu, r.loudnessRangeLu(), LRA_TOLERANCE_LU, name + " LRA");
        // "An exact implementation reads cases 1-4 to within a few hundredths" (reference sheet).
        assertNear(expectedLu, r.loudnessRangeLu(), 0.05, name + " LRA (exact)");
        assertEquals(r.lraHighLufs() - r.lraLowLufs(), r.loudnessRangeLu(), 0.0);
        Pins.check(name + "@" + rate + " LRA", r.loudnessRangeLu());
        Pins.check(name + "@" + rate + " low", r.lraLowLufs());
        Pins.check(name + "@" + rate + " gate", r.lraRelativeGateLufs());
    }
}
