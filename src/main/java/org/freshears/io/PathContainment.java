package org.freshears.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Keeps writes inside a folder. A path that reads as inside it may still lead out through a symbolic link
 * on the way (an existing "link/" in "link/x.wav", or the file itself being a link); what counts is where
 * the file system would put the file: the real path of the deepest part of the path that exists, followed
 * by the names that do not exist yet (and so cannot be links).
 */
public final class PathContainment {
    private PathContainment() {
    }

    /**
     * Returns the path where a write to {@code file} would land, or throws when that is outside the real
     * path of {@code folder}.
     *
     * @param folder the folder writes must stay in; it must exist
     * @param file   a path inside it (as spelled, relative to the working folder or absolute)
     */
    public static Path requireInside(Path folder, Path file) throws IOException {
        Path realFolder = folder.toRealPath();
        Path absolute = file.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path landing = existing == null ? absolute
                : existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        if (!landing.startsWith(realFolder) || landing.equals(realFolder)) {
            throw new FileSystemException(file.toString(), null, "would be written outside the output folder "
                    + folder + " (a symbolic link leads to " + landing + "); refusing to write");
        }
        return landing;
    }
}
