package org.freshears.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.freshears.notebook.CellRun;
import org.freshears.notebook.LiveNotebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The benchmark's kernel child (issue 15 item 4): a four-step notebook on a mix, run cell by cell through
 * the kernel's own notebook ({@link KernelCommand#liveNotebook}, in this process, without the sockets; its outputs
 * shown live and made into the messages a client would be sent, as the kernel does),
 * then its last step edited and its cell run again, timed. Prints one line per execution, wall and CPU. The edit
 * takes {@code --edit-seconds} (2 by default), as typing does: the kernel finishes meanwhile what the cell before
 * left to the background (its last step's listening file), which a run straight after would have to share the
 * cores with.
 */
@Command(name = "bench-rerun", hidden = true, description = "Benchmark helper: edit the last step, run its cell again.")
final class RerunBenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MIX")
    Path mix;

    @Parameters(index = "1", paramLabel = "OUT")
    Path out;

    /**
     * The time the edit takes before the cell runs again: the kernel finishes what the cell before left running
     * in the background meanwhile (its last step's listening file), as it does while a user types.
     */
    @picocli.CommandLine.Option(names = "--edit-seconds", defaultValue = "2")
    double editSeconds;

    static final String OPEN = """
            var s = session("MIX");
            var mud = s.problem("muddy low-mids", span(0, s.durationSeconds()), band(180, 400));
            var harsh = s.problem("harsh cymbals", span(0, s.durationSeconds()), band(5_000, 9_000));
            """;

    /** The benchmark notebook's four steps, in one cell; the loudness target is what the edit changes. */
    static String steps(double targetLufs) {
        return """
                s.step("clean lows", highPass(25).slope(24), bell(270, -4).q(1.4)).addresses(mud);
                s.step("tame cymbals", bell(7_000, -4).q(1.2)).addresses(harsh);
                s.step("glue", compressor().thresholdDb(-20).ratio(1.5).attackMs(30).releaseMs(200));
                s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(%s));
                """.formatted(Double.toString(targetLufs));
    }

    /**
     * How many times the last step is edited and its cell run again (the target 1 LU louder, then each time 0.2 LU
     * lower: a target not run before): the first is the benchmark's figure; more show a kernel that has run a while.
     */
    @picocli.CommandLine.Option(names = "--edits", defaultValue = "1")
    int edits;

    /** What the cells' outputs would have sent a client, in bytes (counted, so the work is not optimized away). */
    private final java.util.concurrent.atomic.AtomicLong sentBytes = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        try (LiveNotebook notebook = KernelCommand.liveNotebook(out.toAbsolutePath(), out.toAbsolutePath())) {
            List<String> cells = new java.util.ArrayList<>(List.of(OPEN.replace("MIX",
                    mix.toAbsolutePath().toString().replace("\\", "\\\\")), steps(-14)));
            List<String> labels = new java.util.ArrayList<>(List.of("open the mix", "four steps"));
            for (int edit = 0; edit < Math.max(1, edits); edit++) {
                cells.add(steps(-13 - 0.2 * edit)); // a target not run before: not in the cache
                labels.add((edit == 0 ? "last step edited" : "edited again")
                        + (editSeconds > 0 ? String.format(Locale.ROOT, " (%.1f s to edit)", editSeconds) : "")
                        + ", cell run again");
            }
            for (int i = 0; i < cells.size(); i++) {
                String profile = System.getProperty("freshears.bench.jfr"); // a profile of the first edit's cell alone
                jdk.jfr.Recording recording = null;
                if (profile != null && i == 2) {
                    recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                    recording.setDestination(Path.of(profile));
                    recording.start();
                }
                if (i >= 2 && editSeconds > 0) {
                    Thread.sleep(Math.round(editSeconds * 1000));
                }
                long cpu = cpuNanos();
                long start = System.nanoTime();
                // As the kernel runs a cell for a client: each output made into its message the moment it is shown
                // (a step's charts once its statement is done, its listening file encoded after them).
                notebook.context().outputs().showLive(output -> sentBytes.addAndGet(
                        org.freshears.kernel.JupyterKernel.displayMessageBytes(output).length));
                CellRun run;
                try {
                    run = notebook.execute(cells.get(i));
                } finally {
                    notebook.context().outputs().showLive(null);
                }
                double wall = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (cpuNanos() - cpu) / 1e9;
                if (recording != null) {
                    recording.stop();
                    recording.close();
                }
                if (run.failure().isPresent()) {
                    System.err.println("freshears: bench-rerun: " + run.failure().get().message());
                    return ExitStatus.BAD_INPUT;
                }
                System.out.printf(Locale.ROOT, "cell %d (%s): %.2f s wall, %.2f s CPU, %d outputs%n", i + 1,
                        labels.get(i), wall, cpuSeconds, run.displays().size());
            }
        }
        return ExitStatus.OK;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
