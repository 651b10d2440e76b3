package org.freshears.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.AudioBuffer;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.FilterDesign;
import org.freshears.measure.Analysis;
import org.freshears.measure.BandEnergy;
import org.junit.jupiter.api.Test;

/**
 * #12 item 8 on the findings: a step that only cuts below a band must not move that band's finding, as it moved
 * the old measure (the band against the whole spectrum, whose power the lows dominate). On the level-matched
 * scale the finding's value moves by what the cut takes from the song's loudness, exactly as its problem area's
 * reading does, and how far it is past its threshold hardly moves.
 */
class LowCutFindingTest {

    @Test
    void aCutBelowTheBandLeavesTheHarshnessFindingWhereItWas() {
        AudioBuffer demo = org.freshears.demo.DemoMix.generate(FindingsProofTest.SPEC);
        AudioBuffer cut = demo;
        for (BiquadCoefficients c : FilterDesign.butterworthHighPass(80, 4, demo.sampleRate())) {
            cut = Plant.filter(cut, 0, demo.durationSeconds(), c);
        }
        Analysis before = Analysis.withoutSpectrum(demo, f -> { });
        Analysis after = Analysis.withoutSpectrum(cut, f -> { });
        Finding harsh = first(Detectors.listen(demo, before, FindingThresholds.DEFAULTS));
        Finding again = first(Detectors.listen(cut, after, FindingThresholds.DEFAULTS));
        assertEquals(harsh.span(), again.span());
        assertEquals(harsh.band(), again.band());
        double loudnessChange = after.integratedLufs() - before.integratedLufs();
        assertEquals(-loudnessChange, again.value() - harsh.value(), 0.1, "the band did not move; the loudness did");
        double pastThreshold = harsh.value() - harsh.threshold();
        double pastThresholdAfter = again.value() - again.threshold();
        assertEquals(pastThreshold, pastThresholdAfter, 0.2, harsh.evidence() + " / " + again.evidence());
        // The old measure, the band's share of the whole spectrum in its span, reads the cymbals 0.6 dB harsher after a
        // cut that never touched them: four times as far as the finding moves. (A cut reaching into the 120 Hz-10 kHz
        // range the song's tilt is fitted on does move the tilt, and with it the bumps: measured, a 150 Hz cut takes
        // this finding away.)
        double oldBefore = BandEnergy.inSpan(demo, harsh.span().fromSeconds(), harsh.span().toSeconds(),
                harsh.band().lowHz(), harsh.band().highHz()).relativeDb();
        double oldAfter = BandEnergy.inSpan(cut, harsh.span().fromSeconds(), harsh.span().toSeconds(),
                harsh.band().lowHz(), harsh.band().highHz()).relativeDb();
        assertTrue(oldAfter - oldBefore > 0.5 && oldAfter - oldBefore > 4 * Math.abs(pastThresholdAfter - pastThreshold),
                "old measure moved " + (oldAfter - oldBefore) + " dB, the finding " + (pastThresholdAfter - pastThreshold));
    }

    private static Finding first(java.util.List<Finding> findings) {
        return findings.stream().filter(f -> f.kind() == FindingKind.HARSHNESS).findFirst().orElseThrow();
    }
}
