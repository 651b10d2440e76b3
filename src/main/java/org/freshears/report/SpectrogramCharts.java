package org.freshears.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.freshears.audio.AudioBuffer;
import org.freshears.checklist.Band;
import org.freshears.checklist.ProblemArea;
import org.freshears.checklist.TimeSpan;
import org.freshears.measure.Spectrogram;
import org.freshears.measure.SpectrogramAnalyzer;
import org.freshears.plot.Charts;
import org.freshears.session.Problem;
import org.freshears.session.Session;
import org.jfree.chart.JFreeChart;

/**
 * The spectrograms of a session: the whole mix, the whole master, and each problem area's surroundings
 * zoomed to its band, mix above master, the problem drawn as a box. Computed when asked for (they need the
 * audio, which snapshots do not keep); each is bounded in size whatever the length of the song.
 */
final class SpectrogramCharts {
    /** A problem is shown with this much of the song either side of its span (at least a second)... */
    static final double CONTEXT_FRACTION = 0.25;
    static final double MIN_CONTEXT_SECONDS = 1;
    /** ...and an octave either side of its band, in 1/24-octave rows (a zoom can afford finer rows). */
    static final double CONTEXT_OCTAVES = 1;
    static final int ZOOM_ROWS_PER_OCTAVE = 24;

    private SpectrogramCharts() {
    }

    static JFreeChart mix(Session s, ChartMeasures mixMeasures) {
        AudioBuffer mix = s.mix().audio();
        return Charts.spectrogram("The mix: spectrogram", mixMeasures.spectrogram(mix, s.mix(),
                new SpectrogramAnalyzer(), 0, mix.frames(), wanted(s, mix)), s.sections(), s.notes());
    }

    /** The master as it stands (after every step so far). */
    static JFreeChart master(Session s, ChartMeasures masterMeasures) {
        String after = s.steps().isEmpty() ? "no step yet" : "after '" + s.latest().name() + "'";
        AudioBuffer master = s.master();
        return Charts.spectrogram("The master: spectrogram (" + after + ")", masterMeasures.spectrogram(master,
                s.latest(), new SpectrogramAnalyzer(), 0, master.frames(), wanted(s, master)), s.sections(),
                s.notes());
    }

    /**
     * The problem's span with some song either side, its band with an octave either side: the mix, and the
     * master below it once a step has run and as long as no edit has moved the master's time against the mix.
     */
    static JFreeChart problem(Session s, Problem p, ChartMeasures mixMeasures, ChartMeasures masterMeasures) {
        ProblemArea area = p.area();
        AudioBuffer mix = s.mix().audio();
        TimeSpan span = area.span().clampTo(mix.durationSeconds());
        Band band = area.band();
        ChartMeasures.Wanted zoom = zoom(mix, area);
        List<String> names = new ArrayList<>(List.of("Mix"));
        List<Spectrogram> versions = new ArrayList<>(List.of(mixMeasures.spectrogram(mix, s.mix(), zoom.analyzer(),
                zoom.from(), zoom.to(), wanted(s, mix))));
        String title = "Problem '" + area.name() + "': spectrogram";
        boolean masterAligned = s.master().frames() == mix.frames();
        if (!s.steps().isEmpty() && masterAligned) {
            // Level-matched, as comparisons are: a master 10 dB louder would look brighter everywhere and hide
            // whether the problem's band went down against the rest.
            double gainDb = s.snapshot(Session.MIX).analysis().integratedLufs() - s.latest().analysis().integratedLufs();
            boolean match = Double.isFinite(gainDb);
            Spectrogram master = masterMeasures.spectrogram(s.master(), s.latest(), zoom.analyzer(), zoom.from(),
                    zoom.to(), wanted(s, s.master()));
            names.add(match ? "Master, matched" : "Master");
            versions.add(match ? master.plusDb(gainDb) : master);
            title += match ? String.format(Locale.ROOT, ", mix and master level-matched (master %+.1f dB)", gainDb)
                    : ", mix and master";
        }
        return Charts.problemSpectrogram(title, names, versions, area.name(), span, band);
    }

    /** The problem's zoom: its span with some song either side, its band with an octave either side. */
    private static ChartMeasures.Wanted zoom(AudioBuffer mix, ProblemArea area) {
        TimeSpan span = area.span().clampTo(mix.durationSeconds());
        double context = Math.max(MIN_CONTEXT_SECONDS, CONTEXT_FRACTION * span.durationSeconds());
        int from = (int) Math.max(0, Math.floor((span.fromSeconds() - context) * mix.sampleRate()));
        int to = (int) Math.min(mix.frames(), Math.ceil((span.toSeconds() + context) * mix.sampleRate()));
        Band band = area.band();
        double widen = Math.pow(2, CONTEXT_OCTAVES);
        SpectrogramAnalyzer analyzer = new SpectrogramAnalyzer().rowsPerOctave(ZOOM_ROWS_PER_OCTAVE)
                .band(Math.max(10, band.lowHz() / widen), Math.min(mix.sampleRate() / 2.0, band.highHz() * widen));
        return new ChartMeasures.Wanted(analyzer, from, to);
    }

    /**
     * Every spectrogram the charts show of a version: the whole song's and each problem's zoom (those over the
     * same frames are made in one pass). A version of another length than the mix shows only the whole song.
     */
    private static List<ChartMeasures.Wanted> wanted(Session s, AudioBuffer version) {
        List<ChartMeasures.Wanted> wanted = new ArrayList<>();
        wanted.add(new ChartMeasures.Wanted(new SpectrogramAnalyzer(), 0, version.frames()));
        AudioBuffer mix = s.mix().audio();
        if (version.frames() == mix.frames()) {
            s.problems().forEach(p -> wanted.add(zoom(mix, p.area())));
        }
        return wanted;
    }
}
