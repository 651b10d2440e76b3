package org.freshears.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that nobody ever sees half of it and nothing is lost on failure: the content goes to
 * a hidden temporary file in the target's folder, is flushed to disk, then moved over the target in one
 * step. If anything fails, the temporary file is removed and the old target (if any) is untouched.
 * The temporary file is created with CREATE_NEW, not Files.createTempFile, so it gets the folder's
 * usual permissions (createTempFile's owner-only permissions would survive the move).
 */
public final class AtomicFile {

    /** Writes the whole content into the open temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** What {@link #write(Path, byte[])} hands the channel at once. */
    private static final int WRITE_SLICE_BYTES = 1 << 20;

    private AtomicFile() {
    }

    /** Writes the parts one after another as the file's content (a listening file's head, body and tail). */
    public static void write(Path target, byte[]... parts) throws IOException {
        write(target, channel -> {
            // In slices: the JDK copies a heap buffer into a temporary native one of its whole size first (for
            // a 69 MB master, 69 MB more memory and its page faults, about 0.2 s); a slice's copy is small.
            for (byte[] bytes : parts) {
                for (int from = 0; from < bytes.length; from += WRITE_SLICE_BYTES) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes, from, Math.min(WRITE_SLICE_BYTES, bytes.length - from));
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
            }
        });
    }

    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        Path temp = createTemp(folder, absolute.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
                channel.force(true);
            } catch (IOException e) {
                if (e.getClass() == IOException.class) {
                    // The JDK's "No space left on device" names no file: say which one could not be written.
                    FileSystemException named = new FileSystemException(target.toString(), null,
                            "cannot write: " + e.getMessage());
                    named.initCause(e);
                    throw named;
                }
                throw e;
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The original fault matters more; a stray hidden .part file is the worst outcome.
                }
            }
        }
    }

    /**
     * Puts {@code existing} at {@code target} as a second name of the same file (a hard link, made under a
     * temporary name and moved into place, so the target is never half there) when it holds exactly
     * the parts one after another, compared byte by byte: a file someone changed, however slightly, is not used.
     * Its modification time becomes now, as if it had been written. False, with nothing changed, when the bytes
     * differ or the file system cannot link; the caller then writes the bytes ({@link #write(Path, byte[]...)}).
     * Writing 69 MB again and flushing it to disk is what this saves an unchanged notebook's re-run.
     */
    public static boolean linkIfSame(Path target, Path existing, byte[]... parts) throws IOException {
        if (!Files.isRegularFile(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || Files.size(existing) != totalLength(parts)) {
            return false;
        }
        Path absolute = target.toAbsolutePath().normalize();
        Path temp = createTemp(absolute.getParent(), absolute.getFileName().toString());
        boolean moved = false;
        try {
            Files.delete(temp); // createTemp reserved the name; the link takes it
            try {
                Files.createLink(temp, existing);
            } catch (UnsupportedOperationException | FileSystemException e) {
                return false; // another file system, or one without links: the bytes are written instead
            }
            if (!sameBytes(temp, parts)) {
                return false; // compared through the link: the very file that would be delivered
            }
            Files.setLastModifiedTime(temp, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Whether the regular file holds exactly the parts, one after another: every byte compared, read in slices
     * into one small buffer (no second copy in memory; reading costs what copying from the page cache costs, where
     * mapping the whole file cost a page fault per page, as much as writing it). False when it cannot be read.
     */
    public static boolean sameBytes(Path file, byte[]... parts) {
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() != totalLength(parts)) {
                return false;
            }
            // No larger than the file: a chart is tens of kilobytes, and an array of 1 MiB or more is made in the
            // old generation (the launcher's -XX:PretenureSizeThreshold): an unchanged run's forty chart files
            // filled 40 MiB of it, which only a full collection empties.
            ByteBuffer slice = ByteBuffer.allocate((int) Math.min(WRITE_SLICE_BYTES, Math.max(1, channel.size())));
            for (byte[] part : parts) {
                for (int from = 0; from < part.length; ) {
                    slice.clear().limit(Math.min(WRITE_SLICE_BYTES, part.length - from));
                    while (slice.hasRemaining()) {
                        if (channel.read(slice) < 0) {
                            return false; // cut short meanwhile
                        }
                    }
                    if (java.util.Arrays.mismatch(slice.array(), 0, slice.position(), part, from,
                            from + slice.position()) >= 0) {
                        return false;
                    }
                    from += slice.position();
                }
            }
            return channel.read(slice.clear()) < 0; // nothing after them (grown meanwhile: not the same)
        } catch (IOException | RuntimeException e) {
            return false; // unreadable: not the same, so written again
        }
    }

    private static long totalLength(byte[]... parts) {
        long length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        return length;
    }

    /**
     * Whether a file is a temporary file this class made for a process that no longer runs (killed
     * mid-write): only such files may be removed by a later run. Temporary files of a live process, and
     * every file named otherwise, are not leftovers.
     */
    public static boolean isLeftover(Path file) {
        Matcher m = TEMP_NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return false;
        }
        if (m.group(1) == null) {
            return true; // named before temporary files carried their process id
        }
        try {
            long pid = Long.parseLong(m.group(1));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** ".master.wav.4711.1a2b3c-0.part": the target's name, the writing process, a nonce, the attempt. */
    private static final Pattern TEMP_NAME = Pattern.compile("^\\..+?\\.(?:(\\d{1,19})\\.)?[0-9a-f]+-\\d+\\.part$");

    /** A new hidden file next to the target, never one that exists already. */
    private static Path createTemp(Path folder, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + name + "." + ProcessHandle.current().pid() + "."
                    + Long.toHexString(System.nanoTime()) + "-" + attempt + ".part");
            try {
                FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(folder.toString(), null, "folder does not exist");
            } catch (AccessDeniedException e) {
                // Name the folder the user chose, not the hidden file nobody asked for.
                throw new AccessDeniedException(folder.toString(), null, "cannot write in this folder");
            }
        }
    }
}
