package org.freshears.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary folder for an external program's files (a master as float WAV, its encodings and
 * decodings), removed with everything in it when closed, whether the work succeeded or not.
 */
public final class ScratchFolder implements AutoCloseable {
    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    /** A new folder under the system's temporary folder, named after its purpose. */
    public static ScratchFolder create(String purpose) throws IOException {
        return new ScratchFolder(Files.createTempDirectory("freshears-" + purpose + "-"));
    }

    /** A new folder inside {@code parent}, named after its purpose. */
    public static ScratchFolder create(String purpose, Path parent) throws IOException {
        return new ScratchFolder(Files.createTempDirectory(parent, "freshears-" + purpose + "-"));
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary folder " + path, e);
        }
    }
}
