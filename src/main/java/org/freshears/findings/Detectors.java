package org.freshears.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.freshears.audio.AudioBuffer;
import org.freshears.measure.Analysis;
import org.freshears.measure.SpectrumTrack;
import org.freshears.measure.SpectrumTrackAnalyzer;

/**
 * A first listen: every detector run over a decoded mix and its analysis, findings most severe first. Pure:
 * the same mix, analysis and thresholds give the same findings; nothing is changed or written. The analysis
 * may be one made {@linkplain Analysis#withoutSpectrum without the spectrum}: the detectors take theirs from
 * the {@link SpectrumTrack}, which measures the long-term spectrum and the band levels over time from one set
 * of FFTs.
 */
public final class Detectors {

    private Detectors() {
    }

    /** Listens to a mix: two bounded passes over the audio (the spectrum track and the sample scan). */
    public static List<Finding> listen(AudioBuffer mix, Analysis analysis, FindingThresholds thresholds) {
        return listen(mix, analysis, thresholds, fraction -> { });
    }

    /** As {@link #listen(AudioBuffer, Analysis, FindingThresholds)}, reporting progress from 0 to 1. */
    public static List<Finding> listen(AudioBuffer mix, Analysis analysis, FindingThresholds thresholds,
            DoubleConsumer progress) {
        SpectrumTrack track = new SpectrumTrackAnalyzer(thresholds.tonalBandsPerOctave(),
                thresholds.tonalWindowSeconds()).analyze(mix);
        progress.accept(0.7);
        AudioScan scan = AudioScan.of(mix, thresholds);
        progress.accept(0.9);
        List<Finding> findings = detect(analysis, track, scan, thresholds);
        progress.accept(1);
        return findings;
    }

    static List<Finding> detect(Analysis analysis, SpectrumTrack track, AudioScan scan, FindingThresholds t) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(LevelDetectors.detect(analysis, scan, t));
        findings.addAll(ToneDetectors.detect(analysis, track, t));
        findings.addAll(StereoDetectors.detect(analysis, track.spectrum(), t));
        findings.addAll(QualityDetectors.detect(analysis, track.spectrum(), scan, t));
        findings.sort(Finding.MOST_SEVERE_FIRST);
        return List.copyOf(findings);
    }

    /** True when some finding is a {@link Severity#PROBLEM}. */
    public static boolean anyProblem(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::isProblem);
    }
}
