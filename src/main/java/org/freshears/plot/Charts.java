package org.freshears.plot;

import java.util.List;
import org.freshears.checklist.Band;
import org.freshears.checklist.ListenNote;
import org.freshears.checklist.Section;
import org.freshears.checklist.TimeSpan;
import org.freshears.measure.BandEnergyTrack;
import org.freshears.measure.LoudnessReport;
import org.freshears.measure.Spectrum;
import org.freshears.measure.Spectrogram;
import org.jfree.chart.JFreeChart;

/**
 * Every chart Fresh Ears draws, in one place. Charts are plain JFreeChart objects in the {@link ChartStyle}
 * look; write them with {@link ChartFiles}. Everything runs headless.
 *
 * <p>Spectra are 1/6-octave smoothed power means of the channels on a 20 Hz–20 kHz log axis (see
 * {@link SpectrumChart}); loudness is R 128 momentary and short-term over time in m:ss (see
 * {@link LoudnessChart}). Missing values (NaN, the −Infinity of silence) are drawn as gaps.
 */
public final class Charts {
    static {
        Headless.ensure();
    }

    private Charts() {
    }

    /** The spectrum of one version (the mix as analysed). */
    public static JFreeChart spectrum(String title, Spectrum spectrum) {
        return SpectrumChart.single(title, spectrum, List.of());
    }

    /** The spectrum of one version with bands shaded (e.g. the problem areas written down on listening). */
    public static JFreeChart spectrum(String title, Spectrum spectrum, List<ShadedBand> bands) {
        return SpectrumChart.single(title, spectrum, bands);
    }

    /**
     * The spectrum before and after a step: levels ("Before", "After", dBFS) above, "After − Before" (dB)
     * below, the problem bands the step addresses shaded and labelled.
     */
    public static JFreeChart spectrumBeforeAfter(String title, Spectrum before, Spectrum after,
            List<ShadedBand> bands) {
        return SpectrumChart.beforeAfter(title, before, after, bands);
    }

    /**
     * Two versions level-matched: B is drawn {@code gainDbAppliedToB} louder (negative: quieter) so that
     * the comparison shows tone, not loudness; the lower plot is B (matched) − A.
     */
    public static JFreeChart compareSpectra(String title, String nameA, Spectrum a, String nameB, Spectrum b,
            double gainDbAppliedToB) {
        return SpectrumChart.compare(title, nameA, a, nameB, b, gainDbAppliedToB);
    }

    /** Loudness of one version over time; {@code targetLufs} NaN draws no target line. */
    public static JFreeChart loudness(String title, LoudnessReport report, double targetLufs, List<Section> sections,
            List<ListenNote> notes) {
        return LoudnessChart.single(title, report, targetLufs, sections, notes, List.of());
    }

    /** As {@link #loudness(String, LoudnessReport, double, List, List)}, with stretches marked (findings). */
    public static JFreeChart loudness(String title, LoudnessReport report, double targetLufs, List<Section> sections,
            List<ListenNote> notes, List<MarkedSpan> marks) {
        return LoudnessChart.single(title, report, targetLufs, sections, notes, marks);
    }

    /**
     * Loudness before and after a step: momentary (thin) and short-term (thick) of each, their integrated
     * loudness and the target ({@code NaN}: none) as lines, sections shaded, timed notes marked (notes on a
     * whole listening pass have no time and are not drawn).
     */
    public static JFreeChart loudnessBeforeAfter(String title, LoudnessReport before, LoudnessReport after,
            double targetLufs, List<Section> sections, List<ListenNote> notes) {
        return LoudnessChart.beforeAfter(title, before, after, targetLufs, sections, notes);
    }

    /**
     * The gain a dynamics step applied over time: one value (dB, negative for reduction) per hop of
     * {@code hopSeconds}, as a dynamics processor's gain-reduction trace records it.
     */
    public static JFreeChart gainReduction(String title, double[] gainDb, double hopSeconds) {
        return GainReductionChart.build(title, gainDb, hopSeconds);
    }

    /**
     * The gain each band of a multiband compressor applied over time, one line per band (named, lowest
     * first), one value per hop of {@code hopSeconds}.
     */
    public static JFreeChart gainReductionByBand(String title, List<String> bandNames, List<double[]> gainDb,
            double hopSeconds) {
        return GainReductionChart.byBand(title, bandNames, gainDb, hopSeconds);
    }

    /**
     * Level over time and log frequency as a heat map with a dBFS colour bar, the song's sections and timed
     * notes marked (see {@link SpectrogramChart}).
     */
    public static JFreeChart spectrogram(String title, Spectrogram spectrogram, List<Section> sections,
            List<ListenNote> notes) {
        return SpectrogramChart.whole(title, spectrogram, sections, notes);
    }

    /**
     * A problem area's surroundings in one or more versions (named, e.g. "Mix", "Master"), stacked on one time
     * axis and one colour scale, the problem's span and band drawn as a box.
     */
    public static JFreeChart problemSpectrogram(String title, List<String> names, List<Spectrogram> versions,
            String problemName, TimeSpan span, Band band) {
        return SpectrogramChart.problem(title, names, versions, problemName, span, band);
    }

    /**
     * A problem band's energy over time before and after a step: relative level (band minus whole spectrum)
     * above, absolute band level below, {@code problemSpan} shaded (null: none).
     */
    public static JFreeChart bandEnergy(String title, BandEnergyTrack before, BandEnergyTrack after,
            TimeSpan problemSpan) {
        return BandEnergyChart.build(title, before, after, problemSpan);
    }

    /**
     * A problem band's energy over time, level-matched: above, the band against each version's integrated
     * loudness (what the checklist judges); below, the absolute band level; {@code problemSpan} shaded.
     */
    public static JFreeChart bandEnergyLevelMatched(String title, BandEnergyTrack before, double beforeLufs,
            BandEnergyTrack after, double afterLufs, TimeSpan problemSpan) {
        return BandEnergyChart.levelMatched(title, before, beforeLufs, after, afterLufs, problemSpan);
    }

    /**
     * What versions of a master changed per band, one line each (a codec's decoded version minus the
     * master, per third octave), 0 dB marked (see {@link BandDifferenceChart}).
     */
    public static JFreeChart bandDifferences(String title, String subtitle, double[] centresHz, List<String> names,
            List<double[]> differencesDb) {
        return BandDifferenceChart.build(title, subtitle, centresHz, names, differencesDb);
    }

    // ---- reference tracks (#16 item 2) ---------------------------------------------------------------

    /** A version against a reference per third octave: one line, 0 dB (as the reference) marked. */
    public static JFreeChart referenceBands(String title, String subtitle, String axisLabel, double[] centresHz,
            String name, double[] differencesDb) {
        return BandDifferenceChart.build(title, subtitle, axisLabel, centresHz, List.of(name), List.of(differencesDb));
    }

    /** A version's loudness over time and a reference's overlaid, the reference moved by {@code gainDbB}. */
    public static JFreeChart loudnessAgainstReference(String title, String nameA, LoudnessReport a,
            LoudnessReport reference, double gainDbB) {
        return LoudnessChart.againstReference(title, nameA, a, reference, gainDbB);
    }

    /**
     * A match EQ's designed curve (gain in dB at each point), its boost and cut limits and the range it corrects
     * (see {@link MatchEqChart}).
     */
    public static JFreeChart matchEqCurve(String title, double[] frequenciesHz, double[] gainsDb, double maxBoostDb,
            double maxCutDb, double lowHz, double highHz) {
        return MatchEqChart.build(title, frequenciesHz, gainsDb, maxBoostDb, maxCutDb, lowHz, highHz);
    }
}
