package org.freshears.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.freshears.chain.GainReductionTrace;
import org.freshears.chain.LoudnessTarget;
import org.freshears.chain.Step;
import org.freshears.checklist.ProblemArea;
import org.freshears.measure.BandEnergyTrack;
import org.freshears.plot.Charts;
import org.freshears.plot.MarkedSpan;
import org.freshears.plot.ShadedBand;
import org.freshears.report.ChartKey.MixView;
import org.freshears.report.ChartKey.OfComparison;
import org.freshears.report.ChartKey.OfMaster;
import org.freshears.report.ChartKey.OfMix;
import org.freshears.report.ChartKey.OfProblem;
import org.freshears.report.ChartKey.OfStep;
import org.freshears.report.ChartKey.ProblemView;
import org.freshears.plot.ChartFiles;
import org.freshears.session.Comparison;
import org.freshears.session.Problem;
import org.freshears.session.Session;
import org.freshears.session.StepRun;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/**
 * The charts of one session: the mix as heard, each step before and after (spectrum, loudness, and gain
 * reduction for dynamics), each problem area's band energy from mix to master, and the level-matched
 * comparisons. Each chart is drawn once, when it is first asked for (a step's charts as the step runs,
 * for its notebook cell), and kept under its {@link ChartKey}; it is drawn again only when what it shows
 * has changed since (a step's spectrum shades the problems it addresses, which are named after it ran; the
 * mix's loudness chart marks the chain's loudness target, which a later step may set; a step's loudness chart
 * marks it from the step that sets it on).
 */
public final class SessionCharts {

    /**
     * A chart and the key that says whose it is. Drawn when first needed: its files and inline SVG come from
     * the session's result cache when it has them under the chart's content key (what it draws), so a
     * chart found there is never drawn.
     */
    public static final class Chart {
        private final ChartKey key;
        private final Drawn drawn;
        private final ChartCache cache;

        Chart(ChartKey key, Drawn drawn, ChartCache cache) {
            this.key = key;
            this.drawn = drawn;
            this.cache = cache;
        }

        public ChartKey key() {
            return key;
        }

        /** The chart itself (drawn now if it was not yet). */
        public JFreeChart chart() {
            return drawn.chart();
        }

        /** Whether the chart itself was drawn (not when everything asked of it came from the cache). */
        boolean isDrawn() {
            return drawn.isDrawn();
        }

        /** The name its files get ({@code step-2-tame-cymbals-spectrum}). */
        public String fileName() {
            return key.fileName();
        }

        /** PNG bytes at the default size: drawn once (a cell's output and the run's file share them). */
        public byte[] png() throws java.io.IOException {
            synchronized (drawn) {
                if (drawn.png == null) {
                    drawn.png = cache.png(drawn.contentKey(), ChartFiles.DEFAULT_WIDTH, ChartFiles.DEFAULT_HEIGHT,
                            () -> {
                                ChartRenderingInfo layout = new ChartRenderingInfo(null);
                                byte[] png = ChartFiles.pngBytes(chart(), ChartFiles.DEFAULT_WIDTH,
                                        ChartFiles.DEFAULT_HEIGHT, layout);
                                drawn.pngLayout = layout;
                                return png;
                            });
                }
                return drawn.png;
            }
        }

        /**
         * A whole SVG document at the default size: the text {@link ChartFiles#svgText} gives, made from the
         * chart's one SVG drawing ({@link #placeholderElement}) that its inline elements are made from too.
         */
        public String svgDocument() {
            String element = ChartCache.renamedIds(placeholderElement(), ChartFiles.DOCUMENT_ID_PREFIX);
            return element != null ? ChartFiles.svgDocument(element)
                    : ChartFiles.svgText(chart(), ChartFiles.DEFAULT_WIDTH, ChartFiles.DEFAULT_HEIGHT);
        }

        /** The {@code <svg>} element with ids starting {@code idPrefix} ({@link ChartFiles#svgElement}). */
        public String svgElement(int width, int height, String idPrefix) {
            if (width == ChartFiles.DEFAULT_WIDTH && height == ChartFiles.DEFAULT_HEIGHT) {
                String renamed = ChartCache.renamedIds(placeholderElement(), idPrefix);
                if (renamed != null) {
                    return renamed;
                }
            }
            return ChartFiles.svgElement(chart(), width, height, idPrefix);
        }

