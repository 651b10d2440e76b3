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
 * @param rerunnable  whether cells may run again (a Jupyter kernel, the shell): a step named again then
 *                    replaces the step of that name and drops what came after it; a notebook run (false)
 *                    refuses the name, which is a mistake there
 * @param cache       where step renders and analyses are kept and found again ({@link ResultCache#NONE}: not)
 */
public record SessionContext(Path outputDir, Display display, Progress.Factory progress, Path inputFolder,
        boolean rerunnable, ResultCache cache) {
    public SessionContext {
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(inputFolder, "inputFolder");
        Objects.requireNonNull(cache, "cache");
    }

    /** Without a cache: every result worked out. */
    public SessionContext(Path outputDir, Display display, Progress.Factory progress, Path inputFolder,
            boolean rerunnable) {
        this(outputDir, display, progress, inputFolder, rerunnable, ResultCache.NONE);
    }

    /** Inputs looked for from the working folder up; steps named once. */
    public SessionContext(Path outputDir, Display display, Progress.Factory progress) {
        this(outputDir, display, progress, Path.of(""), false);
    }

    /** Steps named once. */
    public SessionContext(Path outputDir, Display display, Progress.Factory progress, Path inputFolder) {
        this(outputDir, display, progress, inputFolder, false);
    }

    /** This context for cells that may run again (a kernel, the shell). */
    public SessionContext withRerunnableCells() {
        return new SessionContext(outputDir, display, progress, inputFolder, true, cache);
    }

    /** This context with a cache of results (a kernel's in memory, a run's on disk). */
    public SessionContext withCache(ResultCache newCache) {
        return new SessionContext(outputDir, display, progress, inputFolder, rerunnable, newCache);
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
