package org.freshears.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.Dither;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavProbeReport;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavWriter;
import org.freshears.demo.DemoMix;
import org.freshears.demo.DemoMixSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures speed the way a user feels it: whole processes, wall clock, median of several runs, on a
 * 4-minute 48 kHz stereo 24-bit file (made by the demo-mix generator unless one is given), and the
 * ratio to ffmpeg doing the same job on the same file when ffmpeg is installed.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark analyze and a mastering-chain render, as whole processes, against ffmpeg.",
            "Runs on a generated 4-minute 48 kHz stereo 24-bit file (or --file) and compares with ffmpeg when it"
                + " is installed."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--file", paramLabel = "WAV", description = "Benchmark this file instead of the generated one.")
    Path file;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "out/bench",
            description = "Where the generated input and rendered outputs go (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--runs", defaultValue = "3", description = "Runs per command; the median counts (default: 3).")
    int runs;

    @Option(names = "--notebooks", description = "Time only the notebook runs (notebook 01, four and six steps).")
    boolean notebooksOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
        }
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(work);
        Path input = file != null ? file : generatedInput(out);
        WavProbeReport probe = WavReader.probe(input);
        double seconds = probe.durationSeconds();
        double floatMib = probe.frames() * probe.format().channels() * 4.0 / (1 << 20);
        out.printf(Locale.ROOT, "input: %s (%s, %.1f s)%n", input, probe.format().description(), seconds);
        boolean ffmpeg = ProcessTimer.onPath("ffmpeg");
        if (!ffmpeg) {
            out.println("ffmpeg: not installed, so no ratios (apt-get install ffmpeg)");
        }
        out.flush();
        if (notebooksOnly) {
            timeNotebooks(input, seconds, out);
            return CommandLine.ExitCode.OK;
        }

        ProcessTimer.Timing ours = ProcessTimer.time(ProcessTimer.freshearsCommand("analyze", input.toString()), runs);
        out.printf(Locale.ROOT, "analyze   freshears %6.2f s  %6.0fx real time", ours.medianSeconds(),
                seconds / ours.medianSeconds());
        ours.peakRssKib().ifPresent(kib -> out.printf(Locale.ROOT,
                "  peak RSS %.0f MiB (streamed: bounded at any length; the whole file decoded would be %.0f MiB)",
                kib / 1024.0, floatMib));
        out.println();
        if (ffmpeg) {
            ProcessTimer.Timing theirs = ProcessTimer.time(List.of("ffmpeg", "-nostdin", "-hide_banner", "-i",
                    input.toString(), "-af", "ebur128=peak=true", "-f", "null", "-"), runs);
            out.printf(Locale.ROOT, "          ffmpeg    %6.2f s  (ebur128=peak=true)  -> freshears %.2fx faster%n",
                    theirs.medianSeconds(), theirs.medianSeconds() / ours.medianSeconds());
        }
        ProcessTimer.Timing listen = ProcessTimer.time(ProcessTimer.freshearsCommand("listen", input.toString()), runs,
                ProcessTimer.EXIT_NOT_DONE);
        out.printf(Locale.ROOT, "listen    freshears %6.2f s  %6.0fx real time  (%.2fx analyze; target 1.5x)%n",
                listen.medianSeconds(), seconds / listen.medianSeconds(), listen.medianSeconds() / ours.medianSeconds());
        out.flush();

        Path ourMaster = work.resolve("bench-master-freshears.wav");
        ProcessTimer.Timing render = ProcessTimer.time(ProcessTimer.freshearsCommand("bench-render",
                input.toString(), ourMaster.toString()), runs);
        out.printf(Locale.ROOT, "chain     freshears %6.2f s  %6.0fx real time  (read, HP + 2 bells + shelf + "
                + "compressor + true-peak limiter, TPDF 24-bit write)%n", render.medianSeconds(),
                seconds / render.medianSeconds());
        if (ffmpeg) {
            Path theirMaster = work.resolve("bench-master-ffmpeg.wav");
            List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-y", "-i",
                    input.toString(), "-af", BenchmarkChain.ffmpegFilter(), "-c:a", "pcm_s24le", theirMaster.toString()));
            ProcessTimer.Timing theirs = ProcessTimer.time(cmd, runs);
            out.printf(Locale.ROOT, "          ffmpeg    %6.2f s  (%s)  -> freshears %.2fx faster%n",
                    theirs.medianSeconds(), "highpass,equalizer x2,highshelf,acompressor,alimiter",
                    theirs.medianSeconds() / render.medianSeconds());
        }
        out.flush();
        timeNotebooks(input, seconds, out);
        return CommandLine.ExitCode.OK;
    }

    /**
     * The main job as users run it: notebook 01 on the bundled sample, and a four-step and a six-step notebook
     * with all their charts on the benchmark's 4-minute file (targets: under 10 s, 20 s and 8 s, JVM start
     * included). Wall and CPU time (the child's user + system: every core, the JIT's and collector's too; the
     * figure to compare when the machine is busy).
     */
    private void timeNotebooks(Path input, double seconds, PrintWriter out) throws Exception {
        Path first = Path.of("notebooks", "01-first-master.jsh");
        if (Files.isRegularFile(first) && Files.isRegularFile(Path.of("samples", "demo-mix.wav"))) {
            ProcessTimer.Timing run = ProcessTimer.time(ProcessTimer.freshearsCommand("run", "--no-cache", first.toString(),
                    "--out", work.resolve("run-01").toString()), runs);
            out.printf(Locale.ROOT, "run       freshears %6.2f s  CPU %6.2f s  (notebooks/01-first-master.jsh on the 32 s "
                    + "sample, with report, charts and session)%n", run.medianSeconds(), run.medianCpuSeconds());
        } else {
            out.println("run       skipped: run the benchmark from the repository's top folder to time notebook 01");
        }
        out.flush();
        Path fourSteps = timeNotebook("four", FOUR_STEP_NOTEBOOK, input, seconds, out);
        timeNotebook("six", SIX_STEP_NOTEBOOK, input, seconds, out);
        timeCachedRuns(fourSteps, input, seconds, out);
    }

    private Path timeNotebook(String steps, String source, Path input, double seconds, PrintWriter out) throws Exception {
        Path notebook = work.resolve("bench-" + steps + "-steps.jsh");
        Files.writeString(notebook, source);
        ProcessTimer.Timing run = ProcessTimer.time(ProcessTimer.freshearsCommand("run", "--no-cache", notebook.toString(),
                "--mix", input.toString(), "--out", work.resolve("run-" + steps + "-steps").toString()), runs);
        out.printf(Locale.ROOT, "run       freshears %6.2f s  CPU %6.2f s  (a %s-step notebook with all charts on the "
                + "%.0f s file)%n", run.medianSeconds(), run.medianCpuSeconds(), steps, seconds);
        out.flush();
        return notebook;
    }

    /**
     * Issue 15 item 4: the result cache. A second run of the unchanged four-step notebook (target: 3 s), after
     * one run that filled a fresh cache folder; and the kernel's case, the four steps' cell run again with its
     * last step edited (target: 1 s), through the kernel's notebook in a child process of its own.
     */
    private void timeCachedRuns(Path fourSteps, Path input, double seconds, PrintWriter out) throws Exception {
        Path cache = work.resolve("result-cache");
        org.freshears.io.RunFolder.deleteTree(cache);
        List<String> cached = ProcessTimer.freshearsCommand("run", fourSteps.toString(), "--mix", input.toString(),
                "--out", work.resolve("run-cached").toString(), "--cache-dir", cache.toString());
        ProcessTimer.time(cached, 1); // fills the cache
        ProcessTimer.Timing again = ProcessTimer.time(cached, runs);
        out.printf(Locale.ROOT, "run       freshears %6.2f s  (the same notebook again, unchanged, its results in the"
                + " cache; target 3 s)%n", again.medianSeconds());
        out.flush();
        ProcessBuilder rerun = new ProcessBuilder(ProcessTimer.freshearsCommand("bench-rerun", input.toString(),
                work.resolve("rerun").toString())).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = rerun.start();
        String lines = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (child.waitFor() != 0) {
            throw new java.io.IOException("bench-rerun failed: " + lines);
        }
        for (String line : lines.strip().split("\\R")) {
            out.println("kernel    " + line + (line.startsWith("cell 3") ? "  (target 1 s)" : ""));
        }
        out.flush();
    }

    /** Four steps, two problems, three checks and a render: a typical checklist on a whole song. */
    static final String FOUR_STEP_NOTEBOOK = """
            // %% [markdown]
            // # Benchmark: four steps on a whole song
            // %%
            var s = session("replaced-by-mix.wav");
            var mud = s.problem("muddy low-mids", span(0, s.durationSeconds()), band(180, 400));
            var harsh = s.problem("harsh cymbals", span(0, s.durationSeconds()), band(5_000, 9_000));
            s.step("clean lows", highPass(25).slope(24), bell(270, -4).q(1.4)).addresses(mud);
            s.step("tame cymbals", bell(7_000, -4).q(1.2)).addresses(harsh);
            s.step("glue", compressor().thresholdDb(-20).ratio(1.5).attackMs(30).releaseMs(200));
            s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
            s.check("loudness", integratedLufs(), within(-14, 0.5));
            s.check("true peak", truePeakDbtp(), atMost(-1.0));
            s.check("dynamics", plrDb(), atLeast(8));
            s.render("master.wav", wav24().dither(tpdf()));
            s.checklist()
            """;

    /**
     * What a user's notebook on a whole song does: listening notes, two problem areas (one over the loudest
     * half-minute), a six-step chain (EQ, compression, saturation, width, a limiter to a loudness target),
     * four checks (one throughout), a render, a level-matched comparison and the checklist, in cells.
     */
    static final String SIX_STEP_NOTEBOOK = """
            // %% [markdown]
            // # Benchmark: six steps on a whole song
            // %%
            var s = session("replaced-by-mix.wav");
            s.listen("headphones, next morning, two passes");
            s.note(span(0, 10), "the low end feels thick from the start");
            var loud = s.loudestSection(30);
            var mud = s.problem("muddy low-mids", span(0, s.durationSeconds()), band(180, 400));
            var harsh = s.problem("harsh cymbals", loud.span(), band(5_000, 9_000)).expect(reduceBy(1));
            // %% The chain
            s.step("clean lows", highPass(25).slope(24), bell(270, -4).q(1.4)).addresses(mud);
            s.step("tame cymbals", bell(7_000, -4).q(1.2)).addresses(harsh);
            s.step("glue", compressor().thresholdDb(-20).ratio(1.5).attackMs(30).releaseMs(200));
            s.step("warmth", saturation(Saturation.Curve.TAPE, 2));
            s.step("width", stereoWidth(110).monoBassBelowHz(120));
            s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
            // %% Checks and the master
            s.check("streaming loudness", integratedLufs(), within(-14, 0.5));
            s.check("true peak", truePeakDbtp(), atMost(-1.0));
            s.check("not crushed", psrDb(), atLeast(8)).throughout();
            s.check("kept the loudness range", loudnessRangeLu(), keptFromMix(2));
            s.render("master.wav", wav24().dither(tpdf()));
            // %%
            s.compare("mix", "loudness").levelMatched();
            s.checklist()
            """;

    private Path generatedInput(PrintWriter out) throws AudioFormatException {
        DemoMixSpec spec = DemoMixSpec.benchmark();
        Path target = work.resolve("bench-4min-48k-24bit.wav");
        if (Files.isRegularFile(target)) {
            try {
                if (WavReader.probe(target).frames() == spec.frames()) {
                    return target;
                }
            } catch (AudioFormatException e) {
                // A damaged earlier copy: make it again.
            }
        }
        out.println("generating " + target + " (the demo mix, 4 minutes) ...");
        out.flush();
        WavWriter.write(DemoMix.generate(spec), target, WavOutputFormat.pcm24().dither(Dither.tpdf()));
        return target;
    }
}