        /**
         * The chart's {@code <svg>} element at the default size with {@link ChartCache#PLACEHOLDER_ID_PREFIX} ids,
         * drawn once (an SVG drawing costs as much as the PNG): the run's SVG file, the report's inline chart
         * and a kernel's output are this text with their own ids. Kept in the result cache under the chart's
         * key, and with the chart (so also without a cache).
         */
        private String placeholderElement() {
            synchronized (drawn) {
                if (drawn.svgElement == null) {
                    drawn.svgElement = cache.text(drawn.contentKey(), "svg element",
                            () -> ChartFiles.svgElement(chart(), ChartFiles.DEFAULT_WIDTH, ChartFiles.DEFAULT_HEIGHT,
                                    ChartCache.PLACEHOLDER_ID_PREFIX),
                            ChartFiles.DEFAULT_WIDTH, ChartFiles.DEFAULT_HEIGHT);
                }
                return drawn.svgElement;
            }
        }

        /** The chart's title, or "" when it has none. */
        public String title() {
            return cache.text(drawn.contentKey(), "title",
                    () -> chart().getTitle() == null ? "" : chart().getTitle().getText());
        }

        /** The report's playhead attributes of the chart drawn at this size (none unless it runs over time). */
        List<String> playhead(int width, int height) {
            return cache.attributes(drawn.contentKey(), "playhead", () -> {
                ChartRenderingInfo layout;
                synchronized (drawn) {
                    boolean pngSize = width == ChartFiles.DEFAULT_WIDTH && height == ChartFiles.DEFAULT_HEIGHT;
                    layout = pngSize ? drawn.pngLayout : null;
                }
                return List.of(ChartPlayhead.attributes(chart(), width, height, layout));
            }, width, height);
        }
    }

    /**
     * A chart (drawn when first needed) and what it was drawn from, to tell when it is out of date; its
     * content key (null: not cacheable) names everything it draws.
     */
    static final class Drawn {
        private final Object basis;
        private final String contentKey;
        private Supplier<JFreeChart> draw;
        private JFreeChart chart;
        /** Its PNG once made ({@link Chart#png}). */
        private byte[] png;
        /** The layout its PNG was drawn with, when drawn here (not found in the cache): a playhead reads it. */
        private ChartRenderingInfo pngLayout;
        /** Its SVG element with placeholder ids once drawn ({@link Chart#placeholderElement}). */
        private String svgElement;

        Drawn(Object basis, String contentKey, Supplier<JFreeChart> draw) {
            this.basis = basis;
            this.contentKey = contentKey;
            this.draw = draw;
        }

        Object basis() {
            return basis;
        }

        String contentKey() {
            return contentKey;
        }

        synchronized boolean isDrawn() {
            return chart != null;
        }

        synchronized JFreeChart chart() {
            if (chart == null) {
                chart = draw.get();
                draw = null;
            }
            return chart;
        }
    }

    private final Session session;
    private final Map<ChartKey, Drawn> drawn = new HashMap<>();
    /** The spectrograms and band tracks the charts read of the mix and of the master, shared between them. */
    private final ChartMeasures mixMeasures = new ChartMeasures();
    private final ChartMeasures masterMeasures = new ChartMeasures();
    /** The drawn charts by content, in the session's result cache. */
    private final ChartCache cache;

    public SessionCharts(Session session) {
        this.session = session;
        this.cache = new ChartCache(session);
    }

    /** Every chart of the session as it stands, in reading order. */
    public synchronized List<Chart> all() {
        List<Chart> charts = new ArrayList<>();
        charts.add(mixSpectrum());
        charts.add(mixLoudness());
        for (StepRun step : session.steps()) {
            charts.addAll(ofStep(step));
        }
        for (Problem p : session.problems()) {
            charts.add(problemBandEnergy(p));
        }
        for (Comparison c : session.comparisons()) {
            if (c.hasReference()) {
                charts.addAll(ofReferenceComparison(c));
            } else {
                charts.add(ofComparison(c));
            }
        }
        charts.add(mixSpectrogram());
        for (Problem p : session.problems()) {
            charts.add(problemSpectrogram(p));
        }
        if (!session.steps().isEmpty()) {
            charts.add(masterSpectrogram());
        }
        return charts;
    }

    /** Spectrum and loudness before and after, and the gain reduction of each dynamics processor. */
    public synchronized List<Chart> ofStep(StepRun step) {
        List<Chart> charts = new ArrayList<>();
        charts.add(stepSpectrum(step));
        charts.add(stepLoudness(step));
        charts.addAll(matchEqCurves(step));
        List<GainReductionTrace> traces = step.gainReduction();
        for (int i = 0; i < traces.size(); i++) {
            GainReductionTrace trace = traces.get(i);
            OfStep key = OfStep.gainReduction(step, i);
            String title = "Step " + step.index() + " '" + step.name() + "': gain reduction" + key.traceSuffix();
            double hopSeconds = trace.hopFrames() / (double) step.after().analysis().sampleRate();
            // A multiband compressor's bands each get a line: merged, they would hide which band worked.
            charts.add(chart(key, List.of(), () -> trace.bands().isEmpty()
                    ? Charts.gainReduction(title, trace.toArray(), hopSeconds)
                    : Charts.gainReductionByBand(title + " by band",
                            trace.bands().stream().map(GainReductionTrace::label).toList(),
                            trace.bands().stream().map(GainReductionTrace::toArray).toList(), hopSeconds)));
        }
        return charts;
    }

