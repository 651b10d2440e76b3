package org.freshears.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reports the process's peak resident memory on stderr when FRESHEARS_REPORT_PEAK_RSS is set: the
 * benchmark reads it from the analyzing child process (Linux only; elsewhere nothing is printed).
 */
public final class PeakMemory {
    static final String ENV = "FRESHEARS_REPORT_PEAK_RSS";
    static final String PREFIX = "freshears-peak-rss-kib: ";

    private PeakMemory() {
    }

    /** Called by the launcher's main as the process ends. */
    public static void reportIfAsked() {
        if (System.getenv(ENV) == null) {
            return;
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
