package org.freshears.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportsInUseTest {
    private static final String LIST = "import java.util.*;";
    private static final String NIO = "import java.nio.file.*;";
    private static final String NET = "import java.net.*;";
    private static final String DSL_TYPE = "import org.freshears.notebook.testdsl.TestDsl;";
    private static final String DSL = "import static org.freshears.notebook.testdsl.TestDsl.*;";
    private static final String CELL_STATUS = "import org.freshears.notebook.CellStatus;";
    private static final String STATUSES = "import static org.freshears.notebook.CellStatus.*;";
    private static final List<String> IMPORTS = List.of(LIST, NIO, NET, DSL_TYPE, DSL, CELL_STATUS, STATUSES);

    private static List<String> among(String... cells) {
        return ImportsInUse.among(IMPORTS, List.of(cells), ImportsInUseTest.class.getClassLoader());
    }

    @Test
    void keepsOnlyTheImportsWhoseNamesTheCodeWrites() {
        // ratio is a static method of TestDsl; nothing of java.util, java.nio.file or java.net is named.
        assertEquals(List.of(DSL), among("var r = ratio(2);\nint n = 2 + 3;"));
    }

    @Test
    void aNameWrittenKeepsEveryImportThatCouldBringItIn() {
        // List: java.util; Path: java.nio.file; URI: java.net; CellStatus the type, OK one of its constants.
        assertEquals(IMPORTS.stream().filter(i -> !i.equals(DSL_TYPE) && !i.equals(DSL)).toList(),
                among("List<Path> ps = new ArrayList<>();", "var u = URI.create(\"a:b\");",
                        "CellStatus s = OK;"));
        assertEquals(List.of(DSL_TYPE), among("TestDsl.class.getName()"));
        // A member type reached through an on-demand import of its class counts as well.
        assertEquals(List.of(LIST), among("Map.Entry<String, String> e = null;"));
    }

    @Test
    void wordsInCommentsAndStringsKeepTheirImportsToo() {
        // Harmless: one import too many is one compile, never a different meaning.
        assertEquals(List.of(NIO), among("// Files are written later\nString what = \"Paths\";"));
    }

    @Test
    void unicodeEscapesKeepEveryImport() {
        assertEquals(IMPORTS, among("\\u004cist<String> l = null;"));
    }

    @Test
    void anImportThatCannotBeCheckedIsKept() {
        List<String> imports = List.of("import static org.nowhere.Nope.*;", "import java.util.*;");
        assertEquals(List.of("import static org.nowhere.Nope.*;"),
                ImportsInUse.among(imports, List.of("int x = 1;"), getClass().getClassLoader()));
    }

    @Test
    void aRunWithTheUsedImportsSeesWhatTheCellsName() {
        Notebook notebook = PercentNotebook.parse("imports.jsh", String.join("\n",
                "// %%",
                "List<String> names = new ArrayList<>(List.of(\"b\", \"a\"));",
                "// %%",
                "Collections.sort(names);",
                "System.out.println(names + \" \" + ratio(2).getClass().getSimpleName());"));
        NotebookRun run = new NotebookRunner().withImports(IMPORTS).run(notebook);
        assertEquals(Optional.empty(), run.failure().map(CellFailure::message));
        assertEquals("[a, b] Ratio\n", run.cells().get(1).stdout());
    }

    @Test
    void anImportKeptForItsNameStillClashesWithTheNotebooksOwnClass() {
        // As with every import evaluated: the kept single-type import and the cell's class of that name clash.
        Notebook notebook = PercentNotebook.parse("clash.jsh", "// %%\nclass CellStatus { }\nSystem.out.println(new CellStatus());\n");
        NotebookRun run = new NotebookRunner().withImports(IMPORTS).run(notebook);
        assertEquals(Optional.of("cell 1, line 3: a type with the same simple name is already defined by the"
                + " single-type-import of org.freshears.notebook.CellStatus"), run.failure().map(CellFailure::message));
    }
}
