package org.freshears.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.DoubleConsumer;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavStream;
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

    /** What {@link #readAndListen} gives: the analysis of the mix (without its spectrum) and the findings. */
    public record Listening(Analysis analysis, List<Finding> findings) {
    }

    /**
     * Reads a mix, measures it ({@link Analysis#withoutSpectrum}) and listens to it, all at once: the file is
     * decoded block by block while the meters measure the block before (as {@code analyze} does, but keeping
     * every frame), and the spectrum track's transforms follow the decoding on a thread of their own, so the
     * cores stay busy from the first block to the last; the sample scan, which needs whole channels, runs
     * when the meters are done. Nothing reads a frame before it is decoded, and each pass writes only its
     * own results: the analysis and findings are the same bits as reading, measuring, then listening. Memory:
     * the mix as float, as {@link WavReader#read} holds it. Progress goes from 0 to 1 with the frames measured.
     */
    public static Listening readAndListen(WavStream stream, FindingThresholds thresholds, DoubleConsumer progress)
            throws AudioFormatException {
        AudioBuffer mix = stream.allocateWhole();
        DecodedFrames decoded = new DecodedFrames();
        FutureTask<SpectrumTrack> track = new FutureTask<>(() -> new SpectrumTrackAnalyzer(
                thresholds.tonalBandsPerOctave(), thresholds.tonalWindowSeconds()).analyze(mix, decoded::await));
        Thread helper = new Thread(track, "freshears-listen");
        helper.setDaemon(true);
        helper.start();
        Analysis analysis;
        AudioScan scan;
        try {
            analysis = Analysis.withoutSpectrum(stream, mix, decoded::arrived, f -> progress.accept(0.9 * f));
            scan = AudioScan.of(mix, thresholds);
        } finally {
            decoded.stop(); // after a fault the helper gives up waiting
            joinUninterruptibly(helper); // it reads the mix: never leave it running
        }
        List<Finding> findings = detect(analysis, result(track), scan, thresholds);
        progress.accept(1);
        return new Listening(analysis, findings);
    }

    /** How many frames of the mix are decoded: the reading thread says, the spectrum track waits. */
    private static final class DecodedFrames {
        private int frames;
        private boolean stopped;

        synchronized void arrived(int decoded) {
            frames = decoded;
            notifyAll();
        }

        synchronized void stop() {
            stopped = true;
            notifyAll();
        }

        /** Returns once frames [0, end) are decoded; throws when reading stopped short of them. */
        synchronized void await(int end) {
            while (frames < end && !stopped) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while waiting for the mix to be read");
                }
            }
            if (frames < end) {
                throw new CancellationException("reading stopped at frame " + frames);
            }
        }
    }

    private static SpectrumTrack result(FutureTask<SpectrumTrack> finished) {
        try {
            return finished.get();
        } catch (InterruptedException e) {
            throw new IllegalStateException("the task was finished, so get cannot wait", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
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
