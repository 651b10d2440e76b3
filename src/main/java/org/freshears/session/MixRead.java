package org.freshears.session;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.DoubleConsumer;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.WavContents;
import org.freshears.io.FileHashes;
import org.freshears.io.TaskResult;
import org.freshears.media.AudioFiles;

/**
 * A mix read and hashed ahead, on two threads of its own, while the program does something else first:
 * {@code run --mix} starts it before JShell starts, so the half second a 4-minute mix takes to decode and hash
 * is spent beside JShell's start instead of after it ({@link Session#open(MixRead, SessionContext)}).
 *
 * <p>Never trusted blindly: the file's inode, size, modification and change times are taken before the reading
 * starts, and a session takes what was read only when they are still the same once it is done (a change time
 * no tool sets back, so an edit, a truncation or a file moved in its place is seen). Otherwise the session
 * reads the file again, as if nothing had been read ahead. The hash is of the bytes read, as always: the
 * result cache's keys stay the SHA-256 of the mix's content.
 */
public final class MixRead {
    /** A file's inode, size and times: any write, truncation or replacement changes one of them. */
    private record Identity(Object fileKey, long size, FileTime modified, Object changed) {
    }

    private final Path path;
    private final Identity before;
    private final FutureTask<String> hash;
    private final FutureTask<WavContents> contents;
    /** Where the decoding's progress goes: nowhere until a session waits for it. */
    private volatile DoubleConsumer progress = fraction -> { };

    private MixRead(Path path, Identity before) {
        this.path = path;
        this.before = before;
        this.hash = new FutureTask<>(() -> FileHashes.sha256(path));
        this.contents = new FutureTask<>(() -> AudioFiles.read(path, fraction -> progress.accept(fraction)));
    }

    /**
     * Starts reading and hashing {@code mix} on two daemon threads (a run that ends first does not wait for
     * them). A file that cannot be read fails only the session that opens it, with the fault a direct read
     * gives.
     */
    public static MixRead start(Path mix) {
        MixRead read = new MixRead(mix, identity(mix));
        start(read.hash, "freshears-mix-hash");
        start(read.contents, "freshears-mix-read");
        return read;
    }

    private static void start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The file being read. */
    public Path path() {
        return path;
    }

    /**
     * The decoded mix, once read (the decoding's progress shown on {@code shown} meanwhile); its fault as a
     * direct read throws it.
     */
    WavContents contents(DoubleConsumer shown) throws IOException {
        progress = shown;
        return TaskResult.of(contents, "reading the mix");
    }

    /** The SHA-256 of the bytes read, once worked out. */
    String sha256() throws IOException {
        return TaskResult.of(hash, "hashing the mix");
    }

    /**
     * Whether what was read is the file as it is now: it was there before the reading started, and its inode,
     * size and times have not moved since. Asked once both reads are done.
     */
    boolean stillCurrent() {
        return before != null && before.equals(identity(path));
    }

    /** The file's identity now, or null when it has none to trust (missing, or no inode nor change time). */
    private static Identity identity(Path file) {
        try {
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
            Object changed;
            try {
                changed = Files.getAttribute(file, "unix:ctime");
            } catch (UnsupportedOperationException | IllegalArgumentException | FileSystemException e) {
                changed = null; // no change time on this platform: inode, size and modification time
            }
            if (basic.fileKey() == null && changed == null) {
                return null; // a size and a modification time alone are not trusted: read again
            }
            return new Identity(basic.fileKey(), basic.size(), basic.lastModifiedTime(), changed);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
