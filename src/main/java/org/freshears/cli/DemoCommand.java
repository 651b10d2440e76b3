package org.freshears.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.freshears.audio.Dither;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.demo.DemoMix;
import org.freshears.demo.DemoMixSpec;
import org.freshears.demo.DemoTune;
import org.freshears.audio.FlacEncoder;
import org.freshears.io.AtomicFile;
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

    @Parameters(index = "0", paramLabel = "OUT.wav", description = "Where to write the mix (24-bit WAV, TPDF dither;"
            + " a name ending in .flac: 16-bit FLAC, TPDF dither).")
    Path output;

    @Option(names = "--seconds", defaultValue = "32", description = "Length in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rate", defaultValue = "48000", description = "Sample rate in Hz (default: ${DEFAULT-VALUE}).")
    int sampleRate;

    @Option(names = "--seed", description = "Seed of the noise and the small timing variations (default: the song's).")
    Long seed;

    @Option(names = "--tune", defaultValue = "night-drive",
            description = "Which song: night-drive (120 BPM, A minor; the bundled sample) or neon-rain (96 BPM, C minor;"
                + " the album example's second song). Default: ${DEFAULT-VALUE}.")
    String tune;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DemoTune song = switch (tune) {
            case "night-drive" -> DemoTune.NIGHT_DRIVE;
            case "neon-rain" -> DemoTune.NEON_RAIN;
            default -> throw new IllegalArgumentException("--tune: no song '" + tune + "' (night-drive, neon-rain)");
        };
        DemoMixSpec demo = new DemoMixSpec(sampleRate, seconds, seed != null ? seed
                : song == DemoTune.NEON_RAIN ? DemoMixSpec.NEON_RAIN_SEED : DemoMixSpec.DEFAULT_SEED, song);
        if (output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".flac")) {
            // Lossless and a third of the WAV's size: the album example's second song is kept this way.
            AtomicFile.write(output, new FlacEncoder(Dither.tpdf()).encode(DemoMix.generate(demo)));
        } else {
            WavWriter.write(DemoMix.generate(demo), output, WavOutputFormat.pcm24().dither(Dither.tpdf()));
        }
        spec.commandLine().getOut().println("wrote " + output);
        spec.commandLine().getOut().print(DemoMix.describe(demo).toText());
        return ExitStatus.OK;
    }
}
