package org.freshears.findings;

import static org.freshears.findings.Phrases.clock;
import static org.freshears.findings.Phrases.f;

import java.util.ArrayList;
import java.util.List;
import org.freshears.checklist.TimeSpan;
import org.freshears.measure.Analysis;
import org.freshears.measure.LoudnessMeter;
import org.freshears.measure.LoudnessReport;

/** Level and headroom: clipping, true-peak overs, no headroom, over-compression, section loudness spread. */
final class LevelDetectors {
    /** A located event is shown with this much around it, so a listener can find it. */
    static final double EVENT_CONTEXT_SECONDS = 0.25;

    private LevelDetectors() {
    }

    static List<Finding> detect(Analysis a, AudioScan scan, FindingThresholds t) {
        List<Finding> found = new ArrayList<>();
        clipping(a, scan, t, found);
        truePeak(a, t, found);
        headroom(a, scan, t, found);
        compression(a, t, found);
        sectionSpread(a, t, found);
        return found;
    }

    /** A span of context around an instant, inside the song. */
    static TimeSpan around(double seconds, double duration) {
        double from = Math.max(0, seconds - EVENT_CONTEXT_SECONDS);
        return new TimeSpan(from, Math.max(from + 1e-3, Math.min(duration, seconds + EVENT_CONTEXT_SECONDS)));
    }

    private static void clipping(Analysis a, AudioScan scan, FindingThresholds t, List<Finding> found) {
        if (scan.clipRuns() == 0) {
            return;
        }
        List<Integer> frames = new ArrayList<>(scan.clipFrames());
        frames.sort(null);
        double first = frames.get(0) / (double) scan.sampleRate();
        double last = frames.get(frames.size() - 1) / (double) scan.sampleRate();
        Severity severity = scan.clipRuns() >= t.clipRunsForProblem() ? Severity.PROBLEM : Severity.WARNING;
        found.add(new Finding(FindingKind.CLIPPING, severity, "clipped samples", around(first, a.durationSeconds()),
                null, scan.clipRuns(), t.clipRunsForProblem(), "runs",
                f("%d runs of %d or more samples flat at full scale, the first at %s%s.", scan.clipRuns(),
                        t.clipRunSamples(), clock(first), scan.clipRuns() > 1 ? ", the last at " + clock(last) : ""),
                "Re-print the mix with the master fader or the bus limiter lowered; mastering cannot restore a "
                        + "clipped waveform.", ""));
    }

    private static void truePeak(Analysis a, FindingThresholds t, List<Finding> found) {
        double tp = a.truePeakDbtp();
        if (!(tp > t.truePeakOverDbtp())) {
            return;
        }
        found.add(new Finding(FindingKind.TRUE_PEAK_OVER, Severity.PROBLEM, "inter-sample peaks over 0 dBTP", null,
                null, tp, t.truePeakOverDbtp(), "dBTP",
                f("The true peak reaches %+.2f dBTP (sample peak %+.2f dBFS): a converter or encoder will clip "
                        + "between the samples.", tp, a.samplePeakDbfs()),
                "Lower the print, or let the master's true-peak limiter catch it.",
                f("limiter().ceilingDbtp(%.1f)", -1.0)));
    }

    private static void headroom(Analysis a, AudioScan scan, FindingThresholds t, List<Finding> found) {
        double peak = a.samplePeakDbfs();
        if (!(peak > t.headroomWarningPeakDbfs())) {
            return;
        }
        float[] blockPeak = scan.blockPeak();
        double peakLinear = Math.pow(10, peak / 20);
        double ceiling = peakLinear * Math.pow(10, -t.limiterCeilingWindowDb() / 20);
        // Blocks within the LRA's relative gate (20 dB) of the peak carry music; the rest is fades and gaps.
        double loud = peakLinear * Math.pow(10, LoudnessMeter.LRA_RELATIVE_GATE_LU / 20);
        int loudBlocks = 0;
        int atCeiling = 0;
        int loudest = 0;
        for (int b = 0; b < blockPeak.length; b++) {
            if (blockPeak[b] >= loud) {
                loudBlocks++;
            }
            if (blockPeak[b] >= ceiling) {
                atCeiling++;
            }
            if (blockPeak[b] > blockPeak[loudest]) {
                loudest = b;
            }
        }
        double share = loudBlocks == 0 ? 0 : atCeiling / (double) loudBlocks;
        boolean limited = share >= t.limiterBlockShare();
        Severity severity = peak > t.headroomProblemPeakDbfs() || limited ? Severity.PROBLEM : Severity.WARNING;
        double at = (loudest + 0.5) * scan.blockSeconds();
        String limiter = limited
                ? f(" %.0f %% of the loud 100 ms blocks peak within %.1f dB of it: a limiter is already on the bus.",
                        100 * share, t.limiterCeilingWindowDb())
                : f(" It is reached in %d of %d loud 100 ms blocks (no limiter signature).", atCeiling, loudBlocks);
        found.add(new Finding(FindingKind.NO_HEADROOM, severity, limited ? "printed hot, limiter on the bus"
                : "peaks at full scale", around(at, a.durationSeconds()), null, peak,
                severity == Severity.PROBLEM ? t.headroomProblemPeakDbfs() : t.headroomWarningPeakDbfs(), "dBFS",
                f("The mix peaks at %+.1f dBFS, highest at %s.", peak, clock(at)) + limiter,
                "Print the mix again with peaks around -6 to -3 dBFS and no limiter on the mix bus; until then, "
                        + "gain it down before the chain.", f("gain(%.1f)", Math.min(-1.0, t.headroomWarningPeakDbfs() - peak))));
    }