    /** Each match EQ's designed curve, as resolved on the step's input (what the session saves and renders). */
    private List<Chart> matchEqCurves(StepRun step) {
        List<org.freshears.chain.MatchEqCurve> curves = step.resolved().stream()
                .filter(org.freshears.chain.MatchEqCurve.class::isInstance)
                .map(org.freshears.chain.MatchEqCurve.class::cast).toList();
        List<Chart> charts = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            org.freshears.chain.MatchEqCurve curve = curves.get(i);
            OfStep key = OfStep.matchEq(step, i, curves.size());
            String title = "Step " + step.index() + " '" + step.name() + "': match EQ toward '" + curve.reference()
                    + "'" + key.traceSuffix();
            charts.add(chart(key, curve, () -> Charts.matchEqCurve(title, curve.frequenciesHz(), curve.gainsDb(),
                    curve.maxBoostDb(), curve.maxCutDb(), curve.lowHz(), curve.highHz())));
        }
        return charts;
    }

    public synchronized Chart ofComparison(Comparison c) {
        return chart(new OfComparison(c), List.of(), () -> {
            // Silence has no loudness to match: such a pair is drawn as it is.
            Comparison matched = c.canLevelMatch() ? c.levelMatched() : c;
            String title = "'" + c.nameB() + "' against '" + c.nameA() + "'" + (matched.isLevelMatched()
                    ? String.format(Locale.ROOT, ", level-matched (%+.1f dB)", matched.gainDb()) : "");
            return Charts.compareSpectra(title, c.nameA(), c.a().analysis().spectrum(), c.nameB(),
                    c.b().analysis().spectrum(), matched.gainDb());
        });
    }

    /**
     * A version against a reference track: the spectra level-matched (as any comparison), the third-octave
     * differences the findings read, and the loudness over time of both, the reference level-matched.
     */
    public synchronized List<Chart> ofReferenceComparison(Comparison c) {
        Comparison matched = c.canLevelMatch() ? c.levelMatched() : c;
        String name = c.reference().name();
        String against = "'" + c.nameA() + "' against reference '" + name + "'";
        Chart thirds = chart(new ChartKey.OfReference(c, ChartKey.ReferenceView.THIRDS), List.of(), () -> {
            org.freshears.session.BandDifferences d = c.thirdOctaves();
            return Charts.referenceBands(against + ", per third octave", "Level-matched: '" + c.nameA()
                    + "' minus the reference moved " + String.format(Locale.ROOT, "%+.1f dB", matched.gainDb())
                    + " (below 0: less there than the reference)", "'" + c.nameA() + "' minus reference (dB)",
                    d.centresHz(), c.nameA() + " \u2212 " + name, d.differencesDb());
        });
        Chart loudness = chart(new ChartKey.OfReference(c, ChartKey.ReferenceView.LOUDNESS), List.of(),
                () -> Charts.loudnessAgainstReference(against + ": loudness over time"
                        + (matched.isLevelMatched() ? String.format(Locale.ROOT, ", reference moved %+.1f dB",
                                matched.gainDb()) : ""), c.nameA(), c.a().analysis().loudness(),
                        c.b().analysis().loudness(), matched.gainDb()));
        return List.of(ofComparison(c), thirds, loudness);
    }

    /** The mix's spectrogram, sections and notes marked. */
    public synchronized Chart mixSpectrogram() {
        return chart(new OfMix(MixView.SPECTROGRAM), List.of(session.sections(), session.notes()),
                () -> SpectrogramCharts.mix(session, mixMeasures));
    }

    /**
     * The master's spectrogram as it stands (after every step so far). Its basis names the steps themselves, not
     * their number: a kernel's cell run again replaces a step, and the master with it.
     */
    public synchronized Chart masterSpectrogram() {
        return chart(new OfMaster(), List.of(List.copyOf(session.steps()), session.sections(), session.notes()),
                () -> SpectrogramCharts.master(session, masterMeasures));
    }

    /** A problem area's span and band as a spectrogram: the mix, and the master once a step has run. */
    public synchronized Chart problemSpectrogram(Problem p) {
        return chart(new OfProblem(p, ProblemView.SPECTROGRAM), List.of(p.area(), List.copyOf(session.steps())),
                () -> SpectrogramCharts.problem(session, p, mixMeasures, masterMeasures));
    }

    private Chart mixSpectrum() {
        List<ShadedBand> bands = new ArrayList<>(session.problems().stream()
                .map(p -> new ShadedBand(p.name(), p.area().band())).toList());
        // What fresh ears found in a band, numbered as in the report's table.
        session.heard().ifPresent(found -> found.list().stream().filter(f -> f.band() != null)
                .forEach(f -> bands.add(new ShadedBand(FindingsSection.label(found, f), f.band()))));
        return chart(new OfMix(MixView.SPECTRUM), bands, () -> Charts.spectrum("The mix: long-term spectrum",
                session.snapshot(Session.MIX).analysis().spectrum(), bands));
    }

    private Chart mixLoudness() {
        double target = targetLufs();
        List<MarkedSpan> marks = session.heard().map(found -> found.list().stream().filter(f -> f.span() != null)
                .map(f -> new MarkedSpan(FindingsSection.label(found, f), f.span())).toList()).orElse(List.of());
        return chart(new OfMix(MixView.LOUDNESS), List.of(loudnessBasis(target), marks), () -> Charts.loudness(
                "The mix: loudness over time", session.snapshot(Session.MIX).analysis().loudness(), target,
                session.sections(), session.notes(), marks));
    }

    private Chart stepSpectrum(StepRun step) {
        List<ShadedBand> bands = step.addresses().stream()
                .map(p -> new ShadedBand(p.name(), p.area().band())).toList();
        return chart(OfStep.spectrum(step), bands, () -> Charts.spectrumBeforeAfter(
                "Step " + step.index() + " '" + step.name() + "': spectrum before and after",
                step.before().analysis().spectrum(), step.after().analysis().spectrum(), bands));
    }

    private Chart stepLoudness(StepRun step) {
        double target = targetLufsUpTo(step.index());
        return chart(OfStep.loudness(step), loudnessBasis(target), () -> Charts.loudnessBeforeAfter(
                "Step " + step.index() + " '" + step.name() + "': loudness before and after",
                step.before().analysis().loudness(), step.after().analysis().loudness(), target,
                session.sections(), session.notes()));
    }

    /** A problem band's energy over time, mix against the master as it stands (needs both audios). */
    private Chart problemBandEnergy(Problem p) {
        ProblemArea a = p.area();
        return chart(new OfProblem(p, ProblemView.BAND_ENERGY), List.of(a, List.copyOf(session.steps())), () -> {
            List<org.freshears.checklist.Band> bands = session.problems().stream().map(q -> q.area().band()).toList();
            BandEnergyTrack mix = mixMeasures.track(session.mix().audio(), session.mix(), a.band(), bands);
            BandEnergyTrack master = masterMeasures.track(session.master(), session.latest(), a.band(), bands);
            return Charts.bandEnergyLevelMatched("Problem '" + a.name() + "' (" + a.band()
                    + "): band energy, mix and master", mix, session.snapshot(Session.MIX).analysis().integratedLufs(),
                    master, session.latest().analysis().integratedLufs(), a.span());
        });
    }

    private Chart chart(ChartKey key, Object basis, Supplier<JFreeChart> draw) {
        Drawn d = drawn.get(key);
        if (d == null || !d.basis().equals(basis)) {
            d = new Drawn(basis, cache.contentKey(key, basis), draw);
            drawn.put(key, d);
        }
        return new Chart(key, d, cache);
    }

    private List<Object> loudnessBasis(double targetLufs) {
        return List.of(targetLufs, session.sections(), session.notes());
    }

    /** The loudness the chain aims at: the first loudness target's, else none (NaN). */
    double targetLufs() {
        return targetLufsUpTo(Integer.MAX_VALUE);
    }

    /**
     * The loudness target a step's loudness chart draws: the chain's first, when it is set by this step or one
     * before it (the versions from there on are meant to sit on it), else none (NaN). The steps before it are
     * not judged by it, and their charts do not change when the target is edited (a kernel's cell run again
     * draws only the charts of what changed).
     */
    double targetLufsUpTo(int stepIndex) {
        for (StepRun step : session.steps()) {
            if (step.index() > stepIndex) {
                break;
            }
            for (Step written : step.written()) {
                if (written instanceof LoudnessTarget t) {
                    return t.targetLufs();
                }
                if (written instanceof org.freshears.chain.CodecSafeLimiter c && c.targetLufs() != null) {
                    return c.targetLufs();
                }
            }
        }
        return Double.NaN;
    }
}
