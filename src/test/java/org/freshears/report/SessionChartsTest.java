package org.freshears.report;

import static org.freshears.Mastering.band;
import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.session.Display;
import org.freshears.session.Problem;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.session.StepRun;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each chart is drawn once under its key, and again only when what it shows has changed. */
class SessionChartsTest {
    @TempDir
    Path dir;

    @Test
    void aChartIsDrawnOnceUnlessWhatItShowsChanged() throws Exception {
        Path mix = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 48_000, 4 * 48_000, 0.1, 3), mix, WavOutputFormat.pcm24());
        Session s = Session.open(mix, new SessionContext(dir, Display.NONE, Progress.Factory.NONE));
        Problem mud = s.problem("mud", span("0:00", "0:03"), band(200, 400));
        StepRun eq = s.step("eq", bell(300, -3));
        SessionCharts charts = new SessionCharts(s);

        List<SessionCharts.Chart> shown = charts.ofStep(eq); // as a cell shows them, right after the step
        assertEquals(List.of("step-1-eq-spectrum", "step-1-eq-loudness"),
                shown.stream().map(SessionCharts.Chart::fileName).toList());
        assertSame(shown.get(0).chart(), charts.ofStep(eq).get(0).chart(), "nothing changed: the same chart");

        eq.addresses(mud); // the spectrum now shades the problem's band: drawn again
        SessionCharts.Chart spectrum = charts.ofStep(eq).get(0);
        assertNotSame(shown.get(0).chart(), spectrum.chart());
        assertSame(shown.get(1).chart(), charts.ofStep(eq).get(1).chart(), "the loudness chart did not change");

        // A target line on the loudness charts of the mix and of the step that sets it, not of the steps before.
        s.step("loudness", limiter().ceilingDbtp(-1).targetLufs(-16));
        List<SessionCharts.Chart> all = charts.all();
        SessionCharts.Chart eqLoudness = all.stream().filter(c -> c.fileName().equals("step-1-eq-loudness"))
                .findFirst().orElseThrow();
        assertSame(shown.get(1).chart(), eqLoudness.chart(), "the step before the target is not judged by it");
        assertSame(spectrum.chart(), all.stream().filter(c -> c.fileName().equals("step-1-eq-spectrum"))
                .findFirst().orElseThrow().chart());
        assertEquals(List.of("mix-spectrum", "mix-loudness", "step-1-eq-spectrum", "step-1-eq-loudness",
                "step-2-loudness-spectrum", "step-2-loudness-loudness", "step-2-loudness-gain-reduction",
                "problem-mud-band-energy", "mix-spectrogram", "problem-mud-spectrogram", "master-spectrogram"),
                all.stream().map(SessionCharts.Chart::fileName).toList());
        // Asked again with nothing changed: every chart is the one already drawn.
        List<SessionCharts.Chart> again = charts.all();
        for (int i = 0; i < all.size(); i++) {
            assertSame(all.get(i).chart(), again.get(i).chart(), all.get(i).fileName());
        }
        assertEquals(all.stream().map(SessionCharts.Chart::key).toList(),
                again.stream().map(SessionCharts.Chart::key).toList());
    }

    /** A kernel's cell run again replaces its step: the master's and the problems' charts show the new one. */
    @Test
    void aStepRunAgainRedrawsTheChartsOfTheMasterAndTheProblems() throws Exception {
        Path mix = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 48_000, 4 * 48_000, 0.1, 3), mix, WavOutputFormat.pcm24());
        Session s = Session.open(mix, new SessionContext(dir, Display.NONE, Progress.Factory.NONE).withRerunnableCells());
        Problem mud = s.problem("mud", span("0:00", "0:03"), band(200, 400));
        s.step("eq", bell(300, -3)).addresses(mud);
        SessionCharts charts = new SessionCharts(s);
        SessionCharts.Chart master = charts.masterSpectrogram();
        SessionCharts.Chart mudSpectrogram = charts.problemSpectrogram(mud);
        SessionCharts.Chart mudBand = charts.all().stream().filter(c -> c.fileName().equals("problem-mud-band-energy"))
                .findFirst().orElseThrow();
        assertSame(master.chart(), charts.masterSpectrogram().chart(), "nothing changed: the same chart");

        s.step("eq", bell(300, -9)).addresses(mud); // the same number of steps, another master
        assertNotSame(master.chart(), charts.masterSpectrogram().chart());
        assertNotSame(mudSpectrogram.chart(), charts.problemSpectrogram(mud).chart());
        assertNotSame(mudBand.chart(), charts.all().stream().filter(c -> c.fileName().equals("problem-mud-band-energy"))
                .findFirst().orElseThrow().chart());
    }
}
