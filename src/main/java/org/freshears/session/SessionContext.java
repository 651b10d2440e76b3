package org.freshears.session;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a session runs: the folder its outputs go to, a mix that replaces the one the notebook names
 * ({@code freshears run --mix}), how it shows charts and text, and how it shows progress. A notebook
 * calls {@code session("mix.wav")} with no way to pass these, so the runner installs them here for the
 * run and restores the previous context afterwards.
 *
 * @param outputDir where relative render paths and charts go
 * @param mixOverride the mix to open instead of the notebook's, or null
 * @param display where charts and tables are shown
 * @param progress how long work reports progress
 * @param opened told of every session opened, so a runner can report on what a notebook made
 */
public record SessionContext(Path outputDir, Path mixOverride, Display display, Progress.Factory progress,
        Consumer<Session> opened) {
    private static volatile SessionContext current = defaults();

    public SessionContext {
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(opened, "opened");
    }

    public SessionContext(Path outputDir, Path mixOverride, Display display, Progress.Factory progress) {
        this(outputDir, mixOverride, display, progress, session -> { });
    }

    /** Outputs in the working folder, nothing displayed, no progress shown: the interactive shell. */
    public static SessionContext defaults() {
        return new SessionContext(Path.of(""), null, Display.NONE, Progress.Factory.NONE);
    }

    public static SessionContext current() {
        return current;
    }

    /** Installs a context until the returned handle is closed. */
    public static Installed install(SessionContext context) {
        SessionContext previous = current;
        current = Objects.requireNonNull(context);
        return () -> current = previous;
    }

    /** Restores the previous context when closed. */
    public interface Installed extends AutoCloseable {
        @Override
        void close();
    }
}
