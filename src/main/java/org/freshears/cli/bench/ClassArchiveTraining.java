package org.freshears.cli.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The training run of the application class-data archive (AppCDS, JEP 350): the launcher runs this once
 * per build under {@code -XX:ArchiveClassesAtExit}, so later runs map the classes of analyze and render
 * (picocli's model, our meters and processors, their lambdas; listen's spectrum track, FFT and detectors) from
 * the archive instead of loading and verifying them from the jar. It exercises those paths in-process on half a
 * second of generated audio and prints nothing.
 */
@Command(name = "cds-training", hidden = true, description = "Launcher helper: load the classes worth archiving.")
public final class ClassArchiveTraining implements Callable<Integer> {
    private static final int RATE = 48_000;

    /** The whole command line, run in-process: {@code Main.run} (this package sits below the CLI's root). */
    @FunctionalInterface
    public interface CommandRunner {
        int run(PrintWriter out, PrintWriter err, String... args);
    }

    private final CommandRunner cli;

    public ClassArchiveTraining(CommandRunner cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("freshears-cds");
        Path mix = dir.resolve("mix.wav");
        Path master = dir.resolve("master.wav");
        try {
            WavWriter.write(trainingAudio(), mix, WavOutputFormat.pcm24());
            PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
            int status = Math.max(cli.run(nowhere, nowhere, "analyze", mix.toString()),
                    Math.max(cli.run(nowhere, nowhere, "analyze", "--json", mix.toString()),
                            cli.run(nowhere, nowhere, "bench-render", mix.toString(), master.toString())));
            if (status != CommandLine.ExitCode.OK) {
                throw new IllegalStateException("a training command failed with status " + status);
            }
            // listen exits 1 when it finds a problem (a tone this loud has several): only 2, a failure, counts.
            int listened = cli.run(nowhere, nowhere, "listen", mix.toString());
            if (listened != 0 && listened != 1) {
                throw new IllegalStateException("the training listen failed with status " + listened);
            }
        } finally {
            deleteQuietly(master);
            deleteQuietly(mix);
            deleteQuietly(dir);
        }
        return CommandLine.ExitCode.OK;
    }

    /**
     * Half a second of stereo (the launcher trains in the interpreter, so short): a 997 Hz tone plus a
     * little deterministic noise, so every meter and processor has work.
     */
    private static AudioBuffer trainingAudio() {
        int frames = RATE / 2;
        float[][] samples = new float[2][frames];
        long seed = 0x9E3779B97F4A7C15L;
        for (int n = 0; n < frames; n++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L; // Knuth's MMIX LCG
            float noise = (seed >>> 40) / (float) (1 << 24) - 0.5f;
            float tone = (float) (0.5 * StrictMath.sin(2 * StrictMath.PI * 997 * n / RATE));
            samples[0][n] = tone + 0.05f * noise;
            samples[1][n] = 0.8f * tone - 0.05f * noise;
        }
        return new AudioBuffer(samples, RATE, ChannelLayout.standard(2));
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A temp file left behind is harmless.
        }
    }
}
