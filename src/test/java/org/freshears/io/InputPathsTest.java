package org.freshears.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A notebook's relative inputs: its folder first, then the folders above it; the same from any working folder. */
class InputPathsTest {
    @TempDir
    Path project;

    @Test
    void theNotebooksFolderComesFirstThenTheFoldersAboveIt() throws IOException {
        Path notebooks = Files.createDirectories(project.resolve("notebooks"));
        Files.createDirectories(project.resolve("samples"));
        Files.writeString(project.resolve("samples/mix.wav"), "above");
        assertEquals(project.resolve("samples/mix.wav"), InputPaths.resolve(notebooks, Path.of("samples/mix.wav")));
        Files.createDirectories(notebooks.resolve("samples"));
        Files.writeString(notebooks.resolve("samples/mix.wav"), "beside");
        assertEquals(notebooks.resolve("samples/mix.wav"), InputPaths.resolve(notebooks, Path.of("samples/mix.wav")));
    }

    @Test
    void aFileInsideTheWorkingFolderIsShownRelativeToIt() {
        // The repository's own layout: notebooks/ and samples/ side by side under the working folder.
        assertEquals(Path.of("samples/demo-mix.wav"), InputPaths.resolve(Path.of("notebooks"), Path.of("samples/demo-mix.wav")));
        assertEquals(Path.of("samples/demo-mix.wav"),
                InputPaths.resolve(Path.of("notebooks").toAbsolutePath(), Path.of("samples/demo-mix.wav")));
    }

    @Test
    void aFileNamedRelativeToTheWorkingFolderIsFoundLast() {
        // A notebook elsewhere (here: a temporary folder) naming the repository's sample, run from the repository.
        assertEquals(Path.of("samples/demo-mix.wav"), InputPaths.resolve(project, Path.of("samples/demo-mix.wav")));
    }

    @Test
    void anAbsolutePathIsTakenAsItIs() {
        Path absolute = project.resolve("nowhere.wav");
        assertEquals(absolute, InputPaths.resolve(Path.of("notebooks"), absolute));
    }

    @Test
    void aFileFoundNowhereIsRefusedNamingWhereItWasLookedFor() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> InputPaths.resolve(project, Path.of("missing-7f3a.wav")));
        assertTrue(e.getCause() instanceof NoSuchFileException);
        assertEquals("missing-7f3a.wav (looked in " + project + ", the folders above it and the working folder)", e.getCause().getMessage());
    }
}
