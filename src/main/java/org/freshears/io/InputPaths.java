package org.freshears.io;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a file a notebook names by a relative path is ({@code session("samples/demo-mix.wav")}): in the
 * notebook's folder, else in the nearest folder above it that has it, else in the working folder. So a
 * notebook in {@code notebooks/} finds the repository's {@code samples/}, the same file whether it runs
 * with {@code freshears run} from the repository or any other folder, or in Jupyter, which starts its
 * kernel in the notebook's folder; and a notebook that names its mix relative to the folder it is run
 * from still finds it. An absolute path is taken as it is.
 */
public final class InputPaths {
    private InputPaths() {
    }

    /**
     * The file, as a path relative to the working folder when it is inside it (as the user would type it),
     * else absolute; a file found nowhere is refused, naming where it was looked for.
     *
     * @param folder the notebook's folder (relative to the working folder or absolute)
     */
    public static Path resolve(Path folder, Path file) {
        if (file.isAbsolute()) {
            return file;
        }
        Path start = folder.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(file);
            if (Files.exists(candidate)) {
                return shown(candidate.normalize());
            }
        }
        Path here = Path.of("").toAbsolutePath();
        if (Files.exists(here.resolve(file))) {
            return shown(here.resolve(file).normalize());
        }
        throw new UncheckedIOException(new NoSuchFileException(file + " (looked in " + shown(start)
                + ", the folders above it and the working folder)"));
    }

    private static Path shown(Path absolute) {
        Path here = Path.of("").toAbsolutePath();
        if (absolute.equals(here)) {
            return Path.of(".");
        }
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }
}
