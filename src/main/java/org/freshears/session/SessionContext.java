package org.freshears.session;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a session runs, handed to {@link Session#open} by whoever opens it (a notebook run, the shell,
 * a test): the folder its outputs go to, where it tells what happened, and how it shows progress.
 *
 * @param outputDir where relative render paths go
 * @param display told of every step run and comparison made, and shown warnings
 * @param progress how long work reports progress
 */
public record SessionContext(Path outputDir, Display display, Progress.Factory progress) {
    public SessionContext {
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(progress, "progress");
    }

    /** Outputs in the working folder, nothing displayed, no progress shown. */
    public static SessionContext defaults() {
        return new SessionContext(Path.of(""), Display.NONE, Progress.Factory.NONE);
    }
}
