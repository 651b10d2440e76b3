package org.freshears.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/** Times whole child processes (wall clock, median of several runs), as a user would experience them. */
final class ProcessTimer {

    /**
     * The median wall time, the median CPU time (user + system of the child JVM, every thread) when the child
     * reported it (NaN otherwise: ffmpeg), and, when the child reported it, its largest peak RSS.
     */
    record Timing(double medianSeconds, double medianCpuSeconds, OptionalLong peakRssKib) {
    }

    /** The README's exit statuses (as cli.ExitStatus has them; this package lies below cli). */
    static final int EXIT_DONE = 0;
    static final int EXIT_NOT_DONE = 1;

    private ProcessTimer() {
    }

    static Timing time(List<String> command, int runs) throws IOException, InterruptedException {
        return time(command, runs, EXIT_DONE);
    }

    /** As {@link #time(List, int)}, accepting exit statuses up to this one (listen exits 1 when it finds a problem). */
    static Timing time(List<String> command, int runs, int worstAcceptedStatus) throws IOException, InterruptedException {
        double[] seconds = new double[runs];
        double[] cpuSeconds = new double[runs];
        long peakRss = -1;
        for (int i = 0; i < runs; i++) {
            Path err = Files.createTempFile("freshears-bench", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(err.toFile());
                pb.environment().put(PeakMemory.ENV, "1");
                long start = System.nanoTime();
                Process p = pb.start();
                int status = p.waitFor();
                seconds[i] = (System.nanoTime() - start) / 1e9;
                String stderr = Files.readString(err, StandardCharsets.UTF_8);
                if (status < 0 || status > worstAcceptedStatus) {
                    throw new IOException("'" + String.join(" ", command) + "' failed with status " + status + ":\n"
                            + stderr.lines().limit(5).reduce("", (a, b) -> a + b + "\n"));
                }
                peakRss = Math.max(peakRss, parsePeakRss(stderr));
                cpuSeconds[i] = parseCpuSeconds(stderr);
            } finally {
                Files.deleteIfExists(err);
            }
        }
        Arrays.sort(seconds);
        Arrays.sort(cpuSeconds);
        return new Timing(seconds[runs / 2], cpuSeconds[runs / 2],
                peakRss < 0 ? OptionalLong.empty() : OptionalLong.of(peakRss));
    }

    private static double parseCpuSeconds(String stderr) {
        return stderr.lines().filter(l -> l.startsWith(PeakMemory.CPU_PREFIX))
                .mapToDouble(l -> Long.parseLong(l.substring(PeakMemory.CPU_PREFIX.length()).trim()) / 1000.0)
                .findFirst().orElse(Double.NaN);
    }

    private static long parsePeakRss(String stderr) {
        return stderr.lines().filter(l -> l.startsWith(PeakMemory.PREFIX))
                .mapToLong(l -> Long.parseLong(l.substring(PeakMemory.PREFIX.length()).trim()))
                .max().orElse(-1);
    }

    /**
     * The command that starts this same jar the way users do: through the {@code freshears} launcher
     * beside the jar's {@code target/} folder, so the children get exactly a user's JVM options (its
     * collector, its class-data archive, its JIT policy) and the benchmark measures what users get.
     * Without the launcher (a jar copied elsewhere) the jar runs with this JVM's own options.
     */
    static List<String> freshearsCommand(String... args) {
        Path jar;
        try {
            jar = Path.of(ProcessTimer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the freshears jar", e);
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the benchmark runs from the packaged jar: use ./freshears bench");
        }
        List<String> cmd = new ArrayList<>();
        Path launcher = jar.toAbsolutePath().getParent().resolveSibling("freshears");
        if (Files.isExecutable(launcher)) {
            cmd.add(launcher.toString());
        } else {
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            cmd.addAll(List.of("-jar", jar.toString()));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Whether a program is on the PATH. */
    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
