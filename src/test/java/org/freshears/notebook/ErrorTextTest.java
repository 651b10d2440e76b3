package org.freshears.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A cell's exception reaches the user as one line in plain words, never as a Java class name. */
class ErrorTextTest {
    private static String messageOf(String... lines) {
        return NotebookRunnerTest.RUNNER.run(PercentNotebook.parse("x.jsh", String.join("\n", lines)))
                .failure().orElseThrow().message();
    }

    @Test
    void theCellsOwnProgrammingErrorsInPlainWords() {
        assertEquals("cell 1, line 3: an index is past the end of an array (index 5, length 2)",
                messageOf("// %%", "int[] gains = new int[2];", "gains[5] = 1;"));
        assertEquals("cell 1, line 3: name is null", messageOf("// %%", "String name = null;", "name.length();"));
        assertEquals("cell 1, line 2: not a number: \"-3 dB\"", messageOf("// %%", "Double.parseDouble(\"-3 dB\");"));
        assertEquals("cell 1, line 2: an index is past the end of a list (index 3, length 0)",
                messageOf("// %%", "new ArrayList<String>().get(3);"));
    }

    @Test
    void theDslsOwnMessagesAsTheyAre() {
        assertEquals("cell 1, line 2: ratio must be >= 1, got 0.5", messageOf("// %%", "ratio(0.5);"));
        assertEquals("no such file: mix.wav",
                ErrorText.forUser("UncheckedIOException", "java.nio.file.NoSuchFileException: mix.wav", true));
    }

    @Test
    void aFaultInsideFreshEarsIsCalledABug() {
        List<String> trace = List.of("java.lang.ArrayIndexOutOfBoundsException: Index 4 out of bounds for length 4",
                "    at org.freshears.chain.Crossover.split(Crossover.java:88)", "    at cell 3, line 12");
        assertFalse(ErrorText.thrownInNotebookCode(trace));
        String line = ErrorText.forUser("ArrayIndexOutOfBoundsException", "Index 4 out of bounds for length 4", false);
        assertEquals("Fresh Ears failed inside this call: an index is past the end of an array (index 4, length 4)."
                + " That is a bug; please report it with the notebook (notebook.ipynb holds the trace)", line);
        assertTrue(ErrorText.thrownInNotebookCode(List.of("java.lang.NullPointerException",
                "    at java.base/java.util.Objects.requireNonNull(Objects.java:233)", "    at cell 2, line 4")));
        assertEquals("failed unexpectedly", ErrorText.forUser("SomethingOddException", "odd", true));
    }
}
