package org.freshears.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.freshears.chain.GainReductionTrace;
import org.freshears.chain.LoudnessTarget;
import org.freshears.chain.Step;
import org.freshears.checklist.ProblemArea;
import org.freshears.measure.BandEnergy;
import org.freshears.measure.BandEnergyTrack;
import org.freshears.plot.Charts;
import org.freshears.plot.ShadedBand;
import org.jfree.chart.JFreeChart;

/**
 * The charts of a session: the mix as heard, each step before and after (spectrum, loudness, and gain
 * reduction for dynamics), each problem area's band energy from mix to master, and the level-matched
 * comparisons. Each has a file-friendly name, so the same chart goes into a notebook cell, the charts
 * folder and the report.
 */
public final class SessionCharts {

    /** A chart with the name its files get ({@code step-2-tame-cymbals-spectrum}). */
    public record NamedChart(String name, JFreeChart chart) {
    }

    private SessionCharts() {
    }

    /** Every chart of the session, in reading order. */
    public static List<NamedChart> all(Session s) {
        List<NamedChart> charts = new ArrayList<>();
        charts.add(mixSpectrum(s));
        charts.add(mixLoudness(s));
        for (StepRun step : s.steps()) {
            charts.addAll(forStep(s, step));
        }
        charts.addAll(problemBandEnergy(s));
        for (Comparison c : s.comparisons()) {
            charts.add(comparison(c));
        }
        charts.addAll(SpectrogramCharts.all(s));
        return charts;
    }

    public static NamedChart mixSpectrum(Session s) {
        List<ShadedBand> bands = s.problems().stream()
                .map(p -> new ShadedBand(p.name(), p.area().band())).toList();
        return new NamedChart("mix-spectrum", Charts.spectrum("The mix: long-term spectrum",
                s.snapshot(Session.MIX).analysis().spectrum(), bands));
    }

    public static NamedChart mixLoudness(Session s) {
        return new NamedChart("mix-loudness", Charts.loudness("The mix: loudness over time",
                s.snapshot(Session.MIX).analysis().loudness(), targetLufs(s), s.sections(), s.notes()));
    }

    /** Spectrum and loudness before and after, and the gain reduction of each dynamics processor. */
    public static List<NamedChart> forStep(Session s, StepRun step) {
        List<NamedChart> charts = new ArrayList<>();
        charts.add(stepSpectrum(step));
        charts.add(stepLoudness(s, step));
        List<GainReductionTrace> traces = step.gainReduction();
        for (int i = 0; i < traces.size(); i++) {
            String suffix = traces.size() == 1 ? "" : "-" + (i + 1);
            GainReductionTrace trace = traces.get(i);
            String title = "Step " + step.index() + " '" + step.name() + "': gain reduction" + suffix;
            double hopSeconds = trace.hopFrames() / (double) step.after().analysis().sampleRate();
            // A multiband compressor's bands each get a line: merged, they would hide which band worked.
            charts.add(new NamedChart(prefix(step) + "-gain-reduction" + suffix, trace.bands().isEmpty()
                    ? Charts.gainReduction(title, trace.toArray(), hopSeconds)
                    : Charts.gainReductionByBand(title + " by band", trace.bands().stream()
                            .map(GainReductionTrace::label).toList(), trace.bands().stream()
                            .map(GainReductionTrace::toArray).toList(), hopSeconds)));
        }
        return charts;
    }

    public static NamedChart stepSpectrum(StepRun step) {
        List<ShadedBand> bands = step.addresses().stream()
                .map(p -> new ShadedBand(p.name(), p.area().band())).toList();
        return new NamedChart(prefix(step) + "-spectrum", Charts.spectrumBeforeAfter(
                "Step " + step.index() + " '" + step.name() + "': spectrum before and after",
                step.before().analysis().spectrum(), step.after().analysis().spectrum(), bands));
    }

    public static NamedChart stepLoudness(Session s, StepRun step) {
        return new NamedChart(prefix(step) + "-loudness", Charts.loudnessBeforeAfter(
                "Step " + step.index() + " '" + step.name() + "': loudness before and after",
                step.before().analysis().loudness(), step.after().analysis().loudness(), targetLufs(s),
                s.sections(), s.notes()));
    }

    /** Each problem band's energy over time, mix against the master as it stands (needs both audios). */
    public static List<NamedChart> problemBandEnergy(Session s) {
        List<NamedChart> charts = new ArrayList<>();
        for (Problem p : s.problems()) {
            ProblemArea a = p.area();
            BandEnergyTrack mix = BandEnergy.track(s.mix().audio(), a.band().lowHz(), a.band().highHz());
            BandEnergyTrack master = BandEnergy.track(s.master(), a.band().lowHz(), a.band().highHz());
            charts.add(new NamedChart("problem-" + slug(a.name()) + "-band-energy", Charts.bandEnergy(
                    "Problem '" + a.name() + "' (" + a.band() + "): band energy, mix and master", mix, master,
                    a.span())));
        }
        return charts;
    }

    public static NamedChart comparison(Comparison c) {
        // Silence has no loudness to match: such a pair is drawn as it is.
        Comparison matched = c.canLevelMatch() ? c.levelMatched() : c;
        String title = "'" + c.nameB() + "' against '" + c.nameA() + "'" + (matched.isLevelMatched()
                ? String.format(Locale.ROOT, ", level-matched (%+.1f dB)", matched.gainDb()) : "");
        return new NamedChart("compare-" + slug(c.nameB()) + "-vs-" + slug(c.nameA()), Charts.compareSpectra(title,
                c.nameA(), c.a().analysis().spectrum(), c.nameB(), c.b().analysis().spectrum(), matched.gainDb()));
    }


    /** The loudness the chain aims at: the first loudness target's, else none (NaN). */
    static double targetLufs(Session s) {
        for (StepRun step : s.steps()) {
            for (Step written : step.written()) {
                if (written instanceof LoudnessTarget t) {
                    return t.targetLufs();
                }
            }
        }
        return Double.NaN;
    }

    private static String prefix(StepRun step) {
        return "step-" + step.index() + "-" + slug(step.name());
    }

    /** "Tame cymbals!" -> "tame-cymbals". */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "x" : s;
    }
}
