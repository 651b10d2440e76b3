package org.freshears.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.freshears.session.Progress;

/**
 * A one-line progress bar on stderr for long work. It stays silent unless stderr is a terminal and the
 * work has already taken a second, so quick runs, pipes and CI logs stay clean.
 */
final class ProgressBar implements Progress {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;

    private final String label;
    private final PrintStream err;
    private final boolean enabled;
    private final long showAfterNanos;
    private final long start = System.nanoTime();
    private int lastPercent = -1;
    private boolean drawn;

    ProgressBar(String label) {
        this(label, System.err, stderrIsTerminal());
    }

    ProgressBar(String label, PrintStream err, boolean enabled) {
        this(label, err, enabled, SHOW_AFTER_NANOS);
    }

    ProgressBar(String label, PrintStream err, boolean enabled, long showAfterNanos) {
        this.label = label;
        this.err = err;
        this.enabled = enabled;
        this.showAfterNanos = showAfterNanos;
    }

    @Override
    public synchronized void accept(double fraction) {
        if (!enabled || System.nanoTime() - start < showAfterNanos) {
            return;
        }
        int percent = (int) Math.max(0, Math.min(100, Math.floor(fraction * 100)));
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%");
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 8) + "\r");
            err.flush();
            drawn = false; // closed twice (early, to print below it, then by try-with-resources): cleared once
        }
    }

    /** Java 17 cannot ask whether stderr alone is a terminal; on Linux /proc tells us. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
