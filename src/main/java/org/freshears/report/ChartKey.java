package org.freshears.report;

import java.util.Locale;
import org.freshears.session.Comparison;
import org.freshears.session.Problem;
import org.freshears.session.StepRun;

/**
 * Which chart of which subject: the mix, a step, a problem area, a comparison. The report places a chart
 * by its key (next to its subject); the key also names the chart's files ({@link #fileName()}, which
 * outputs keep from run to run: {@code step-2-tame-cymbals-spectrum}).
 */
public sealed interface ChartKey {

    /** The name of the chart's files, without extension. */
    String fileName();

    /** The mix as measured: its long-term spectrum, its loudness over time. */
    record OfMix(MixView view) implements ChartKey {
        @Override
        public String fileName() {
            return "mix-" + view.suffix;
        }
    }

    /** A step before and after; gain reduction per dynamics processor ({@code traceIndex}, 0-based). */
    record OfStep(StepRun step, StepView view, int traceIndex, int traceCount) implements ChartKey {
        public static OfStep spectrum(StepRun step) {
            return new OfStep(step, StepView.SPECTRUM, 0, 0);
        }

        public static OfStep loudness(StepRun step) {
            return new OfStep(step, StepView.LOUDNESS, 0, 0);
        }

        public static OfStep gainReduction(StepRun step, int traceIndex) {
            return new OfStep(step, StepView.GAIN_REDUCTION, traceIndex, step.gainReduction().size());
        }

        /** A match EQ's designed curve ({@code traceIndex}: which of the step's match EQs, 0-based, of {@code count}). */
        public static OfStep matchEq(StepRun step, int index, int count) {
            return new OfStep(step, StepView.MATCH_EQ, index, count);
        }

        /** "" for a step with one dynamics processor (or match EQ), "-1", "-2"... for several. */
        String traceSuffix() {
            return view != StepView.GAIN_REDUCTION && view != StepView.MATCH_EQ || traceCount == 1 ? ""
                    : "-" + (traceIndex + 1);
        }

        @Override
        public String fileName() {
            return "step-" + step.index() + "-" + slug(step.name()) + "-" + view.suffix + traceSuffix();
        }
    }

    /** A problem band's energy over time, mix against master; its span and band as a spectrogram. */
    record OfProblem(Problem problem, ProblemView view) implements ChartKey {
        @Override
        public String fileName() {
            return "problem-" + slug(problem.name()) + "-" + view.suffix;
        }
    }

    /** The master as it stands after every step (its spectrogram). */
    record OfMaster() implements ChartKey {
        @Override
        public String fileName() {
            return "master-spectrogram";
        }
    }

    /** Two versions' spectra, level-matched. */
    record OfComparison(Comparison comparison) implements ChartKey {
        @Override
        public String fileName() {
            return "compare-" + slug(comparison.nameB()) + "-vs-" + slug(comparison.nameA());
        }
    }

    /** A version against a reference track: third-octave differences, loudness over time overlaid. */
    record OfReference(Comparison comparison, ReferenceView view) implements ChartKey {
        @Override
        public String fileName() {
            return "compare-" + slug(comparison.nameB()) + "-vs-" + slug(comparison.nameA()) + "-" + view.suffix;
        }
    }

    enum ReferenceView {
        THIRDS("thirds"), LOUDNESS("loudness");

        private final String suffix;

        ReferenceView(String suffix) {
            this.suffix = suffix;
        }
    }

    enum MixView {
        SPECTRUM("spectrum"), LOUDNESS("loudness"), SPECTROGRAM("spectrogram");

        private final String suffix;

        MixView(String suffix) {
            this.suffix = suffix;
        }
    }

    enum ProblemView {
        BAND_ENERGY("band-energy"), SPECTROGRAM("spectrogram");

        private final String suffix;

        ProblemView(String suffix) {
            this.suffix = suffix;
        }
    }

    enum StepView {
        SPECTRUM("spectrum"), LOUDNESS("loudness"), GAIN_REDUCTION("gain-reduction"), MATCH_EQ("match-eq");

        private final String suffix;

        StepView(String suffix) {
            this.suffix = suffix;
        }
    }

    /** "Tame cymbals!" -> "tame-cymbals". */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "x" : s;
    }
}
