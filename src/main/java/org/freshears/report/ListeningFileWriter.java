package org.freshears.report;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.freshears.io.AtomicFile;

/**
 * Puts a listening file's bytes (a head, the base64 body, a tail) at its place, doing as little as the place
 * allows: a listening file is tens of megabytes, and a run again or a cell run again makes most of them with
 * the same bytes as before. In order:
 * <ol>
 * <li>this writer put the same content there (same content key) and the file is untouched since: its inode,
 * size, modification and change times as they were right after (a change time no tool sets back, so an edit
 * or truncation in between is seen; a name or modification time alone is never trusted): nothing done;</li>
 * <li>the file there holds exactly these bytes (compared in full): nothing done;</li>
 * <li>the previous run's folder holds the file with exactly these bytes (compared in full): linked, not copied
 * (the run's staging folder is beside it, on the same file system);</li>
 * <li>else written whole ({@link AtomicFile}: nobody sees half of it).</li>
 * </ol>
 * Not thread-safe: one encoding thread uses it.
 */
final class ListeningFileWriter {
    /** What a file was right after this writer made it, and what it holds. */
    private record Written(String contentKey, Identity identity) {
    }

    /** A file's inode, size, and times: any write, truncation or replacement changes one of them. */
    private record Identity(Object fileKey, long size, FileTime modified, Object changed) {
    }

    private final Path folder;
    private final Path previousFolder;
    private final Map<String, Written> written = new HashMap<>();

    /**
     * @param folder where the files go (the report's folder, or the run's staging folder)
     * @param previousFolder the folder of the previous run whose files may be linked, or null
     */
    ListeningFileWriter(Path folder, Path previousFolder) {
        this.folder = folder;
        this.previousFolder = previousFolder;
    }

    /**
     * Whether the file this writer made at {@code relative} with {@code contentKey} is there untouched (step 1):
     * then the caller need not even fetch the bytes.
     */
    boolean holds(String relative, String contentKey) {
        Written w = written.get(relative);
        return contentKey != null && w != null && w.contentKey().equals(contentKey)
                && w.identity().equals(identity(folder.resolve(relative)));
    }

    /**
     * Puts head + body + tail at {@code relative} (under the folder).
     *
     * @param contentKey what determines the bytes (null: not keyed, and not remembered)
     * @return how the file got there
     */
    Outcome write(String relative, String contentKey, byte[] head, byte[] body, byte[] tail) throws IOException {
        Path target = folder.resolve(relative);
        Outcome outcome;
        if (holds(relative, contentKey) || AtomicFile.sameBytes(target, head, body, tail)) {
            outcome = Outcome.KEPT;
        } else if (previousFolder != null && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && linkPrevious(target, previousFolder.resolve(relative), head, body, tail)) {
            outcome = Outcome.LINKED;
        } else {
            Files.createDirectories(target.getParent());
            AtomicFile.write(target, head, body, tail);
            outcome = Outcome.WRITTEN;
        }
        if (contentKey != null) {
            Identity identity = identity(target);
            if (identity != null) {
                written.put(relative, new Written(contentKey, identity));
            }
        } else {
            written.remove(relative);
        }
        return outcome;
    }

    /** How a file got to its place. */
    enum Outcome {
        /** Already there with these bytes. */
        KEPT,
        /** The previous run's file, with these bytes, linked. */
        LINKED,
        /** Written. */
        WRITTEN
    }

    /** The previous run's file linked in ({@link AtomicFile#linkIfSame}: compared through the link), if it can be. */
    private static boolean linkPrevious(Path target, Path previous, byte[]... parts) {
        try {
            Files.createDirectories(target.getParent());
            return AtomicFile.linkIfSame(target, previous, parts);
        } catch (IOException | SecurityException e) {
            return false; // written instead
        }
    }

    /** The file's identity now, or null when it cannot be read. */
    private static Identity identity(Path file) {
        try {
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!basic.isRegularFile()) {
                return null;
            }
            Object changed;
            try {
                changed = Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException | IllegalArgumentException | FileSystemException e) {
                changed = null; // no change time on this platform: inode, size and modification time only
            }
            if (basic.fileKey() == null && changed == null) {
                return null; // size and modification time alone are not trusted: compared in full instead
            }
            return new Identity(basic.fileKey(), basic.size(), basic.lastModifiedTime(), changed);
        } catch (IOException e) {
            return null;
        }
    }
}
