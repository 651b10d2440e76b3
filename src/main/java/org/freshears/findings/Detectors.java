package org.freshears.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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

    /** What {@link #measureAndListen} gives: the analysis of the mix (without its spectrum) and the findings. */
    public record Listening(Analysis analysis, List<Finding> findings) {
    }

    /**
     * Measures a mix ({@link Analysis#withoutSpectrum}) and listens to it, the two at once: the spectrum track
     * and the sample scan run on a thread of their own while the meters run, so the cores stay busy through
     * the pauses of each (the meters wait for their slowest channel at every block; the track's chunks and
     * the scan's channels are too few to split evenly). Neither reads what the other writes, so the analysis
     * and the findings are those of measuring, then listening. Progress goes from 0 to 1 with the meters.
     */
    public static Listening measureAndListen(AudioBuffer mix, FindingThresholds thresholds, DoubleConsumer progress) {
        FutureTask<Heard> alongside = new FutureTask<>(() -> new Heard(
                new SpectrumTrackAnalyzer(thresholds.tonalBandsPerOctave(), thresholds.tonalWindowSeconds()).analyze(mix),
                AudioScan.of(mix, thresholds)));
        Thread helper = new Thread(alongside, "freshears-listen");
        helper.setDaemon(true);
        helper.start();
        Analysis analysis;
        try {
            analysis = Analysis.withoutSpectrum(mix, fraction -> progress.accept(0.95 * fraction));
        } finally {
            joinUninterruptibly(helper); // the helper reads the caller's audio: never leave it running
        }
        Heard heard;
        try {
            heard = alongside.get();
        } catch (InterruptedException e) {
            throw new IllegalStateException("the helper was finished, so get cannot wait", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        List<Finding> findings = detect(analysis, heard.track(), heard.scan(), thresholds);
        progress.accept(1);
        return new Listening(analysis, findings);
    }

    /** The two passes over the samples that run beside the meters. */
    private record Heard(SpectrumTrack track, AudioScan scan) {
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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
