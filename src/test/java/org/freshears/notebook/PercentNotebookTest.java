package org.freshears.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PercentNotebookTest {

    private static final String DEMO = String.join("\n",
            "// Night Drive master",             // 1  before the first marker: a code cell
            "import java.time.*;",               // 2
            "",                                  // 3
            "// %% [markdown]",                  // 4
            "// # Night Drive",                  // 5
            "//",                                // 6
            "// second pass, *fresh* ears",      // 7
            "",                                  // 8
            "// %% Load",                        // 9
            "var s = session(\"mix.wav\");",     // 10
            "",                                  // 11
            "",                                  // 12
            "// %%   Chain  ",                   // 13
            "",                                  // 14
            "s.step(\"x\", a)",                  // 15
            "    .addresses(b);",                // 16
            "// %% Notes [md]",                  // 17
            "// a titled markdown cell",         // 18
            "// %%",                             // 19
            "") + "\n";

    @Test
    void cellsKindsTitlesSourcesAndLines() {
        List<Cell> cells = PercentNotebook.parse("demo.jsh", DEMO).cells();
        assertEquals(List.of(
                new Cell(CellKind.CODE, "// Night Drive master\nimport java.time.*;", 1, ""),
                new Cell(CellKind.MARKDOWN, "# Night Drive\n\nsecond pass, *fresh* ears", 5, ""),
                new Cell(CellKind.CODE, "var s = session(\"mix.wav\");", 10, "Load"),
                new Cell(CellKind.CODE, "s.step(\"x\", a)\n    .addresses(b);", 15, "Chain"),
                new Cell(CellKind.MARKDOWN, "a titled markdown cell", 18, "Notes"),
                new Cell(CellKind.CODE, "", 19, "")), cells);
    }

    @Test
    void blankLinesBeforeTheFirstMarkerMakeNoCell() {
        List<Cell> cells = PercentNotebook.parse("x", "\n  \n// %%\nint x = 1;\n").cells();
        assertEquals(List.of(new Cell(CellKind.CODE, "int x = 1;", 4, "")), cells);
    }

    @Test
    void aFileWithoutMarkersIsOneCodeCell() {
        assertEquals(List.of(Cell.code("int x = 1;\nx", 1)), PercentNotebook.parse("x", "int x = 1;\nx").cells());
        assertEquals(List.of(), PercentNotebook.parse("x", "").cells());
    }

    @Test
    void windowsLineEndingsReadLikeUnix() {
        assertEquals(PercentNotebook.parse("a", DEMO), PercentNotebook.parse("b", DEMO.replace("\n", "\r\n")));
    }

    @Test
    void markdownKeepsIndentationAfterThePrefixAndLinesWithoutIt() {
        Cell cell = PercentNotebook.parse("x", "// %% [markdown]\n//     code block\n//no space\nplain\n").cells().get(0);
        assertEquals("    code block\nno space\nplain", cell.source());
    }

    @Test
    void canonicalTextRoundTripsExactly() {
        String canonical = String.join("\n",
                "// %% [markdown]",
                "// # Title",
                "//",
                "// text",
                "",
                "// %% Chain",
                "var x = 1;",
                "",
                "x + 1",
                "",
                "// %% Notes [markdown]",
                "// more",
                "",
                "// %%") + "\n";
        assertEquals(canonical, PercentNotebook.parse("c", canonical).toText());
    }

    @Test
    void anyNotebookReadsBackToTheSameCells() {
        Notebook parsed = PercentNotebook.parse("demo", DEMO);
        Notebook again = PercentNotebook.parse("again", parsed.toText());
        assertEquals(parsed.cells().size(), again.cells().size());
        for (int i = 0; i < parsed.cells().size(); i++) {
            Cell a = parsed.cells().get(i);
            Cell b = again.cells().get(i);
            assertEquals(List.of(a.kind(), a.source(), a.title()), List.of(b.kind(), b.source(), b.title()));
        }
        // Written text puts a marker on every cell; the implicit first cell gains one.
        assertTrue(parsed.toText().startsWith("// %%\n// Night Drive master\n"), parsed.toText());
    }

    @Test
    void parsesFilesAsUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("n.jsh");
        Files.writeString(file, "// %% [markdown]\n// Ça sonne — 🎧\n");
        assertEquals("Ça sonne — 🎧", PercentNotebook.parse(file).cells().get(0).source());
    }
}
