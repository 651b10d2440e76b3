package org.freshears.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.freshears.audio.Dither;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.demo.DemoMix;
import org.freshears.demo.DemoMixSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes the deterministic demo mix (the bundled sample is made this way) to try the tool on. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Write the demo mix: a generated song with deliberate mastering problems.",
            "The problems: low-mid build-up, harsh cymbals in the chorus, peaks near 0 dBFS and a louder chorus."
                + " samples/demo-mix.wav is made by 'freshears demo samples/demo-mix.wav'."})
final class DemoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OUT.wav", description = "Where to write the mix (24-bit WAV, TPDF dither).")
    Path output;

    @Option(names = "--seconds", defaultValue = "32", description = "Length in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rate", defaultValue = "48000", description = "Sample rate in Hz (default: ${DEFAULT-VALUE}).")
    int sampleRate;

    @Option(names = "--seed", description = "Seed of the noise and the small timing variations.")
    Long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DemoMixSpec demo = new DemoMixSpec(sampleRate, seconds, seed == null ? DemoMixSpec.DEFAULT_SEED : seed);
        WavWriter.write(DemoMix.generate(demo), output, WavOutputFormat.pcm24().dither(Dither.tpdf()));
        spec.commandLine().getOut().println("wrote " + output);
        spec.commandLine().getOut().print(DemoMix.describe(demo).toText());
        return ExitStatus.OK;
    }
}
