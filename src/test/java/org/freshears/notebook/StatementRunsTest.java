package org.freshears.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.freshears.notebook.testdsl.StatementProbe;
import org.freshears.session.SessionContext;
import org.junit.jupiter.api.Test;

/**
 * A cell's consecutive call statements are compiled as one block ({@link StatementRuns}): what the cell does,
 * shows and reports is what it was snippet by snippet.
 */
class StatementRunsTest {
    private static final NotebookRunner RUNNER = new NotebookRunner().withImports(Stream.concat(
            NotebookRunnerTest.TEST_IMPORTS.stream(),
            Stream.of("import org.freshears.notebook.testdsl.StatementProbe;")).toList());

    private static SnippetSplitter.Piece piece(String cell, String source) {
        return new SnippetSplitter.Piece(source, cell.indexOf(source));
    }

    @Test
    void onlyCallStatementsAreJoinedAndNeverTheCellsLast() {
        assertTrue(StatementRuns.joinable("s.step(\"a\", gain(-1)).addresses(mud);"));
        assertTrue(StatementRuns.joinable("check(\n    0.5);"));
        assertFalse(StatementRuns.joinable("var x = f();"), "a declaration: a block would hide it");
        assertFalse(StatementRuns.joinable("double y = f();"));
        assertFalse(StatementRuns.joinable("x = f();"));
        assertFalse(StatementRuns.joinable("if (x) f();"));
        assertFalse(StatementRuns.joinable("new Foo().bar();"));
        assertFalse(StatementRuns.joinable("f(); // a comment would swallow what follows"));
        assertFalse(StatementRuns.joinable("s.checklist()"), "no ';': a value to show");

        String cell = "f(1);\ng(2);\n\nh(\n  3);\nvar k = 4;\ni(5);\nj(6);";
        List<SnippetSplitter.Piece> pieces = Stream.of("f(1);", "g(2);", "h(\n  3);", "var k = 4;", "i(5);", "j(6);")
                .map(s -> piece(cell, s)).toList();
        List<StatementRuns.Run> runs = StatementRuns.of(cell, pieces);
        assertEquals(4, runs.size(), runs.toString());
        assertEquals(pieces.subList(0, 3), runs.get(0).parts());
        assertEquals("{f(1);" + StatementRuns.STATEMENT_END + "\ng(2);" + StatementRuns.STATEMENT_END
                + "\n\nh(\n  3);" + StatementRuns.STATEMENT_END + "\n}", runs.get(0).piece().source(),
                "every statement on its own line, as in the cell");
        assertEquals(0, runs.get(0).piece().offset());
        assertFalse(runs.get(1).joined(), "the declaration stays a snippet");
        assertFalse(runs.get(2).joined(), "one call alone is not joined");
        assertFalse(runs.get(3).joined(), "the cell's last snippet shows its value");
    }

    @Test
    void aRuntimeErrorInAJoinedStatementNamesItsLineAndTheStatementsBeforeItRan() {
        String text = String.join("\n",
                "// %%",                            // 1 cell 1
                "void check(double r) { ratio(r); }", // 2
                "// %%",                            // 3 cell 2
                "System.out.println(\"first\");",   // 4
                "System.out.println(",              // 5
                "    \"second\");",                 // 6
                "check(0.5);",                      // 7
                "System.out.println(\"never\");",   // 8
                "\"last\"");                        // 9
        NotebookRun run = RUNNER.run(PercentNotebook.parse("joined.jsh", text));
        CellFailure failure = run.failure().orElseThrow();
        assertEquals("cell 2, line 7: ratio must be >= 1, got 0.5", failure.message());
        assertEquals("    at cell 2, line 7", failure.traceback().get(failure.traceback().size() - 1));
        assertEquals("first\nsecond\n", run.cell(2).stdout().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aJoinedBlockStoppedInItsThirdStatementIsReportedAtThatStatementsLine() {
        String text = String.join("\n",
                "// %%",                            // 1 cell 1
                "void loop() { while (true) { } }", // 2
                "// %%",                            // 3 cell 2
                "System.out.println(\"a\");",       // 4
                "System.out.println(\"b\");",       // 5
                "loop();",                          // 6
                "System.out.println(\"never\");",   // 7
                "1");                               // 8
        NotebookRun run = RUNNER.withCellTimeout(java.time.Duration.ofSeconds(1))
                .run(PercentNotebook.parse("stopped.jsh", text));
        assertEquals("cell 2, line 6: timed out after 1 s", run.failure().orElseThrow().message());
        assertEquals("a\nb\n", run.cell(2).stdout().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aJoinedBlockThatDoesNotCompileRunsStatementByStatementAsBefore() {
        try (LiveNotebook notebook = new LiveNotebook(RUNNER, NotebookContext.standalone())) {
            CellRun run = notebook.execute(String.join("\n",
                    "System.out.println(\"a\");",
                    "System.out.println(\"b\");",
                    "System.out.println(nope);",
                    "System.out.println(\"d\");",
                    "1 + 1"));
            CellFailure failure = run.failure().orElseThrow();
            assertEquals("cell 1, line 3: cannot find symbol: variable nope", failure.message());
            assertEquals(List.of("cell 1, line 3: cannot find symbol: variable nope", "System.out.println(nope);",
                    " ".repeat(19) + "^"), failure.traceback());
            assertEquals("a\nb\n", run.stdout().replace(System.lineSeparator(), "\n"), "the statements before ran");
        }
    }

    @Test
    void aKernelShowsWhatEachJoinedStatementDeferredWhenThatStatementEnds() {
        NotebookContext context = new NotebookContext(SessionContext.defaults(), null,
                new CellOutputs(System.err));
        try (LiveNotebook notebook = new LiveNotebook(RUNNER, context)) {
            StatementProbe.EVENTS.clear();
            context.outputs().showLive(output -> StatementProbe.EVENTS.add(
                    new String(output.data(), StandardCharsets.UTF_8)));
            CellRun run = notebook.execute("StatementProbe.step(\"1\");\nStatementProbe.step(\"2\");\n"
                    + "StatementProbe.step(\"3\");\n\"done\"");
            assertTrue(run.failure().isEmpty(), run.toString());
            assertEquals(List.of("ran 1", "shown 1", "ran 2", "shown 2", "ran 3", "shown 3"), StatementProbe.EVENTS);
        }
    }
}
