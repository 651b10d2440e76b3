package org.freshears.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingKindTest {

    @Test
    void theJsonNamesAreExactlyTheIssuesList() {
        List<String> issue12 = List.of("clipping", "true-peak-over", "no-headroom", "over-compressed",
                "section-loudness-spread", "low-end-excess", "thin-low-end", "low-mid-buildup", "harshness", "sibilance",
                "dull-top", "resonance", "mono-bass", "phase-cancellation", "channel-imbalance", "narrow-stereo",
                "polarity", "dc-offset", "click", "hum", "silence-gap", "abrupt-end", "leading-silence");
        assertEquals(issue12, Arrays.stream(FindingKind.values()).map(FindingKind::jsonName).toList());
        for (String name : issue12) {
            assertEquals(name, FindingKind.fromJsonName(name).jsonName());
        }
        assertThrows(IllegalArgumentException.class, () -> FindingKind.fromJsonName("mud"));
        assertEquals(List.of("problem", "warning", "info"),
                Arrays.stream(Severity.values()).map(Severity::jsonName).toList());
    }

    @Test
    void thresholdsAreTunableOneAtATime() {
        FindingThresholds t = FindingThresholds.DEFAULTS.withToneVsTargetDb(7);
        assertEquals(7, t.toneVsTargetDb());
        assertEquals(FindingThresholds.DEFAULTS.withToneVsTargetDb(FindingThresholds.DEFAULTS.toneVsTargetDb()),
                FindingThresholds.DEFAULTS);
        assertEquals(FindingThresholds.DEFAULTS.plrMinDb(), t.plrMinDb());
    }

    @Test
    void theTargetsBandSharesSumToTheWhole() {
        for (int bandsPerOctave : new int[] {1, 3, 6}) {
            double[] share = TonalTarget.POPULAR_MUSIC.bandShareDb(
                    org.freshears.measure.FractionalOctaveBands.covering(bandsPerOctave, 48_000));
            double sum = Arrays.stream(share).map(db -> Math.pow(10, db / 10)).sum();
            assertEquals(1.0, sum, 1e-12);
        }
        assertEquals(-5, TonalTarget.POPULAR_MUSIC.thirdOctaveDbAt(80), 1e-12);
        assertEquals(-42, TonalTarget.POPULAR_MUSIC.thirdOctaveDbAt(22_000), 1e-12);
    }
}
