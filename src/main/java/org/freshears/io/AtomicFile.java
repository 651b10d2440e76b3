package org.freshears.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

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

    private AtomicFile() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
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

    /** A new hidden file next to the target, never one that exists already. */
    private static Path createTemp(Path folder, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + name + "." + Long.toHexString(System.nanoTime()) + "-" + attempt
                    + ".part");
            try {
                FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(folder.toString(), null, "folder does not exist");
            }
        }
    }
}
