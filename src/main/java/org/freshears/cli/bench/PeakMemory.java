package org.freshears.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reports the process's peak resident memory and its CPU time (user + system, every thread: the JIT's and
 * the collector's too) on stderr when FRESHEARS_REPORT_PEAK_RSS is set: the benchmark reads them from its
 * child processes (the memory on Linux only). CPU time is the figure to compare on a loaded machine, where
 * wall time depends on what else runs.
 */
public final class PeakMemory {
    static final String ENV = "FRESHEARS_REPORT_PEAK_RSS";
    static final String PREFIX = "freshears-peak-rss-kib: ";
    static final String CPU_PREFIX = "freshears-cpu-ms: ";

    private PeakMemory() {
    }

    /** Called by the launcher's main as the process ends. */
    public static void reportIfAsked() {
        if (System.getenv(ENV) == null) {
            return;
        }
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os && os.getProcessCpuTime() >= 0) {
            System.err.println(CPU_PREFIX + os.getProcessCpuTime() / 1_000_000);
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    System.err.println(PREFIX + line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the benchmark simply reports no memory figure.
        }
    }
}
