package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/** MID and SIDE modes filter one component and leave the other alone. */
class MidSideTest {
    private static final int FS = 48_000;

    private static AudioBuffer stereoNoise() {
        return Signals.noise(2, FS, FS / 2, 0.4, 42);
    }

    /** L = R: a pure mid signal. */
    private static AudioBuffer pureMid() {
        AudioBuffer n = Signals.noise(1, FS, FS / 2, 0.4, 7);
        return new AudioBuffer(new float[][] {n.channel(0).clone(), n.channel(0).clone()}, FS,
                ChannelLayout.standard(2));
    }

    /** R = -L: a pure side signal. */
    private static AudioBuffer pureSide() {
        AudioBuffer n = Signals.noise(1, FS, FS / 2, 0.4, 9);
        float[] right = n.channel(0).clone();
        for (int i = 0; i < right.length; i++) {
            right[i] = -right[i];
        }
        return new AudioBuffer(new float[][] {n.channel(0).clone(), right}, FS, ChannelLayout.standard(2));
    }

    @Test
    void sideFilterLeavesAPureMidSignalBitForBit() {
        ProcessorContract.assertNeutral(new HighShelf(5_000, 6).side(), pureMid());
        ProcessorContract.assertNeutral(new HighPass(200, 24).side().linearPhase(), pureMid());
    }

    @Test
    void midFilterLeavesAPureSideSignalBitForBit() {
        ProcessorContract.assertNeutral(new Bell(300, -4).mid(), pureSide());
        ProcessorContract.assertNeutral(new LowShelf(100, 3).mid().linearPhase(), pureSide());
    }

    private static void assertFiltersOnly(EqStep step, boolean mid) {
        AudioBuffer in = stereoNoise();
        AudioBuffer out = ProcessorContract.render(step, in, 4096);
        float[] filteredIn = new float[in.frames()];
        for (int i = 0; i < in.frames(); i++) {
            double l = in.channel(0)[i];
            double r = in.channel(1)[i];
            filteredIn[i] = (float) (mid ? (l + r) / 2 : (l - r) / 2);
        }
        // The same filter in STEREO mode on the component alone, as a mono signal.
        AudioBuffer component = new AudioBuffer(new float[][] {filteredIn}, FS, ChannelLayout.standard(1));
        AudioBuffer expected = ProcessorContract.render(stereoVersion(step), component, 4096);
        double worstOther = 0;
        double worstFiltered = 0;
        for (int i = 0; i < in.frames(); i++) {
            double l = in.channel(0)[i];
            double r = in.channel(1)[i];
            double lo = out.channel(0)[i];
            double ro = out.channel(1)[i];
            double otherIn = mid ? (l - r) / 2 : (l + r) / 2;
            double otherOut = mid ? (lo - ro) / 2 : (lo + ro) / 2;
            double filteredOut = mid ? (lo + ro) / 2 : (lo - ro) / 2;
            worstOther = Math.max(worstOther, Math.abs(otherOut - otherIn));
            worstFiltered = Math.max(worstFiltered, Math.abs(filteredOut - expected.channel(0)[i]));
        }
        // Only the final rounding of L and R to float (half an ulp of ~0.4: 3e-8) separates them.
        assertTrue(worstOther < 1e-7, step + ": other component moved by " + worstOther);
        assertTrue(worstFiltered < 1e-7, step + ": filtered component off by " + worstFiltered);
    }

    private static EqStep stereoVersion(EqStep step) {
        if (step instanceof Bell b) {
            return b.stereo();
        }
        if (step instanceof HighPass h) {
            return h.stereo();
        }
        if (step instanceof HighShelf h) {
            return h.stereo();
        }
        throw new IllegalArgumentException(step.toString());
    }

    @Test
    void midModeFiltersTheMidAndKeepsTheSide() {
        assertFiltersOnly(new Bell(500, 6, 0.7).mid(), true);
        assertFiltersOnly(new Bell(500, 6, 0.7).mid().linearPhase(), true);
    }

    @Test
    void sideModeFiltersTheSideAndKeepsTheMid() {
        assertFiltersOnly(new HighPass(150, 12).side(), false);
        assertFiltersOnly(new HighShelf(4_000, -3).side().linearPhase(), false);
    }

    @Test
    void midOrSideOnMonoIsAClearError() {
        AudioBuffer mono = Signals.noise(1, FS, 1000, 0.1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProcessorContract.render(new Bell(300, 2).mid(), mono, 4096));
        assertEquals("MID mode needs a stereo (2-channel) signal, got 1 channel(s); use STEREO mode",
                e.getMessage());
        AudioBuffer six = Signals.noise(6, FS, 1000, 0.1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> ProcessorContract.render(new HighPass(30).side(), six, 4096));
        // STEREO mode works on any channel count.
        ProcessorContract.render(new HighPass(30), six, 4096);
    }
}
