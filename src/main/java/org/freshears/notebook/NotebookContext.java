package org.freshears.notebook;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.freshears.audio.AudioFormatException;
import org.freshears.session.Display;
import org.freshears.session.MixRead;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;

/**
 * What one notebook run hands its cells: where sessions put their outputs, where they tell what happened
 * and show progress, the mix that replaces the notebook's ({@code freshears run --mix}), the sessions the
 * notebook opened, and the running cell's outputs. Nothing of it is JVM-wide: the runner binds the
 * context to the thread it evaluates the run's cells on (and so to the threads those cells start), so one
 * JVM can hold several runs at once, each seeing only its own.
 */
public final class NotebookContext {
    /**
     * Weak, because threads a cell's code happens to start first (a lazily grown worker pool) inherit the
     * binding and may outlive the run: they must not keep its sessions, and their audio, alive.
     */
    private static final InheritableThreadLocal<WeakReference<NotebookContext>> BOUND = new InheritableThreadLocal<>();

    private final SessionContext sessionContext;
    private final Path mixOverride;
    private final CellOutputs outputs;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<org.freshears.session.Album> albums = new CopyOnWriteArrayList<>();
    /** The {@code --mix} being read ahead ({@link #readMixAhead}) until the first session takes it; else null. */
    private MixRead mixReadAhead;

    /**
     * @param sessionContext outputs folder, display and progress for every session the notebook opens
     * @param mixOverride the mix to open instead of the one the notebook names, or null
     * @param outputs the running cell's outputs (the display typically writes into them)
     */
    public NotebookContext(SessionContext sessionContext, Path mixOverride, CellOutputs outputs) {
        this.sessionContext = Objects.requireNonNull(sessionContext, "sessionContext");
        this.mixOverride = mixOverride;
        this.outputs = Objects.requireNonNull(outputs, "outputs");
    }

    /** Outputs in the working folder, nothing displayed but what a cell collects, no progress, no override. */
    public static NotebookContext standalone() {
        return new NotebookContext(SessionContext.defaults(), null, new CellOutputs(System.err));
    }

    /**
     * The context of the notebook run this thread belongs to; outside any run (the shell, plain Java) a
     * fresh {@linkplain #standalone() standalone} one whose steps may be defined again.
     */
    public static NotebookContext current() {
        NotebookContext bound = bound();
        // Unbound is the shell (or plain Java): there, as in a kernel, a cell may be typed again.
        return bound != null ? bound : new NotebookContext(SessionContext.defaults().withRerunnableCells(), null,
                new CellOutputs(System.err));
    }

    /** The context bound to this thread by a runner, or null. */
    static NotebookContext bound() {
        WeakReference<NotebookContext> bound = BOUND.get();
        return bound == null ? null : bound.get();
    }

    /** Binds this context to the calling thread (and the threads it starts from now on) for good. */
    void bindToThisThread() {
        BOUND.set(new WeakReference<>(this));
    }

    /**
     * Opens a session on the notebook's mix, or on the run's {@code --mix} instead, which it says where the
     * user sees it (the cell's output), so a result is never silently about another file.
     */
    public Session openSession(Path notebookMix) throws AudioFormatException {
        Path mix;
        if (mixOverride != null) {
            sessionContext.display().text("--mix: opening " + mixOverride + " instead of " + notebookMix);
            mix = mixOverride;
        } else {
            mix = sessionContext.input(notebookMix); // the notebook's folder, then the folders above it
        }
        MixRead ahead = mixOverride != null ? takeMixReadAhead() : null;
        Session session = ahead != null ? Session.open(ahead, sessionContext) : Session.open(mix, sessionContext);
        sessions.add(session);
        return session;
    }

    /** Attaches an output to the running cell; false when no cell of this run is running. */
    public boolean display(String mimeType, byte[] data) {
        return outputs.display(mimeType, data);
    }

    public boolean display(String mimeType, String text) {
        return outputs.display(mimeType, text);
    }

    public CellOutputs outputs() {
        return outputs;
    }

    public SessionContext sessionContext() {
        return sessionContext;
    }

    /** The mix that replaces the notebook's, or null. */
    public Path mixOverride() {
        return mixOverride;
    }

    public Display display() {
        return sessionContext.display();
    }

    public Progress.Factory progress() {
        return sessionContext.progress();
    }

    /** The sessions the notebook opened, in order. */
    public List<Session> sessions() {
        return List.copyOf(sessions);
    }

    /**
     * Starts reading and hashing the {@code --mix} on other threads now, so the first session opened takes it
     * read (or reads it again, if the file changed meanwhile: {@link MixRead}). {@code run} calls this before
     * its JShell starts, which takes as long. Nothing happens without a {@code --mix}, or when it is not a file.
     */
    public synchronized void readMixAhead() {
        if (mixOverride != null && mixReadAhead == null && java.nio.file.Files.isRegularFile(mixOverride)) {
            mixReadAhead = MixRead.start(mixOverride);
        }
    }

    private synchronized MixRead takeMixReadAhead() {
        MixRead ahead = mixReadAhead;
        mixReadAhead = null; // a second session on the mix reads it again, as without a read ahead
        return ahead;
    }

    // ---- albums (#16 item 4) ----------------------------------------------------------------------------

    /**
     * Opens an album: its songs are sessions opened as {@link #openSession} opens one (found relative to the
     * notebook), kept with the album rather than as sessions of their own. {@code --mix} names one mix, and an
     * album has several: it is refused.
     */
    public org.freshears.session.Album openAlbum(String title) {
        if (mixOverride != null) {
            throw new IllegalArgumentException("--mix opens one mix in place of the notebook's, and album '" + title
                    + "' has a mix per song: run the album notebook without --mix");
        }
        org.freshears.session.Album album = new org.freshears.session.Album(title, sessionContext,
                mix -> Session.open(sessionContext.input(mix), sessionContext));
        albums.add(album);
        return album;
    }

    /** The albums the notebook opened, in order. */
    public List<org.freshears.session.Album> albums() {
        return List.copyOf(albums);
    }
}