    private static void compression(Analysis a, FindingThresholds t, List<Finding> found) {
        double plr = a.plrDb();
        double psr = a.psrDb();
        double lra = a.loudnessRangeLu();
        if (plr < t.plrMinDb()) {
            found.add(new Finding(FindingKind.OVER_COMPRESSED, Severity.PROBLEM, "squashed: low peak-to-loudness ratio",
                    null, null, plr, t.plrMinDb(), "dB",
                    f("PLR %.1f dB (PSR %.1f dB, LRA %.1f LU): as squashed as the loudest commercial masters, before "
                            + "mastering.", plr, psr, lra),
                    "Take the bus compressor or limiter off the mix print; the master will add what is needed.", ""));
        } else if (psr < t.psrMinDb() || lra < t.lraMinLu()) {
            boolean byPsr = psr < t.psrMinDb();
            found.add(new Finding(FindingKind.OVER_COMPRESSED, Severity.WARNING,
                    byPsr ? "little punch left at the loudest moment" : "little movement in loudness", null, null,
                    byPsr ? psr : lra, byPsr ? t.psrMinDb() : t.lraMinLu(), byPsr ? "dB" : "LU",
                    f("PSR %.1f dB, LRA %.1f LU (PLR %.1f dB): the mix already sits close to its peaks.", psr, lra, plr),
                    "Check the mix-bus compression; keep the master's compression gentle (ratio 1.5, slow attack).",
                    "compressor().thresholdDb(-18).ratio(1.5).attackMs(30).releaseMs(200)"));
        }
    }

    /**
     * Sections from short-term loudness in consecutive blocks of {@code sectionSeconds}, gated as the LRA is
     * (absolute −70 LUFS, relative −20 LU). Blocks above the midpoint between the 10th and 95th percentile are
     * loud; neighbouring loud blocks (a one-block dip allowed) make a section. The spread is the loudest
     * section's mean minus the mean of the quiet blocks.
     */
    private static void sectionSpread(Analysis a, FindingThresholds t, List<Finding> found) {
        LoudnessReport loudness = a.loudness();
        double[] shortTerm = loudness.shortTermLufs();
        int step = (int) Math.round(t.sectionSeconds() * 10);
        List<double[]> blocks = new ArrayList<>(); // {startSeconds, lufs}
        for (int i = step - 1; i < shortTerm.length; i += step) {
            blocks.add(new double[] {LoudnessReport.windowEndSeconds(i) - t.sectionSeconds(), shortTerm[i]});
        }
        double energy = 0;
        int counted = 0;
        for (double[] b : blocks) {
            if (b[1] > LoudnessMeter.ABSOLUTE_GATE_LUFS) {
                energy += Math.pow(10, b[1] / 10);
                counted++;
            }
        }
        if (counted < 4) {
            return;
        }
        double gate = 10 * Math.log10(energy / counted) + LoudnessMeter.LRA_RELATIVE_GATE_LU;
        List<Double> gated = new ArrayList<>();
        for (double[] b : blocks) {
            if (b[1] > gate && b[1] > LoudnessMeter.ABSOLUTE_GATE_LUFS) {
                gated.add(b[1]);
            }
        }
        List<Double> sorted = new ArrayList<>(gated);
        sorted.sort(null);
        double low = sorted.get((int) Math.round((sorted.size() - 1) * 0.10));
        double high = sorted.get((int) Math.round((sorted.size() - 1) * 0.95));
        double split = (low + high) / 2;
        // Loud sections: runs of loud blocks, one quiet block inside a run allowed.
        double bestMean = Double.NEGATIVE_INFINITY;
        double bestFrom = 0;
        double bestTo = 0;
        int i = 0;
        while (i < blocks.size()) {
            if (!(blocks.get(i)[1] > split && blocks.get(i)[1] > gate)) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < blocks.size() && (blocks.get(end + 1)[1] > split
                    || end + 2 < blocks.size() && blocks.get(end + 2)[1] > split)) {
                end++;
            }
            double e = 0;
            for (int k = i; k <= end; k++) {
                e += Math.pow(10, blocks.get(k)[1] / 10);
            }
            double mean = 10 * Math.log10(e / (end - i + 1));
            if (end > i && mean > bestMean) {
                bestMean = mean;
                bestFrom = blocks.get(i)[0];
                bestTo = blocks.get(end)[0] + t.sectionSeconds();
            }
            i = end + 1;
        }
        double quietEnergy = 0;
        int quiet = 0;
        for (double[] b : blocks) {
            if (b[1] > gate && b[1] <= split) {
                quietEnergy += Math.pow(10, b[1] / 10);
                quiet++;
            }
        }
        if (quiet == 0 || bestMean == Double.NEGATIVE_INFINITY) {
            return;
        }
        double quietMean = 10 * Math.log10(quietEnergy / quiet);
        double spread = bestMean - quietMean;
        if (!(spread >= t.sectionSpreadLu())) {
            return;
        }
        TimeSpan loudest = new TimeSpan(Math.max(0, bestFrom), Math.min(a.durationSeconds(), bestTo));
        boolean wide = spread >= t.sectionSpreadWarningLu();
        found.add(new Finding(FindingKind.SECTION_LOUDNESS_SPREAD, wide ? Severity.WARNING : Severity.INFO,
                "loudest section " + loudest, loudest, null, spread,
                wide ? t.sectionSpreadWarningLu() : t.sectionSpreadLu(), "LU",
                f("The loudest section (%s, %.1f LUFS short-term) is %.1f LU above the quieter parts (%.1f LUFS).",
                        loudest, bestMean, spread, quietMean),
                wide ? "Set the chain on the loudest section, and clip-gain the quiet parts up rather than "
                        + "compressing the whole song." : "Set the compressor and limiter on the loudest section: "
                        + "that is where they work hardest.", ""));
    }
}
