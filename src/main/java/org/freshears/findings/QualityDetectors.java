package org.freshears.findings;

import static org.freshears.findings.Phrases.clock;
import static org.freshears.findings.Phrases.f;

import java.util.ArrayList;
import java.util.List;
import org.freshears.checklist.Band;
import org.freshears.checklist.TimeSpan;
import org.freshears.measure.Analysis;
import org.freshears.measure.Spectrum;

/** Technical quality control: DC offset, clicks, hum, gaps of digital silence, an abrupt end, leading silence. */
final class QualityDetectors {
    /** Mains frequencies (IEC 60038): 50 Hz in most of the world, 60 Hz in the Americas and parts of Asia. */
    static final double[] MAINS_HZ = {50, 60};
    /** A hum line's neighbourhood: a third of an octave either side, without the line's own bins. */
    static final double NEIGHBOURHOOD_OCTAVES = 1 / 3.0;
    static final int LINE_BINS = 1;

    private QualityDetectors() {
    }

    static List<Finding> detect(Analysis a, Spectrum s, AudioScan scan, FindingThresholds t) {
        List<Finding> found = new ArrayList<>();
        dc(a, t, found);
        clicks(a, scan, t, found);
        hum(s, t, found);
        gaps(a, scan, t, found);
        end(a, scan, t, found);
        leading(a, t, found);
        return found;
    }

    private static void dc(Analysis a, FindingThresholds t, List<Finding> found) {
        double worst = 0;
        for (double dc : a.levels().dcOffset()) {
            worst = Math.max(worst, Math.abs(dc));
        }
        double db = worst > 0 ? 20 * Math.log10(worst) : Double.NEGATIVE_INFINITY;
        if (!(db >= t.dcOffsetDbfs())) {
            return;
        }
        found.add(new Finding(FindingKind.DC_OFFSET, Severity.WARNING, "DC offset", null, null, db, t.dcOffsetDbfs(),
                "dBFS", f("The waveform's mean sits at %.4f of full scale (%.1f dBFS): a DC offset, which wastes "
                        + "headroom and thumps at edits.", worst, db),
                "A gentle high-pass removes it.", "highPass(20).slope(12)"));
    }

    private static void clicks(Analysis a, AudioScan scan, FindingThresholds t, List<Finding> found) {
        if (scan.clicks() == 0) {
            return;
        }
        int loudest = 0;
        for (int i = 1; i < scan.clickLevels().size(); i++) {
            if (scan.clickLevels().get(i) > scan.clickLevels().get(loudest)) {
                loudest = i;
            }
        }
        double at = scan.clickFrames().get(loudest) / (double) scan.sampleRate();
        double level = 20 * Math.log10(scan.clickLevels().get(loudest));
        found.add(new Finding(FindingKind.CLICK, Severity.PROBLEM, scan.clicks() == 1 ? "a click" : "clicks",
                LevelDetectors.around(at, a.durationSeconds()), null, scan.clicks(), 1, "clicks",
                f("%d single-sample discontinuit%s; the loudest (%.1f dBFS off its neighbours' line, %.0f times the "
                        + "local deviation) at %s.", scan.clicks(), scan.clicks() == 1 ? "y" : "ies", level,
                        t.clickRatio(), clock(at)),
                "Find it in the mix (an edit without a crossfade, a plug-in glitch) and fix it there.", ""));
    }

    private static void hum(Spectrum s, FindingThresholds t, List<Finding> found) {
        for (double mains : MAINS_HZ) {
            double fundamental = prominence(s, mains);
            double harmonic = Math.max(prominence(s, 2 * mains), prominence(s, 3 * mains));
            if (fundamental >= t.humProminenceDb() && harmonic >= t.humHarmonicProminenceDb()) {
                found.add(new Finding(FindingKind.HUM, Severity.PROBLEM, f("%.0f Hz hum", mains), null,
                        new Band(mains * 0.9, 3 * mains * 1.1), fundamental, t.humProminenceDb(), "dB",
                        f("A steady line at %.0f Hz stands %.1f dB over its neighbourhood, with its harmonics raised "
                                + "too (%.1f dB): mains hum.", mains, fundamental, harmonic),
                        "Find the humming source in the mix (a guitar amp, a ground loop); notches take the edge off.",
                        f("notch(%.0f, 10)", mains)));
                return;
            }
        }
    }

