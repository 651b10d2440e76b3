package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.freshears.notebook.Notebook;
import org.freshears.notebook.NotebookRun;
import org.freshears.notebook.PercentNotebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook file is written on a thread of its own beside the rest of the run's files: its line still comes
 * first, its bytes are those written alone, and its failure is the one told.
 */
class RunOutputsTest {
    @TempDir
    Path dir;

    private static final Notebook NOTEBOOK = PercentNotebook.parse("outputs.jsh", "// %% [markdown]\n// # Outputs\n");
    private static final NotebookRun RUN = new NotebookRun(NOTEBOOK, List.of(), Optional.empty(), Duration.ZERO);

    private String write(Path out) throws IOException {
        StringWriter lines = new StringWriter();
        RunOutputs.write(dir.resolve("outputs.jsh"), NOTEBOOK, RUN, List.of(), List.of(), s -> null, s -> List.of(),
                out, new PrintWriter(lines, true));
        return lines.toString();
    }

    @Test
    void theNotebookFilesLineComesFirstAndItsBytesAreThoseWrittenAlone() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        String lines = write(out);
        assertEquals(List.of("wrote " + out.resolve("notebook.ipynb"), "wrote " + out.resolve("report.html")),
                lines.lines().toList());
        Path alone = dir.resolve("alone.ipynb");
        org.freshears.notebook.IpynbWriter.write(alone, RUN.toIpynbCells());
        assertEquals(Files.readString(alone), Files.readString(out.resolve("notebook.ipynb")));
    }

    @Test
    void aNotebookFileThatCannotBeWrittenIsTheFailureToldAsWhenItWasWrittenFirst() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(out.resolve("notebook.ipynb").resolve("in the way")); // a folder in its place
        IOException e = assertThrows(IOException.class, () -> write(out));
        assertTrue(e.getMessage().contains("notebook.ipynb"), e.getMessage());
        // The report fails too (and first, on its own thread): the notebook file's failure is still the one told.
        Files.delete(out.resolve("report.html"));
        Files.createDirectories(out.resolve("report.html").resolve("in the way"));
        e = assertThrows(IOException.class, () -> write(out));
        assertTrue(e.getMessage().contains("notebook.ipynb"), e.getMessage());
    }
}
