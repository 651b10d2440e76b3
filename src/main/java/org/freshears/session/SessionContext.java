package org.freshears.session;

import java.nio.file.Path;
import java.util.Objects;
import org.freshears.io.InputPaths;

/**
 * Where a session runs, handed to {@link Session#open} by whoever opens it (a notebook run, the shell,
 * a test): the folder its outputs go to, where it tells what happened, and how it shows progress.
 *
 * @param outputDir where relative render paths go
 * @param display told of every step run and comparison made, and shown warnings
 * @param progress how long work reports progress
 * @param inputFolder where relative input paths (the mix, a reference) are looked for first: the
 *                    notebook's folder, then the folders above it ({@link InputPaths})
 */
public record SessionContext(Path outputDir, Display display, Progress.Factory progress, Path inputFolder) {
    public SessionContext {
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(inputFolder, "inputFolder");
    }

    /** Inputs looked for from the working folder up. */
    public SessionContext(Path outputDir, Display display, Progress.Factory progress) {
        this(outputDir, display, progress, Path.of(""));
    }

    /** The input file a notebook names (a relative path as {@link InputPaths} finds it). */
    public Path input(Path file) {
        return InputPaths.resolve(inputFolder, file);
    }

    /** Outputs in the working folder, nothing displayed, no progress shown. */
    public static SessionContext defaults() {
        return new SessionContext(Path.of(""), Display.NONE, Progress.Factory.NONE);
    }
}
