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
    /** The window's skirt around a line (Hann main lobe: two bins either side) is neither line nor neighbourhood. */
    static final double LINE_SKIRT_HZ = 1.0;

    private QualityDetectors() {
    }

    static List<Finding> detect(Analysis a, Spectrum s, AudioScan scan, FindingThresholds t) {
        List<Finding> found = new ArrayList<>();
        dc(a, t, found);
        clicks(a, scan, t, found);
        hum(scan, t, found);
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

    /** FFT length of the hum spectrum: about a third of a hertz per bin at the low rate. */
    static final int HUM_FFT_SIZE = 2048;
    /** A mains line may sit this far from its nominal frequency (mains drift, a tape's speed). */
    static final double LINE_TOLERANCE_HZ = 0.5;

    /**
     * Hum: a fine spectrum (Welch, Hann, {@value #HUM_FFT_SIZE} points at about 750 Hz) of the channels' mean,
     * fine enough to tell a 50 Hz line from a G1 (49.0 Hz) bass note. A line is the strongest bin within
     * {@value #LINE_TOLERANCE_HZ} Hz of the mains frequency, against the median of its third-octave
     * neighbourhood outside ±1 Hz.
     */
    private static void hum(AudioScan scan, FindingThresholds t, List<Finding> found) {
        double[] power = welch(scan.lowRateMix());
        if (power == null) {
            return;
        }
        double binHz = scan.lowRateHz() / HUM_FFT_SIZE;
        for (double mains : MAINS_HZ) {
            double fundamental = prominence(power, binHz, mains);
            double harmonic = Math.max(prominence(power, binHz, 2 * mains), prominence(power, binHz, 3 * mains));
            if (fundamental >= t.humProminenceDb() && harmonic >= t.humHarmonicProminenceDb()) {
                found.add(new Finding(FindingKind.HUM, Severity.PROBLEM, f("%.0f Hz hum", mains), null,
                        new Band(mains - LINE_TOLERANCE_HZ, 3 * mains + LINE_TOLERANCE_HZ), fundamental,
                        t.humProminenceDb(), "dB",
                        f("A steady line at %.0f Hz stands %.1f dB over its neighbourhood, with a harmonic raised too "
                                + "(%.1f dB): mains hum.", mains, fundamental, harmonic),
                        "Find the humming source in the mix (a guitar amp, a ground loop); notches take the edge off.",
                        f("notch(%.0f, 10)", mains)));
                return;
            }
        }
    }

    /** Mean |X|² of Hann-windowed, half-overlapping segments; null when the audio is shorter than one. */
    static double[] welch(float[] x) {
        int n = HUM_FFT_SIZE;
        if (x.length < n) {
            return null;
        }
        org.freshears.dsp.Fft fft = new org.freshears.dsp.Fft(n);
        double[] power = new double[n / 2 + 1];
        double[] re = new double[n];
        double[] im = new double[n];
        int segments = 0;
        for (int start = 0; start + n <= x.length; start += n / 2) {
            for (int i = 0; i < n; i++) {
                re[i] = x[start + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
                im[i] = 0;
            }
            fft.forward(re, im);
            for (int k = 0; k <= n / 2; k++) {
                power[k] += re[k] * re[k] + im[k] * im[k];
            }
            segments++;
        }
        for (int k = 0; k < power.length; k++) {
            power[k] /= segments;
        }
        return power;
    }

    /** dB by which the strongest bin near a line stands over the median of its neighbourhood. */
    static double prominence(double[] power, double binHz, double hz) {
        int hi = (int) Math.ceil(hz * Math.pow(2, NEIGHBOURHOOD_OCTAVES) / binHz);
        if (hi >= power.length) {
            return Double.NEGATIVE_INFINITY;
        }
        int lo = (int) Math.floor(hz / Math.pow(2, NEIGHBOURHOOD_OCTAVES) / binHz);
        double line = 0;
        List<Double> around = new ArrayList<>();
        for (int k = Math.max(1, lo); k <= hi; k++) {
            double offset = Math.abs(k * binHz - hz);
            if (offset <= LINE_TOLERANCE_HZ) {
                line = Math.max(line, power[k]);
            } else if (offset > LINE_SKIRT_HZ) {
                around.add(power[k]);
            }
        }
        if (around.size() < 3 || !(line > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        around.sort(null);
        double median = around.get(around.size() / 2);
        return median > 0 ? 10 * Math.log10(line / median) : Double.POSITIVE_INFINITY;
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