    /** How far the bin nearest a frequency stands above the median of its neighbourhood, channels' mean. */
    static double prominence(Spectrum s, double hz) {
        if (hz * Math.pow(2, NEIGHBOURHOOD_OCTAVES) >= s.sampleRate() / 2.0) {
            return Double.NEGATIVE_INFINITY;
        }
        int line = (int) Math.round(hz / s.binWidthHz());
        int lo = (int) Math.floor(hz / Math.pow(2, NEIGHBOURHOOD_OCTAVES) / s.binWidthHz());
        int hi = (int) Math.ceil(hz * Math.pow(2, NEIGHBOURHOOD_OCTAVES) / s.binWidthHz());
        List<Double> around = new ArrayList<>();
        for (int k = Math.max(1, lo); k <= hi; k++) {
            if (Math.abs(k - line) > LINE_BINS) {
                around.add(channelMean(s, k));
            }
        }
        around.removeIf(v -> !Double.isFinite(v));
        if (around.size() < 3) {
            return Double.NEGATIVE_INFINITY;
        }
        around.sort(null);
        double median = around.get(around.size() / 2);
        return channelMean(s, line) - median;
    }

    private static double channelMean(Spectrum s, int bin) {
        double power = 0;
        int n = 0;
        for (int series = 0; series < s.seriesNames().size(); series++) {
            String name = s.seriesNames().get(series);
            if (name.equals(Spectrum.MID) || name.equals(Spectrum.SIDE)) {
                continue;
            }
            double db = s.levelDb(series, bin);
            power += Double.isFinite(db) ? Math.pow(10, db / 10) : 0;
            n++;
        }
        return power > 0 ? 10 * Math.log10(power / n) : Double.NaN;
    }

    private static void gaps(Analysis a, AudioScan scan, FindingThresholds t, List<Finding> found) {
        List<int[]> runs = scan.silentRuns();
        if (runs.isEmpty()) {
            return;
        }
        int[] longest = runs.get(0);
        for (int[] r : runs) {
            if (r[1] - r[0] > longest[1] - longest[0]) {
                longest = r;
            }
        }
        double from = longest[0] / (double) scan.sampleRate();
        double to = longest[1] / (double) scan.sampleRate();
        found.add(new Finding(FindingKind.SILENCE_GAP, Severity.PROBLEM, "digital silence inside the song",
                new TimeSpan(from, to), null, to - from, t.silenceGapSeconds(), "s",
                f("%d gap%s of digital silence (below %.0f dBFS) inside the music; the longest, %.2f s, at %s.",
                        runs.size(), runs.size() == 1 ? "" : "s", t.silenceLevelDbfs(), to - from, clock(from)),
                "Check the edit or export there: a dropout, a muted region or a missing file.", ""));
    }

    private static void end(Analysis a, AudioScan scan, FindingThresholds t, List<Finding> found) {
        double loudness = a.integratedLufs();
        double endLevel = scan.endRmsDbfs();
        if (!Double.isFinite(loudness) || !Double.isFinite(endLevel)) {
            return;
        }
        double below = endLevel - loudness;
        if (!(below >= t.abruptEndDb())) {
            return;
        }
        double duration = a.durationSeconds();
        found.add(new Finding(FindingKind.ABRUPT_END, Severity.WARNING, "ends abruptly",
                new TimeSpan(Math.max(0, duration - t.endWindowSeconds()), duration), null, below, t.abruptEndDb(), "dB",
                f("The last %.0f ms are at %.1f dBFS RMS, only %.1f dB under the song's loudness (%.1f LUFS): the "
                        + "music is cut off rather than ending.", 1000 * t.endWindowSeconds(), endLevel, -below, loudness),
                "Print the mix with its tail (reverb, decay), or fade the end.", "fades(0, 2)"));
    }

    private static void leading(Analysis a, FindingThresholds t, List<Finding> found) {
        double lead = a.levels().leadingSilenceSeconds();
        if (!(lead > t.leadingSilenceSeconds()) || lead >= a.durationSeconds()) {
            return;
        }
        found.add(new Finding(FindingKind.LEADING_SILENCE, Severity.WARNING, "silence before the music",
                new TimeSpan(0, lead), null, lead, t.leadingSilenceSeconds(), "s",
                f("The music starts %.2f s into the file (first sample above -60 dBFS).", lead),
                "Trim the lead-in so playback starts with the music.", "trimSilence()"));
    }
}
