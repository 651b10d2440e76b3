package org.freshears.findings;

import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavReader;
import org.freshears.demo.DemoMix;
import org.freshears.demo.DemoMixSpec;
import org.freshears.demo.DemoMixes;
import org.freshears.measure.Analysis;
import org.freshears.measure.SpectrumTrack;
import org.freshears.measure.SpectrumTrackAnalyzer;

/** Scratch: prints findings and median band shares (for calibrating the target). */
public final class ListenPrinter {
    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            AudioBuffer mix = switch (arg) {
                case "planted" -> DemoMix.generate(DemoMixSpec.sample());
                case "flat" -> DemoMixes.flat(DemoMixSpec.sample());
                default -> WavReader.read(Path.of(arg), f -> { }).audio();
            };
            Analysis a = Analysis.withoutSpectrum(mix, f -> { });
            System.out.println("== " + arg);
            SpectrumTrack track = new SpectrumTrackAnalyzer(3, 2).analyze(mix);
            StringBuilder sb = new StringBuilder();
            for (int b = 0; b < track.bands().count(); b++) {
                double[] rel = new double[track.windows()];
                for (int w = 0; w < rel.length; w++) {
                    rel[w] = track.relativeDb(w, b, b);
                }
                java.util.Arrays.sort(rel);
                sb.append(String.format("%.0f:%.1f ", track.bands().centreHz(b), rel[rel.length / 2]));
            }
            System.out.println(sb);
            List<Finding> findings = Detectors.listen(mix, a, FindingThresholds.DEFAULTS);
            for (Finding f : findings) {
                System.out.println(f.severity() + " " + f.kind().jsonName() + " | " + f.where() + " | " + f.value() + " | "
                        + f.evidence() + " | " + f.suggestedStep());
            }
        }
    }
}
