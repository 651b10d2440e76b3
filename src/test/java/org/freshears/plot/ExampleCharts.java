package org.freshears.plot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavReader;
import org.freshears.chain.Bell;
import org.freshears.chain.Compressor;
import org.freshears.chain.GainReductionSource;
import org.freshears.chain.GainReductionTrace;
import org.freshears.chain.Processor;
import org.freshears.chain.Renderer;
import org.freshears.checklist.Band;
import org.freshears.checklist.ListenNote;
import org.freshears.checklist.Section;
import org.freshears.checklist.TimeSpan;
import org.freshears.demo.DemoMix;
import org.freshears.demo.DemoMixSpec;
import org.freshears.demo.DemoMixStructure;
import org.freshears.demo.SongSection;
import org.freshears.measure.BandEnergy;
import org.freshears.measure.LoudnessMeter;
import org.freshears.measure.LoudnessReport;
import org.freshears.measure.Spectrum;
import org.freshears.measure.SpectrumAnalyzer;
import org.jfree.chart.JFreeChart;

/**
 * Renders one example of every chart from real measurements of a mix, for looking at (not a test):
 * {@code ExampleCharts [mix.wav [outDir]]}; without a file it uses the generated demo mix. The "step" is a
 * Bell(300 Hz, −3 dB) followed by a gentle compressor.
 */
public final class ExampleCharts {
    public static void main(String[] args) throws Exception {
        AudioBuffer mix = args.length > 0 ? WavReader.read(Path.of(args[0])).audio()
                : DemoMix.generate(DemoMixSpec.sample());
        Path out = Path.of(args.length > 1 ? args[1] : "/tmp/charts");
        Files.createDirectories(out);
        DemoMixStructure structure = DemoMix.describe(new DemoMixSpec(mix.sampleRate(), mix.durationSeconds(),
                DemoMixSpec.DEFAULT_SEED));
        List<Section> sections = new ArrayList<>();
        for (SongSection s : structure.sections()) {
            sections.add(new Section(s.name(), new TimeSpan(s.startSeconds(), s.endSeconds())));
        }
        List<ListenNote> notes = List.of(ListenNote.pass("headphones, next morning, 3 passes"),
                ListenNote.at(TimeSpan.parseSeconds("0:12"), "snare bites on the chorus entry, a lot"),
                ListenNote.at(TimeSpan.parseSeconds("0:13.5"), "cymbals harsh"),
                ListenNote.at(TimeSpan.parseSeconds("0:30"), "low end gets thick and boomy under the pad"));

        AudioBuffer after = mix.copy();
        new Renderer().render(List.of(new Bell(300, -3)), after);
        Processor compressor = Compressor.defaults().thresholdDb(-22).ratio(2).attackMs(20).releaseMs(150)
                .newProcessor();
        GainReductionTrace trace = GainReductionTrace.forFrames(after.sampleRate(), after.frames(),
                GainReductionTrace.DEFAULT_HOP_MS);
        ((GainReductionSource) compressor).traceInto(trace);
        new Renderer().apply(compressor, after);

        SpectrumAnalyzer analyzer = new SpectrumAnalyzer();
        Spectrum sBefore = analyzer.analyze(mix);
        Spectrum sAfter = analyzer.analyze(after);
        LoudnessReport lBefore = LoudnessMeter.measure(mix);
        LoudnessReport lAfter = LoudnessMeter.measure(after);
        List<ShadedBand> bands = List.of(new ShadedBand("muddy low-mids", new Band(180, 400)),
                new ShadedBand("harsh cymbals", new Band(5_000, 9_000)));
        double gainToMatch = lBefore.integratedLufs() - lAfter.integratedLufs();

        write(out, "spectrum", Charts.spectrum("Mix: long-term spectrum", sBefore, bands));
        write(out, "spectrum-before-after", Charts.spectrumBeforeAfter("Clean lows: spectrum before and after",
                sBefore, sAfter, bands));
        write(out, "compare-spectra", Charts.compareSpectra("Mix vs step, level-matched", "mix", sBefore, "step",
                sAfter, gainToMatch));
        write(out, "loudness", Charts.loudness("Mix: loudness", lBefore, -14, sections, notes));
        write(out, "loudness-before-after", Charts.loudnessBeforeAfter("Clean lows: loudness before and after",
                lBefore, lAfter, -14, sections, notes));
        write(out, "gain-reduction", Charts.gainReduction("Glue: gain reduction", trace.toArray(),
                trace.hopFrames() / (double) after.sampleRate()));
        TimeSpan mudSpan = new TimeSpan(0, Math.min(45, mix.durationSeconds()));
        write(out, "band-energy", Charts.bandEnergy("Muddy low-mids (180–400 Hz) over time",
                BandEnergy.track(mix, 180, 400), BandEnergy.track(after, 180, 400), mudSpan));
    }

    private static void write(Path dir, String name, JFreeChart chart) throws Exception {
        System.out.println(ChartFiles.writePng(chart, dir.resolve(name + ".png")));
        ChartFiles.writeSvg(chart, dir.resolve(name + ".svg"));
    }
}
