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
 *
 * <p>It also runs a small notebook ({@link #NOTEBOOK}): a notebook run loads some 2 900 classes the commands
 * above never touch (javac and JShell, Java2D and JFreeChart, Jackson, the report), which is about half a
 * second of every {@code run}. Measured with them archived (alternated, 3 runs each): the cached four-step run
 * 2.33-2.41 s -> 1.88-1.90 s, the cold six-step run 14.1 -> 13.6 s (median). The training takes about 14 s
 * instead of 2.4 s for it, once per build (it runs in the interpreter: see the launcher).
 */
@Command(name = "cds-training", hidden = true, description = "Launcher helper: load the classes worth archiving.")
public final class ClassArchiveTraining implements Callable<Integer> {
    private static final int RATE = 48_000;

    /**
     * What a notebook run does, in little: open the mix, a problem area, a step that addresses it, a loudness
     * target, a check, a render, the checklist; then the report, charts, listening files and session are written.
     */
    static final String NOTEBOOK = """
            // %%
            var s = session("mix.wav");
            var lows = s.problem("lows", span(0, 0.5), band(100, 300));
            // %%
            s.step("eq", highPass(25).slope(24), bell(270, -4).q(1.4)).addresses(lows);
            s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
            s.check("loudness", integratedLufs(), within(-14, 0.5));
            s.render("master.wav", wav24().dither(tpdf()));
            s.checklist()
            """;

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
            Path notebook = Files.writeString(dir.resolve("training.jsh"), NOTEBOOK);
            int ran = cli.run(nowhere, nowhere, "run", notebook.toString(), "--out", dir.resolve("out").toString(),
                    "--no-cache");
            if (ran != CommandLine.ExitCode.OK) {
                throw new IllegalStateException("the training notebook failed with status " + ran);
            }
        } finally {
            try {
                org.freshears.io.RunFolder.deleteTree(dir);
            } catch (IOException e) {
                // A temp folder left behind is harmless.
            }
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
}
